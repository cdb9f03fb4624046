/**
 * Server-side SVG from a Plot spec (linkedom as the DOM), made accessible: role="img" with <title> and <desc>
 * named by aria-labelledby. `inline` strips Plot's <style> element (the page's CSP allows no inline styles)
 * and the fixed size, so the chart scales to its container; the download keeps both.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderSvg(
  spec: Plot.PlotOptions,
  text: { id: string; title: string; description: string },
  options: { inline?: boolean } = {},
): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({ ...spec, document } as Plot.PlotOptions) as unknown as Element;
  if (options.inline) {
    for (const s of [...svg.querySelectorAll('style')]) s.remove();
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    svg.removeAttribute('class');
  } else svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // The chart is one image named by its title and description: Plot's per-mark aria-labels on <g> are invalid there.
  for (const el of [...svg.querySelectorAll('[aria-label]')]) el.removeAttribute('aria-label');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${text.id}-title ${text.id}-desc`);
  svg.setAttribute('focusable', 'false');
  const markup = svg.outerHTML;
  const head = `<title id="${escapeXml(text.id)}-title">${escapeXml(text.title)}</title><desc id="${escapeXml(text.id)}-desc">${escapeXml(text.description)}</desc>`;
  return markup.replace(/^<svg([^>]*)>/, (m) => `${m}${head}`);
}
