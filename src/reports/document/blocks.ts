/** Small constructors for report blocks, so builders read like the document they make. */
import type { Block, Inline } from './reportDocument.js';

export const heading = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text });
export const paragraph = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
export const bullets = (items: (string | Inline[])[]): Block => ({
  kind: 'list',
  ordered: false,
  items: items.map((i) => (typeof i === 'string' ? [i] : i)),
});
export const numbered = (items: (string | Inline[])[]): Block => ({
  kind: 'list',
  ordered: true,
  items: items.map((i) => (typeof i === 'string' ? [i] : i)),
});
export const notice = (text: string): Block => ({ kind: 'notice', text });
export const table = (caption: string, header: string[], rows: (string | number)[][], note?: string): Block => ({
  kind: 'table',
  caption,
  header,
  rows,
  ...(note ? { note } : {}),
});
export const narrative = (key: string, text: string, placeholder: string): Block => ({ kind: 'narrative', key, text, placeholder });

/** "56.7%" read as a whole number in reports for the public ("57%"), one decimal below 10. */
export const readablePercent = (p: number | null | undefined): string =>
  p === null || p === undefined ? 'not published (too few)' : p >= 9.5 ? `${Math.round(p)}%` : `${p.toFixed(1)}%`;
export const count = (n: number) => n.toLocaleString('en-GB');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "18 March 2025" from yyyy-mm-dd or an ISO time (its London date). */
export function longDate(iso: string): string {
  const local = iso.length > 10 ? new Date(iso).toLocaleDateString('en-CA', { timeZone: 'Europe/London' }) : iso;
  const [y, m, d] = local.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}
