/**
 * Age bands as ONS writes them ("Aged 15 years and under", "Aged 16 to 24 years", "Aged 65 years and over", "0-15",
 * "16-24"): whether a band is wholly under 16, for adult populations. Pure.
 */
export function isUnder16(band: string): boolean {
  const text = band.toLowerCase();
  const numbers = [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));
  if (numbers.length === 0) return false;
  const upper = /and under|or under|under \d|less than/.test(text)
    ? Math.max(...numbers) - (/under \d|less than/.test(text) ? 1 : 0)
    : Math.max(...numbers);
  if (/and over|or over|\+/.test(text)) return false;
  return upper < 16;
}
