/** Lowercase words without the final punctuation, to spot the same question written twice. */
export function questionKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/[\s?.!:]+$/, '').trim();
}
