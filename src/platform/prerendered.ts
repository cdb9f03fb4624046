/**
 * Pre-rendered pages: rendered once with placeholders where the per-request CSRF token and CSP nonce go, then
 * served by splicing those two values in. Rendering a GOV.UK page through Nunjucks costs about a millisecond;
 * splicing costs microseconds.
 */
import { TtlCache } from './ttlCache.js';

export const CSRF_PLACEHOLDER = '__saferplan_csrf_token__';
export const NONCE_PLACEHOLDER = '__saferplan_csp_nonce__';

const PLACEHOLDERS = new RegExp(`${CSRF_PLACEHOLDER}|${NONCE_PLACEHOLDER}`);

interface Slot {
  slot: 'csrf' | 'nonce';
}
/** The page split at its placeholders: literal text and slots, in order. */
export type PageWithSlots = (string | Slot)[];

/**
 * Whitespace between tags collapsed to one space: the templates' indentation is a fifth of a page. Only for
 * pages with no pre-filled textarea or pre, where whitespace inside an element is content.
 */
export function collapseWhitespace(html: string): string {
  return /<(textarea|pre)\b[^>]*>[^<]/i.test(html) ? html : html.replace(/>\s+</g, '> <');
}

export function compilePage(html: string): PageWithSlots {
  const parts: PageWithSlots = [];
  let rest = collapseWhitespace(html);
  for (let m = PLACEHOLDERS.exec(rest); m; m = PLACEHOLDERS.exec(rest)) {
    parts.push(rest.slice(0, m.index), { slot: m[0] === CSRF_PLACEHOLDER ? 'csrf' : 'nonce' });
    rest = rest.slice(m.index + m[0].length);
  }
  parts.push(rest);
  return parts;
}

export function fillSlots(page: PageWithSlots, values: { csrf: string; nonce: string }): string {
  let out = '';
  for (const part of page) out += typeof part === 'string' ? part : values[part.slot];
  return out;
}

/**
 * Compiled pages by key; forgets everything past `maxEntries` (keys include the survey version, so old ones fall
 * away) and, where the page shows data that can change (the home page's list), each entry after `ttlMs`.
 */
export class PrerenderedPages {
  private readonly pages: TtlCache<PageWithSlots>;

  constructor(maxEntries = 500, ttlMs = Number.POSITIVE_INFINITY) {
    this.pages = new TtlCache(ttlMs, maxEntries);
  }

  async render(key: string, render: () => Promise<string>, values: { csrf: string; nonce: string }): Promise<string> {
    return fillSlots(await this.pages.get(key, () => render().then(compilePage)), values);
  }
}
