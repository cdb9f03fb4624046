/**
 * A chart as one SVG (Plot on linkedom for the data area): the title at the top, a legend when colours mean
 * categories, the data, and the base and source underneath, every line wrapped to the width. The same picture goes
 * into the page, the SVG download and the PNG (renderPng.ts). Made accessible as one image: role="img" with <title>
 * and <desc> named by aria-labelledby. `inline` leaves out Plot's <style> element (the page's CSP allows no inline
 * styles) and the fixed size, so the chart scales to its container; the download keeps the size.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { CHART_WIDTH, type Chart, type ChartText, FONT_FAMILY, FONT_SIZE, SECONDARY_TEXT_COLOUR, TEXT_COLOUR } from './chart.js';
import { textWidth, wrapText } from './wrapText.js';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const PAD = 12;
const TITLE_SIZE = 15;
const TITLE_LINE = 19;
const NOTE_SIZE = 12;
const NOTE_LINE = 16;
const SWATCH = 12;
const LEGEND_LINE = 20;

type Doc = ReturnType<typeof parseHTML>['document'];

function el(document: Doc, name: string, attributes: Record<string, string | number>, text?: string) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Lines of text from y (the first line's top), returning the y below the last line. */
function textBlock(document: Doc, parent: Element, lines: string[], y: number, size: number, lineHeight: number, extra: Record<string, string> = {}) {
  for (const line of lines) {
    parent.appendChild(el(document, 'text', { x: PAD, y: y + size, 'font-size': size, ...extra }, line));
    y += lineHeight;
  }
  return y;
}

/** Swatches and labels, flowing onto further lines when a line is full. */
function legendBlock(document: Doc, parent: Element, items: Chart['legend'], y: number) {
  let x = PAD;
  for (const item of items) {
    const width = SWATCH + 5 + textWidth(item.label, NOTE_SIZE) + 14;
    if (x > PAD && x + width > CHART_WIDTH - PAD) {
      x = PAD;
      y += LEGEND_LINE;
    }
    parent.appendChild(el(document, 'rect', { x, y: y + 2, width: SWATCH, height: SWATCH, fill: item.colour }));
    parent.appendChild(el(document, 'text', { x: x + SWATCH + 5, y: y + 12, 'font-size': NOTE_SIZE }, item.label));
    x += width;
  }
  return y + LEGEND_LINE + 4;
}

/** Coordinates in attributes to two decimal places (Plot writes 284.03999999999996): a lighter page, the same picture. */
function compactNumbers(markup: string): string {
  return markup.replace(/="[^"]*"/g, (attribute) => attribute.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100)));
}

export function renderSvg(chart: Chart, text: ChartText, options: { inline?: boolean } = {}): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const plot = Plot.plot({ ...chart.plot, document } as Plot.PlotOptions) as unknown as Element;
  const plotHeight = Number(plot.getAttribute('height'));
  const svg = el(document, 'svg', {
    viewBox: '',
    'font-family': FONT_FAMILY,
    'font-size': FONT_SIZE,
    fill: TEXT_COLOUR,
  });
  svg.appendChild(el(document, 'rect', { width: '100%', height: '100%', fill: '#ffffff' }));
  let y = PAD;
  y = textBlock(document, svg, wrapText(text.title, CHART_WIDTH - 2 * PAD, TITLE_SIZE), y, TITLE_SIZE, TITLE_LINE, { 'font-weight': 'bold' });
  y += 8;
  if (chart.legend.length) y = legendBlock(document, svg, chart.legend, y);
  // The data area: Plot's marks, moved into a group at this height (its <style> dropped: the look is in attributes).
  const data = el(document, 'g', { transform: `translate(0,${y})` });
  for (const name of ['text-anchor', 'fill']) {
    const value = plot.getAttribute(name);
    if (value) data.setAttribute(name, value);
  }
  for (const child of [...plot.childNodes]) if ((child as Element).tagName?.toLowerCase() !== 'style') data.appendChild(child);
  svg.appendChild(data);
  y += plotHeight + 4;
  const notes = [text.base, text.source].flatMap((line) => wrapText(line, CHART_WIDTH - 2 * PAD, NOTE_SIZE));
  y = textBlock(document, svg, notes, y, NOTE_SIZE, NOTE_LINE, { fill: SECONDARY_TEXT_COLOUR });
  const height = Math.ceil(y + PAD - 4);
  svg.setAttribute('viewBox', `0 0 ${CHART_WIDTH} ${height}`);
  if (options.inline) svg.setAttribute('class', 'app-chart__svg');
  else {
    svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    svg.setAttribute('width', String(CHART_WIDTH));
    svg.setAttribute('height', String(height));
  }
  // The chart is one image named by its title and description: Plot's per-mark aria-labels on <g> are invalid there.
  for (const node of [...svg.querySelectorAll('[aria-label]')]) node.removeAttribute('aria-label');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${text.id}-title ${text.id}-desc`);
  svg.setAttribute('focusable', 'false');
  const description = `${text.description} ${text.base}. ${text.source}.`.replace(/\.\./g, '.');
  const head = `<title id="${escapeXml(text.id)}-title">${escapeXml(text.title)}</title><desc id="${escapeXml(text.id)}-desc">${escapeXml(description)}</desc>`;
  return compactNumbers(svg.outerHTML).replace(/^<svg([^>]*)>/, (m) => `${m}${head}`);
}
