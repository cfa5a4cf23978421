// A module of its own, with nothing else in it: a command that may need the slugger (`rapport agenda`) imports it
// without running what creating a contact needs (the note template and the letters' facts).

/**
 * `contactSlug`, synchronous once its module has loaded: for callers that slug many names in a
 * loop, or where nothing can wait (`referralGraph`'s `contactSlug` option).
 *
 * @example
 * ```ts
 * import { loadSlugger } from '@rapport/core';
 *
 * const contactSlug = await loadSlugger();
 * console.log(contactSlug('Renee Jackson')); // → renee-jackson
 * ```
 */
export async function loadSlugger(): Promise<(name: string) => string> {
  return (await import('./contact-slug.js')).contactSlugNow;
}
