/**
 * THE one place a workshop item's (and candidate priority's) text is turned into what is stored. Every capture, edit,
 * import and demo item goes through storedItemText, so redaction of personal data (issue 10) is wired here once.
 * Pure.
 */
import { withoutHiddenCharacters } from '../platform/csvSafe.js';

export const ITEM_MAX_LENGTH = 1000;

/** The text as stored: hidden characters removed, runs of white space made one space, trimmed. */
export function storedItemText(text: string): string {
  return withoutHiddenCharacters(text).replace(/\s+/g, ' ').trim();
}
