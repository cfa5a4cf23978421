import slugify from '@sindresorhus/slugify';
import { withoutTitle } from '../model/person-name.js';

// A module of its own, loaded by `loadSlugger` on first use: slugify's transliteration tables are built when it loads.

const RESERVED_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_SLUG_LENGTH = 64;

/** `contactSlug`, synchronously: only for modules that load this one when they load (the exporters). */
export function contactSlugNow(written: string): string {
  // "Dr. Olivia Grant" is olivia-grant, the id a link to "Olivia Grant" expects.
  // An apostrophe inside a word is no break in it: "Kevin O'Brien" is kevin-obrien, "D’Souza" dsouza.
  const name = withoutTitle(written.trim()).replace(/(?<=\p{L})['\u2019](?=\p{L})/gu, '');
  let slug = slugify(name, { separator: '-', lowercase: true, decamelize: false }).slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
  if (slug === '') slug = [...lettersSlug(name)].slice(0, MAX_SLUG_LENGTH).join('').replace(/-+$/, '');
  if (slug === '') slug = 'contact';
  if (RESERVED_NAMES.test(slug)) slug = `${slug}-contact`;
  return slug;
}

/** Letters and digits of any script, lowercase, runs of anything else as one dash. */
function lettersSlug(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('en').replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}
