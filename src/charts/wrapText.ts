/**
 * Estimated text widths and line wrapping for chart labels, titles and footers. The SVG is drawn on the server, where
 * nothing can measure text, so widths come from Arial's (and Liberation Sans's, which has the same metrics) advance
 * widths in thousandths of an em, rounded into a few classes; unknown characters count as wide.
 */

const NARROW = new Set([...`iIjl.,:;'!|`]);
const SEMI = new Set([...'frt()[]-/ \u2019\u2018"']);
const WIDE = new Set([...'mwMW@%']);
const UPPER = /[A-Z]/;

/** Advance width of one character, in ems. */
function charWidth(c: string): number {
  if (NARROW.has(c)) return 0.24;
  if (SEMI.has(c)) return 0.32;
  if (WIDE.has(c)) return 0.86;
  if (UPPER.test(c)) return 0.68;
  return 0.56;
}

/** Estimated width of the text in pixels at this font size. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const c of text) ems += charWidth(c);
  return ems * fontSize;
}

/**
 * The text broken into lines no wider than maxWidth, at spaces; a word longer than a line is broken inside it with a
 * hyphen. Nothing is ever left out: every character of the text is in the lines, in order.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (textWidth(rest, fontSize) > maxWidth) {
      let cut = rest.length - 1;
      while (cut > 1 && textWidth(`${rest.slice(0, cut)}-`, fontSize) > maxWidth) cut--;
      lines.push(`${rest.slice(0, cut)}-`);
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
