import { type ImportReading } from './candidate.js';
/**
 * Reads a vCard 3.0 or 4.0 file holding any number of cards. ical.js parses
 * each card (unfolding lines, grouped properties such as `item1.EMAIL`,
 * escapes); this function only frames the cards, so that a broken card is
 * reported with its line and the others are still read.
 *
 * Never throws for anything in the text.
 */
export declare function parseVCards(text: string, file: string): ImportReading;
