/**
 * Pre-rendered pages: rendered once with placeholders (random, fresh each render) where the per-request CSRF token and CSP nonce go, then
 * served by splicing those two values in. Rendering a GOV.UK page through Nunjucks costs about a millisecond;
 * splicing costs microseconds.
 */
import { randomBytes } from 'node:crypto';
import { TtlCache } from './ttlCache.js';

/** Where a render puts the token and the nonce: fresh random text each render, so no stored text can contain it. */
export interface Placeholders {
  csrf: string;
  nonce: string;
}

interface Slot {
  slot: keyof Placeholders;
}
/** The page split at its placeholders: literal text and slots, in order. */
export type PageWithSlots = (string | Slot)[];

/** 128 random bits in each: a label stored before the render cannot hold them, whatever it says. */
export function freshPlaceholders(): Placeholders {
  const id = randomBytes(16).toString('hex');
  return { csrf: `__saferplan_csrf_${id}__`, nonce: `__saferplan_nonce_${id}__` };
}

/**
 * Whitespace between tags collapsed to one space: the templates' indentation is a fifth of a page. Only for
 * pages with no pre-filled textarea or pre, where whitespace inside an element is content.
 */
export function collapseWhitespace(html: string): string {
  return /<(textarea|pre)\b[^>]*>[^<]/i.test(html) ? html : html.replace(/>\s+</g, '> <');
}

/** Splits the page at this render's own placeholders; any other text, placeholder-like or not, stays literal. */
export function compilePage(html: string, placeholders: Placeholders): PageWithSlots {
  const parts: PageWithSlots = [];
  let rest = collapseWhitespace(html);
  for (;;) {
    const csrfAt = rest.indexOf(placeholders.csrf);
    const nonceAt = rest.indexOf(placeholders.nonce);
    if (csrfAt < 0 && nonceAt < 0) break;
    const slot: keyof Placeholders = nonceAt < 0 || (csrfAt >= 0 && csrfAt < nonceAt) ? 'csrf' : 'nonce';
    const at = slot === 'csrf' ? csrfAt : nonceAt;
    parts.push(rest.slice(0, at), { slot });
    rest = rest.slice(at + placeholders[slot].length);
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

  /** `render` puts the placeholders it is given where the CSRF token and the CSP nonce go. */
  async render(key: string, render: (placeholders: Placeholders) => Promise<string>, values: { csrf: string; nonce: string }): Promise<string> {
    const page = await this.pages.get(key, () => {
      const placeholders = freshPlaceholders();
      return render(placeholders).then((html) => compilePage(html, placeholders));
    });
    return fillSlots(page, values);
  }
}
