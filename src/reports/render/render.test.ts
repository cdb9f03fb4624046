// The report renderers with the real libraries: HTML (escaping, GOV.UK classes), DOCX read back with mammoth, XLSX
// read back with exceljs, and one PDF through Chromium (read with pdf.js) where Chromium is installed.
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { pdfText as pdfPages } from '../../../test-support/pdfText.js';
import { barChart } from '../../charts/barChart.js';
import { renderPng } from '../../charts/renderPng.js';
import { renderSvg } from '../../charts/renderSvg.js';
import type { ReportDocument } from '../document/reportDocument.js';
import { renderDocx } from './renderDocx.js';
import { forPage, renderHtmlBody, renderHtmlDocument } from './renderHtml.js';
import { REPORT_FORMATS, renderReport } from './renderReport.js';
import { renderXlsx, sheetNamer } from './renderXlsx.js';
import { cleanText } from './text.js';

const SCRIPT = '<script>alert(1)</script>';
const ESCAPED_SCRIPT = '&lt;script&gt;alert(1)&lt;/script&gt;';
const FORMULA = '=HYPERLINK("http://x","y")';
/** NUL, a right-to-left override and BEL: none may reach a file. */
const HOSTILE = 'Ann\u0000 said\u202e evil\u0007 things';
const HOSTILE_CLEAN = 'Ann said evil things';
/** What XML 1.0 forbids (as far as U+001F) and the override: none may reach a file. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is looked for.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const chartText = {
  id: 'concerns',
  title: 'Top concerns',
  description: 'Fly-tipping 56.7%, speeding 41.2%.',
  base: 'Base: all who answered, n = 652',
  source: 'Source: Crime Survey 2024, Testshire CSP',
};
const svg = renderSvg(
  barChart([
    { label: 'Fly-tipping', percent: 56.7 },
    { label: 'Speeding', percent: 41.2 },
  ]),
  chartText,
);
const size = /^<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg);

const doc: ReportDocument = {
  kind: 'findings',
  title: `Testshire findings ${SCRIPT}`,
  meta: [
    { label: 'To', value: 'Scrutiny Co-ordination Committee' },
    { label: 'Date', value: '18 December 2024' },
  ],
  blocks: [
    { kind: 'heading', level: 1, text: 'Summary' },
    { kind: 'paragraph', content: ['Most residents feel ', { text: 'safe', bold: true }, ' after dark.'] },
    { kind: 'paragraph', content: [HOSTILE] },
    { kind: 'list', ordered: false, items: [['Fly-tipping'], ['Speeding']] },
    { kind: 'heading', level: 2, text: 'Priorities' },
    { kind: 'list', ordered: true, items: [['Reduce fly-tipping'], ['Calm traffic']] },
    { kind: 'list', ordered: true, items: [['Restarted first']] },
    { kind: 'narrative', key: 'summary', text: `First paragraph\nstill first.\n\nSecond ${SCRIPT}`, placeholder: 'Write the summary here.' },
    { kind: 'narrative', key: 'actions', text: '  \n', placeholder: 'Write the actions here.' },
    { kind: 'heading', level: 3, text: 'Concerns by ward' },
    {
      kind: 'table',
      caption: 'Concerns by ward',
      header: ['Ward', 'Respondents', 'Comment'],
      rows: [
        ['Abbey', 1234, FORMULA],
        ['Binley', 56.5, HOSTILE],
      ],
      note: 'Wards with fewer than 10 respondents are not shown.',
      numeric: [false, true, false],
    },
    { kind: 'table', caption: 'Wards: [all] / by *count*? and more words beyond thirty-one', header: ['Ward', 'Count'], rows: [['Abbey', 3]] },
    {
      kind: 'chart',
      title: chartText.title,
      alt: chartText.description,
      svg,
      png: renderPng(svg),
      width: Number(size?.[1]),
      height: Number(size?.[2]),
      base: chartText.base,
      source: chartText.source,
    },
    { kind: 'notice', text: 'No workshops have been recorded yet' },
  ],
  sources: [{ label: 'Crime Survey 2024 responses', drawnAt: '2024-07-10T08:30:00Z' }],
  dataSheets: [
    {
      name: 'Concerns by ward',
      header: ['Ward', 'Count'],
      rows: [
        ['Abbey', 12],
        ['Binley', null],
      ],
    },
  ],
  footer: 'OFFICIAL - Testshire Community Safety Partnership',
};

describe('cleanText', () => {
  it('removes what XML forbids and what hides or reorders text, and keeps the rest', () => {
    expect(cleanText(HOSTILE)).toBe(HOSTILE_CLEAN);
    expect(cleanText('a\ud800b\udc00c\ufffe\uffff\u000b\u001f\u2066d\u200f 😀\tx\ny')).toBe('abcd 😀\tx\ny');
  });
});

describe('renderHtmlDocument', () => {
  const html = renderHtmlDocument(doc);
  it('is a self-contained English HTML5 document with the title', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain(`<title>Testshire findings ${ESCAPED_SCRIPT}</title>`);
    expect(html).toContain(`<h1>Testshire findings ${ESCAPED_SCRIPT}</h1>`);
    expect(html).toContain('page-break-inside: avoid');
    expect(html).not.toMatch(/<link|<script|\ssrc=|@import|url\(/);
    expect(parseHTML(html).document.querySelectorAll('script')).toHaveLength(0);
    expect(html).toContain('<footer class="app-report-footer">OFFICIAL - Testshire Community Safety Partnership</footer>');
  });
  it('escapes all text and drops hidden characters', () => {
    expect(html).toContain(`<p class="govuk-body">Second ${ESCAPED_SCRIPT}</p>`);
    expect(html).toContain(`<p class="govuk-body">${HOSTILE_CLEAN}</p>`);
    expect(html).toContain('<td class="govuk-table__cell">=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</td>');
    expect(html).not.toMatch(FORBIDDEN);
  });
  it('puts the chart SVG inline in a figure with its caption, scaling to the column without an inline style element', () => {
    expect(forPage(svg)).toMatch(/^<svg class="app-chart__svg" /);
    expect(forPage(svg)).not.toMatch(/<style|^<svg[^>]* width="/);
    expect(forPage(svg)).toContain('viewBox="0 0 440');
    expect(html).toContain(
      `<figure class="app-chart">${forPage(svg)}<figcaption class="govuk-body-s"><strong>Top concerns</strong><br>Base: all who answered, n = 652<br>Source: Crime Survey 2024, Testshire CSP</figcaption></figure>`,
    );
  });
});

describe('renderHtmlBody', () => {
  const body = renderHtmlBody(doc);
  it('uses GOV.UK Frontend classes, with headings from h2', () => {
    expect(body).not.toContain('<h1');
    expect(body.split('\n').slice(0, 2)).toEqual([
      '<p class="govuk-body app-report-meta"><strong>To:</strong> Scrutiny Co-ordination Committee</p>',
      '<p class="govuk-body app-report-meta"><strong>Date:</strong> 18 December 2024</p>',
    ]);
    for (const expected of [
      '<h2 class="govuk-heading-l">Summary</h2>',
      '<p class="govuk-body">Most residents feel <strong>safe</strong> after dark.</p>',
      '<ul class="govuk-list govuk-list--bullet"><li>Fly-tipping</li><li>Speeding</li></ul>',
      '<h3 class="govuk-heading-m">Priorities</h3>',
      '<ol class="govuk-list govuk-list--number"><li>Reduce fly-tipping</li><li>Calm traffic</li></ol>',
      '<p class="govuk-body">First paragraph still first.</p>',
      '<p class="govuk-body"><em>Write the actions here.</em></p>',
      '<h4 class="govuk-heading-s">Concerns by ward</h4>',
      '<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s" id="report-table-11">Concerns by ward</caption>',
      '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Respondents</th>',
      '<td class="govuk-table__cell">Abbey</td><td class="govuk-table__cell govuk-table__cell--numeric">1,234</td>',
      '<td class="govuk-table__cell govuk-table__cell--numeric">56.5</td>',
      '<p class="govuk-body-s">Wards with fewer than 10 respondents are not shown.</p>',
      '<div class="govuk-inset-text">No workshops have been recorded yet</div>',
      '<h2 class="govuk-heading-l">Sources</h2>\n<ul class="govuk-list govuk-list--bullet"><li>Crime Survey 2024 responses: data drawn 10 July 2024 at 9:30am</li></ul>',
    ])
      expect(body).toContain(expected);
    // Without flags, a column of numbers only is right-aligned.
    expect(body).toContain('<td class="govuk-table__cell">Abbey</td><td class="govuk-table__cell govuk-table__cell--numeric">3</td>');
  });
});

describe('renderDocx', () => {
  let buffer: Buffer;
  beforeAll(async () => {
    buffer = await renderDocx(doc);
  });

  it('has Word headings, lists, tables and the chart as a picture', async () => {
    const { value, messages } = await mammoth.convertToHtml({ buffer }, { styleMap: ["p[style-name='Title'] => h1:fresh"] });
    expect(messages).toEqual([]);
    for (const expected of [
      `<h1>Testshire findings ${ESCAPED_SCRIPT}</h1><p><strong>To: </strong>Scrutiny Co-ordination Committee</p>`,
      '<h1>Summary</h1><p>Most residents feel <strong>safe</strong> after dark.</p>',
      `<p>${HOSTILE_CLEAN}</p>`,
      // mammoth runs adjacent lists together; the second list's own numbering is checked in the XML below.
      '<ul><li>Fly-tipping</li><li>Speeding</li></ul><h2>Priorities</h2><ol><li>Reduce fly-tipping</li><li>Calm traffic</li><li>Restarted first</li></ol>',
      `<p>First paragraph still first.</p><p>Second ${ESCAPED_SCRIPT}</p><p><em>Write the actions here.</em></p><h3>Concerns by ward</h3>`,
      '<p><strong>Concerns by ward</strong></p><table><thead><tr><th><p><strong>Ward</strong></p></th><th><p><strong>Respondents</strong></p></th><th><p><strong>Comment</strong></p></th></tr></thead>',
      `<tr><td><p>Abbey</p></td><td><p>1,234</p></td><td><p>${FORMULA}</p></td></tr><tr><td><p>Binley</p></td><td><p>56.5</p></td><td><p>${HOSTILE_CLEAN}</p></td></tr>`,
      '<p>Base: all who answered, n = 652; Source: Crime Survey 2024, Testshire CSP</p><p>No workshops have been recorded yet</p>',
      '<h1>Sources</h1><ul><li>Crime Survey 2024 responses: data drawn 10 July 2024 at 9:30am</li></ul>',
    ])
      expect(value).toContain(expected);
    expect(value).toMatch(/<p><img alt="Fly-tipping 56.7%, speeding 41.2%." src="data:image\/png;base64,[^"]+" \/><\/p>/);
  });

  it('has none of the hostile characters and every paragraph as text', async () => {
    const { value } = await mammoth.extractRawText({ buffer });
    expect(value).toContain(HOSTILE_CLEAN);
    expect(value).toContain('Most residents feel safe after dark.');
    expect(value).toContain(`Second ${SCRIPT}`);
    expect(value).not.toMatch(FORBIDDEN);
  });

  it('starts each numbered list at 1 and puts the page number and count in the footer', async () => {
    const xml = await zipText(buffer, 'word/document.xml');
    const numIds = [...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    // Bullets, bullets, the first numbered list twice, the second once, the source's bullet.
    expect(numIds).toHaveLength(6);
    expect(new Set(numIds.slice(2, 4)).size).toBe(1);
    expect(numIds[4]).not.toBe(numIds[2]);
    const numbering = await zipText(buffer, 'word/numbering.xml');
    for (const id of [numIds[2], numIds[4]]) expect(numbering).toMatch(new RegExp(`<w:num w:numId="${id}">.*?<w:startOverride w:val="1"/>`));
    const footer = await zipText(buffer, 'word/footer1.xml');
    expect(footer).toContain('OFFICIAL - Testshire Community Safety Partnership');
    expect(footer).toMatch(/Page .*PAGE.* of .*NUMPAGES/);
  });
});

describe('renderXlsx', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(doc)) as unknown as ArrayBuffer);
  });
  const values = (sheet: string, row: number) => {
    const ws = workbook.getWorksheet(sheet);
    return Array.from({ length: ws?.getRow(row).cellCount ?? 0 }, (_, i) => ws?.getCell(row, i + 1).value);
  };

  it('has the About sheet, then a sheet per table and data sheet, with unique valid names', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['About', 'Concerns by ward', 'Wards all by count and more wor', 'Concerns by ward (2)']);
    expect(values('About', 1)).toEqual([`Testshire findings ${SCRIPT}`]);
    expect(values('About', 2)).toEqual(['To', 'Scrutiny Co-ordination Committee']);
    expect(values('About', 6)).toEqual(['Concerns by ward', 'Concerns by ward', 'Wards with fewer than 10 respondents are not shown.']);
    expect(values('About', 11)).toEqual(['Crime Survey 2024 responses', '10 July 2024 at 9:30am']);
    expect(values('About', 13)).toEqual(['OFFICIAL - Testshire Community Safety Partnership']);
  });

  it('keeps numbers as numbers and text as text, never a formula, with a bold frozen header', () => {
    const ws = workbook.getWorksheet('Concerns by ward');
    expect(values('Concerns by ward', 1)).toEqual(['Ward', 'Respondents', 'Comment']);
    expect(ws?.getCell('A1').font?.bold).toBe(true);
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws?.getCell('B2').value).toBe(1234);
    expect(ws?.getCell('C2').value).toBe(FORMULA);
    expect(ws?.getCell('C2').type).toBe(ExcelJS.ValueType.String);
    expect(ws?.getCell('C3').value).toBe(HOSTILE_CLEAN);
    expect(values('Concerns by ward (2)', 2)).toEqual(['Abbey', 12]);
    expect(workbook.getWorksheet('Concerns by ward (2)')?.getCell('B3').value).toBeNull();
  });
});

describe('sheetNamer', () => {
  it('gives unique names Excel accepts, ignoring case', () => {
    const name = sheetNamer();
    expect(['About', 'about', 'a/b', "'quoted'", '', 'x'.repeat(40), 'x'.repeat(40), 'History'].map(name)).toEqual([
      'About',
      'about (2)',
      'a b',
      'quoted',
      'Table',
      'x'.repeat(31),
      `${'x'.repeat(27)} (2)`,
      'History (2)',
    ]);
  });
});

/** One file of a ZIP (a .docx), as text. */
function zipText(zip: Buffer, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, archive) => {
      if (error) return reject(error);
      archive.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return archive.readEntry();
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            archive.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      archive.on('end', () => reject(new Error(`${name} is not in the file`)));
      archive.readEntry();
    });
  });
}

