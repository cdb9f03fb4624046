/**
 * What every renderer does to the document's text before writing it: characters removed that XML 1.0 does not allow
 * (they make a DOCX or XLSX unreadable) or that hide or reorder what a reader sees (csvSafe's hidden characters), so
 * hostile text can make neither a corrupt file nor a misleading one. Also the shared ways numbers and sources read.
 */

import { withoutHiddenCharacters } from '../../platform/csvSafe.js';
import { formatLondon } from '../../platform/londonTime.js';
import type { Block, ReportSource } from '../document/reportDocument.js';

/** C0 controls but tab, LF and CR; U+FFFE and U+FFFF; lone surrogates (with the u flag a pair is one code point, so only halves match). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is removed.
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/gu;

/** Text safe in XML 1.0 and free of the characters that hide or reorder text. */
export const cleanText = (text: string): string => withoutHiddenCharacters(text.replace(NOT_IN_XML, ''));

const NUMBER = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 15 });

/** A number in a table as people read it: "1,234.5" (a year given as a number would read "2,024": give it as text). */
export const formatNumber = (value: number): string => (Number.isFinite(value) ? NUMBER.format(value) : '');

/** A table cell as text for HTML and DOCX (XLSX keeps numbers as numbers). */
export const cellText = (value: string | number): string => (typeof value === 'number' ? formatNumber(value) : cleanText(value));

/** Whether a table's column is right-aligned: as the block says, or else when every cell in it is a number. */
export function isNumericColumn(block: Extract<Block, { kind: 'table' }>, column: number): boolean {
  const flag = block.numeric?.[column];
  if (flag !== undefined) return flag;
  return block.rows.length > 0 && block.rows.every((row) => typeof row[column] === 'number');
}

/** "2 October 2024 at 9:30am" (UK time), or the text as given when it is not a date-time. */
export const drawnAt = (source: ReportSource): string =>
  Number.isNaN(Date.parse(source.drawnAt)) ? cleanText(source.drawnAt) : formatLondon(source.drawnAt);

/** "Crime Survey 2024 responses: data drawn 2 October 2024 at 9:30am". */
export const sourceLine = (source: ReportSource): string => `${cleanText(source.label)}: data drawn ${drawnAt(source)}`;
