/**
 * Pre-rendered pages: rendered once with placeholders where the per-request CSRF token and CSP nonce go, then
 * served by splicing those two values in. Rendering a GOV.UK page through Nunjucks costs about a millisecond;
 * splicing costs microseconds.
 */
export const CSRF_PLACEHOLDER = '__saferplan_csrf_token__';
export const NONCE_PLACEHOLDER = '__saferplan_csp_nonce__';

const PLACEHOLDERS = new RegExp(`${CSRF_PLACEHOLDER}|${NONCE_PLACEHOLDER}`);

interface Slot {
  slot: 'csrf' | 'nonce';
}
/** The page split at its placeholders: literal text and slots, in order. */
export type Template = (string | Slot)[];

/**
 * Whitespace between tags collapsed to one space: the templates' indentation is a fifth of a page. Only for
 * pages with no pre-filled textarea or pre, where whitespace inside an element is content.
 */
export function collapseWhitespace(html: string): string {
  return /<(textarea|pre)\b[^>]*>[^<]/i.test(html) ? html : html.replace(/>\s+</g, '> <');
}

export function compileTemplate(html: string): Template {
  const parts: Template = [];
  let rest = collapseWhitespace(html);
  for (let m = PLACEHOLDERS.exec(rest); m; m = PLACEHOLDERS.exec(rest)) {
    parts.push(rest.slice(0, m.index), { slot: m[0] === CSRF_PLACEHOLDER ? 'csrf' : 'nonce' });
    rest = rest.slice(m.index + m[0].length);
  }
  parts.push(rest);
  return parts;
}

export function fillTemplate(template: Template, values: { csrf: string; nonce: string }): string {
  let out = '';
  for (const part of template) out += typeof part === 'string' ? part : values[part.slot];
  return out;
}

/**
 * Compiled pages by key; forgets everything past `maxEntries` (keys include the survey version, so old ones fall
 * away) and, where the page shows data that can change (the home page's list), each entry after `ttlMs`.
 */
export class PrerenderedPages {
  private pages = new Map<string, { at: number; page: Promise<Template> }>();

  constructor(
    private readonly maxEntries = 500,
    private readonly ttlMs = Number.POSITIVE_INFINITY,
  ) {}

  async render(key: string, render: () => Promise<string>, values: { csrf: string; nonce: string }): Promise<string> {
    const now = Date.now();
    let entry = this.pages.get(key);
    if (!entry || now - entry.at >= this.ttlMs) {
      if (this.pages.size >= this.maxEntries) this.pages.clear();
      entry = { at: now, page: render().then(compileTemplate) };
      this.pages.set(key, entry);
      entry.page.catch(() => this.pages.delete(key));
    }
    return fillTemplate(await entry.page, values);
  }
}