describe('renderReport', () => {
  it('names each format with its MIME type and extension', async () => {
    expect(REPORT_FORMATS).toEqual(['html', 'pdf', 'docx', 'xlsx']);
    const html = await renderReport(doc, 'html', { chromiumPath: CHROMIUM });
    expect([html.contentType, html.extension, html.body.toString('utf8')]).toEqual(['text/html; charset=utf-8', 'html', renderHtmlDocument(doc)]);
    const xlsx = await renderReport(doc, 'xlsx', { chromiumPath: CHROMIUM });
    expect([xlsx.contentType, xlsx.extension]).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx']);
    const docx = await renderReport(doc, 'docx', { chromiumPath: CHROMIUM });
    expect([docx.contentType, docx.extension]).toEqual(['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx']);
  });

  it.skipIf(!existsSync(CHROMIUM))('prints the PDF with the title, the tables and the footer on every page', async () => {
    const pdf = await renderReport(doc, 'pdf', { chromiumPath: CHROMIUM });
    expect([pdf.contentType, pdf.extension]).toEqual(['application/pdf', 'pdf']);
    const text = await pdfText(new Uint8Array(pdf.body));
    for (const expected of [
      `Testshire findings ${SCRIPT}`,
      'Concerns by ward',
      '1,234',
      HOSTILE_CLEAN,
      'OFFICIAL - Testshire Community Safety Partnership',
      'Page 1 of',
    ])
      expect(text).toContain(expected);
  });
});

const pdfText = async (bytes: Uint8Array) => (await pdfPages(bytes)).text;
