const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' };

/** Text made safe inside HTML, the way Nunjucks' autoescape does it. */
export const escapeHtml = (text: string) => text.replace(/[&"'<>]/g, (c) => ENTITIES[c] ?? c);

/** HTML for a GOV.UK macro's `html` parameter, every interpolated value escaped: html`<a href="${href}">${title}</a>`. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, text, i) => out + text + (i < values.length ? escapeHtml(String(values[i])) : ''), '');
}
