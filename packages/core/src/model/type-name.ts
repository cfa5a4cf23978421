/** What a value given in place of another is, for an error to a caller without types: `undefined`, `null`, `an array`, `a number`. */
export function typeName(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}
