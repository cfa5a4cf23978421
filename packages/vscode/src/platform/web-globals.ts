// Injected into the browser bundle only (esbuild `inject`): the CSV reader
// core imports LinkedIn exports with (csv-parse), and core's import around
// it, use Node's `Buffer`; the web-worker host has none. Every free `Buffer`
// of the bundle then refers to this maintained implementation instead.
export { Buffer } from 'buffer';
