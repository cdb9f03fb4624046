/**
 * A report as HTML: the body content for a GOV.UK page (renderHtmlBody: GOV.UK Frontend classes, headings from h2 as
 * the page has its own h1), and a complete self-contained document (renderHtmlDocument: inline A4 print styles, no
 * external resources) for the HTML download and, through Chromium, the PDF. Every piece of text is escaped; the
 * chart's SVG, made by our chart code, goes in as it is.
 */
import { escapeHtml } from '../../platform/html.js';
import { type Block, type Inline, narrativeParagraphs, type ReportDocument } from '../document/reportDocument.js';
import { cellText, cleanText, isNumericColumn, sourceLine } from './text.js';

/** Text for HTML: cleaned, then escaped. */
const text = (value: string): string => escapeHtml(cleanText(value));

const inline = (content: readonly Inline[]): string =>
  content.map((c) => (typeof c === 'string' ? text(c) : c.bold ? `<strong>${text(c.text)}</strong>` : text(c.text))).join('');

/** Level 1 is h2 (the page's or document's h1 is the title), 2 is h3, 3 is h4. */
const HEADINGS = { 1: ['h2', 'govuk-heading-l'], 2: ['h3', 'govuk-heading-m'], 3: ['h4', 'govuk-heading-s'] } as const;

function table(block: Extract<Block, { kind: 'table' }>, id: string): string {
  const numeric = block.header.map((_, i) => isNumericColumn(block, i));
  const head = block.header
    .map((h, i) => `<th scope="col" class="govuk-table__header${numeric[i] ? ' govuk-table__header--numeric' : ''}">${text(h)}</th>`)
    .join('');
  const rows = block.rows
    .map(
      (row) =>
        `<tr class="govuk-table__row">${row
          .map((cell, i) => `<td class="govuk-table__cell${numeric[i] ? ' govuk-table__cell--numeric' : ''}">${text(cellText(cell))}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  const note = block.note ? `\n<p class="govuk-body-s">${text(block.note)}</p>` : '';
  return `<div class="app-table-scroll" role="region" aria-labelledby="${id}" tabindex="0">
<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s" id="${id}">${text(block.caption)}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">${head}</tr></thead>
<tbody class="govuk-table__body">
${rows}
</tbody></table>
</div>${note}`;
}

function block(b: Block, index: number): string {
  switch (b.kind) {
    case 'heading': {
      const [tag, cls] = HEADINGS[b.level];
      return `<${tag} class="${cls}">${text(b.text)}</${tag}>`;
    }
    case 'paragraph':
      return `<p class="govuk-body">${inline(b.content)}</p>`;
    case 'list': {
      const [tag, cls] = b.ordered ? ['ol', 'govuk-list--number'] : ['ul', 'govuk-list--bullet'];
      return `<${tag} class="govuk-list ${cls}">${b.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${tag}>`;
    }
    case 'narrative': {
      const paragraphs = narrativeParagraphs(b.text);
      if (!paragraphs.length) return `<p class="govuk-body"><em>${text(b.placeholder)}</em></p>`;
      return paragraphs.map((p) => `<p class="govuk-body">${text(p)}</p>`).join('\n');
    }
    case 'table':
      return table(b, `report-table-${index + 1}`);
    case 'chart':
      return `<figure class="app-chart">${forPage(b.svg)}<figcaption class="govuk-body-s"><strong>${text(b.title)}</strong><br>${text(b.base)}<br>${text(b.source)}</figcaption></figure>`;
    case 'notice':
      return `<div class="govuk-inset-text">${text(b.text)}</div>`;
  }
}

/**
 * A chart's SVG inside a page of this site: without the <style> element (the pages' CSP allows no inline styles)
 * and its fixed size, so it scales to the column, as the dashboard's inline charts do.
 */
export function forPage(svg: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/^<svg([^>]*?)\swidth="[\d.]+"/, '<svg$1')
    .replace(/^<svg([^>]*?)\sheight="[\d.]+"/, '<svg$1')
    .replace(/^<svg/, '<svg class="app-chart__svg"');
}

/** The report under its title: meta lines, the blocks, and the sources with when each was drawn. */
export function renderHtmlBody(doc: ReportDocument): string {
  const meta = doc.meta.map((m) => `<p class="govuk-body app-report-meta"><strong>${text(m.label)}:</strong> ${text(m.value)}</p>`);
  const sources = doc.sources.length
    ? [
        '<h2 class="govuk-heading-l">Sources</h2>',
        `<ul class="govuk-list govuk-list--bullet">${doc.sources.map((s) => `<li>${text(sourceLine(s))}</li>`).join('')}</ul>`,
      ]
    : [];
  return [...meta, ...doc.blocks.map(block), ...sources].join('\n');
}

/** A4 print styles: Arial (Liberation Sans on Linux), bordered tables, charts and tables kept whole, headings kept with what follows. */
const STYLE = `
@page { size: A4; }
html { font-family: Arial, 'Liberation Sans', Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; color: #0b0c0c; }
body { margin: 0; }
main { max-width: 180mm; margin: 0 auto; padding: 12mm 8mm; }
h1 { font-size: 22pt; line-height: 1.15; margin: 0 0 12pt; }
h2 { font-size: 16pt; margin: 18pt 0 6pt; }
h3 { font-size: 13pt; margin: 14pt 0 4pt; }
h4 { font-size: 11pt; margin: 12pt 0 4pt; }
h1, h2, h3, h4 { page-break-after: avoid; break-after: avoid-page; page-break-inside: avoid; break-inside: avoid; }
p, li { margin: 0 0 6pt; orphans: 3; widows: 3; }
.app-report-meta { margin: 0 0 2pt; }
ul, ol { margin: 0 0 8pt; padding-left: 20pt; }
table { border-collapse: collapse; width: 100%; margin: 0 0 10pt; page-break-inside: avoid; break-inside: avoid; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
caption { text-align: left; font-weight: bold; padding: 0 0 4pt; }
th, td { border: 1px solid #505a5f; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #f3f2f1; font-weight: bold; }
.govuk-table__header--numeric, .govuk-table__cell--numeric { text-align: right; font-variant-numeric: tabular-nums; }
.govuk-body-s { font-size: 9.5pt; color: #505a5f; }
figure { margin: 0 0 10pt; page-break-inside: avoid; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { margin-top: 4pt; }
.govuk-inset-text { margin: 8pt 0; padding: 6pt 10pt; border-left: 5px solid #b1b4b6; background: #f3f2f1; page-break-inside: avoid; break-inside: avoid; }
.app-table-scroll { overflow-x: auto; }
.app-report-footer { margin-top: 18pt; padding-top: 6pt; border-top: 1px solid #b1b4b6; font-size: 9pt; color: #505a5f; }
@media print {
  main { max-width: none; padding: 0; }
  .app-table-scroll { overflow: visible; }
  .app-report-footer { display: none; }
}
`;

/** A complete HTML5 document with its styles inline, for download and for the PDF (whose pages print the footer themselves). */
export function renderHtmlDocument(doc: ReportDocument): string {
  const footer = doc.footer ? `\n<footer class="app-report-footer">${text(doc.footer)}</footer>` : '';
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${text(doc.title)}</h1>
${renderHtmlBody(doc)}${footer}
</main>
</body>
</html>
`;
}
