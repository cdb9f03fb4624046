/**
 * THE one place a workshop item's (and candidate priority's) text is turned into what is stored. Every capture, edit,
 * import and demo item goes through storedItemText, so personal data is redacted here once, as residents' answers
 * are (docs/redaction.md). Pure.
 */
import { withoutHiddenCharacters } from '../platform/csvSafe.js';
import { redactText } from '../redaction/index.js';

export const ITEM_MAX_LENGTH = 1000;

/** The text as stored: hidden characters removed, runs of white space made one space, trimmed, personal data redacted. */
export function storedItemText(text: string): string {
  return redactText(withoutHiddenCharacters(text).replace(/\s+/g, ' ').trim()).text;
}
