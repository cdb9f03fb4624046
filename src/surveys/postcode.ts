/**
 * UK postcodes, kept only to the sector ("CV1 2GN" -> "CV1 2"): the full postcode is never stored.
 * Accepts a full postcode (any case and spacing) or an already-reduced sector ("CV1 2").
 */
const OUTWARD = '(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])';
const FULL = new RegExp(`^(${OUTWARD})([0-9])[ABD-HJLNP-UW-Z]{2}$`);
const SECTOR = new RegExp(`^(${OUTWARD}) ([0-9])$`);

/** The postcode sector, or null when the text is not a real-looking UK postcode. */
export function postcodeSector(input: string): string | null {
  const upper = input.toUpperCase().trim().replace(/\s+/g, ' ');
  const full = FULL.exec(upper.replace(/ /g, ''));
  if (full) return `${full[1]} ${full[2]}`;
  const sector = SECTOR.exec(upper);
  if (sector) return `${sector[1]} ${sector[2]}`;
  return null;
}
