import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { applyFix } from './apply-fix.js';
import { readNote } from './read-contact.js';

/** Each repair a diagnostic carries, made on the text it was found in: the problem goes, and nothing else changes. */
describe('applyFix', () => {
  const repaired = (text: string) => {
    const fix = readNote('ana-lima.md', text).diagnostics[0]?.fix;
    if (!fix) throw new Error('no fix');
    return applyFix(text, fix);
  };

  it('puts a value in quotes, closes a quote or a list, in a note with a BOM and Windows line ends too', () => {
    expect(repaired('---\ntype: contact\nname: Ana Lima\nrole: Lead: Data Platform\nstage: held\n---\n')).toBe('---\ntype: contact\nname: Ana Lima\nrole: "Lead: Data Platform"\nstage: held\n---\n');
    expect(repaired('\uFEFF---\r\ntype: contact\r\nname: "Ana Lima\r\nstage: held\r\n---\r\n# Ana\r\n')).toBe('\uFEFF---\r\ntype: contact\r\nname: "Ana Lima"\r\nstage: held\r\n---\r\n# Ana\r\n');
    expect(repaired('---\ntype: contact\nname: Ana Lima\ntags: [ux, research # from the fair\nstage: held\n---\n')).toBe('---\ntype: contact\nname: Ana Lima\ntags: [ux, research] # from the fair\nstage: held\n---\n');
    // Characters outside the Basic Multilingual Plane count two, as in the editor.
    expect(repaired('---\ntype: contact\nname: "Ana 🌱 Lima\nstage: held\n---\n')).toBe('---\ntype: contact\nname: "Ana 🌱 Lima"\nstage: held\n---\n');
  });

  it('sets the fields of a fields fix losslessly', () => {
    expect(applyFix('---\ntype: contact\nname: Kwame Mensah # met at the fair\nstage: identified\n---\n', { title: 'Add referred_by: "[[hana-ito]]"', fields: { referred_by: '[[hana-ito]]', source: 'referral' } })).toBe(
      '---\ntype: contact\nname: Kwame Mensah # met at the fair\nstage: identified\nreferred_by: "[[hana-ito]]"\nsource: referral\n---\n',
    );
  });

  it('refuses a range the text does not have', () => {
    expect(() => applyFix('---\ntype: contact\n---\n', { title: 'Close the quote', line: 9, column: 1, endLine: 9, endColumn: 1, text: '"' })).toThrow(InvalidInputError);
    expect(() => applyFix('---\ntype: contact\n---\n', { title: 'Close the quote', line: 2, column: 20, endLine: 2, endColumn: 20, text: '"' })).toThrow(
      new InvalidInputError('"Close the quote" is not a repair of this text: it has no 2:20-2:20'),
    );
  });
});
