/** A response reference as a respondent types it (any case, spaces or dashes anywhere), or null if it cannot be one. Pure. */
const ALPHABET = /^[0-9A-HJKMNP-TV-Z]{10}$/;

export function normaliseReference(input: string): string | null {
  if (input.length > 100) return null;
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (!ALPHABET.test(compact)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
}
