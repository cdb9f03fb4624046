/**
 * A report as plain data, independent of its format: every report (committee note, findings, plan, HIIA, "you said,
 * we did") is built into one of these from live data, then rendered to HTML, PDF (the HTML through Chromium), DOCX
 * and XLSX by render/. Charts carry their SVG (HTML, PDF) and PNG (DOCX) from the same chart spec as the pages.
 */

/** Text with optional bold spans: plain strings, never markup, so every renderer escapes it its own way. */
export type Inline = string | { text: string; bold?: boolean };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  /** Officer-written text kept between regenerations; shown as paragraphs (blank lines separate them). */
  | { kind: 'narrative'; key: string; text: string; placeholder: string }
  | { kind: 'table'; caption: string; header: string[]; rows: (string | number)[][]; note?: string; numeric?: boolean[] }
  | { kind: 'chart'; title: string; alt: string; svg: string; png: Buffer; width: number; height: number; base: string; source: string }
  /** Something the report would show but the data does not yet allow: said plainly, never left out silently. */
  | { kind: 'notice'; text: string };

/** A worksheet of the XLSX data appendix (tables in the body become sheets too). */
export interface DataSheet {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
}

export interface ReportSource {
  label: string;
  /** ISO date-time the data was read. */
  drawnAt: string;
}

export interface ReportDocument {
  /** committee | findings | plan | hiia | you-said-we-did */
  kind: string;
  title: string;
  /** Lines under the title: "To: Scrutiny Co-ordination Committee", "Date: 18 December 2024". */
  meta: { label: string; value: string }[];
  blocks: Block[];
  sources: ReportSource[];
  /** Extra data for the XLSX appendix beyond the body's tables. */
  dataSheets: DataSheet[];
  /** Printed at the foot of every PDF page and in the DOCX footer. */
  footer: string;
}

export const inlineText = (content: readonly Inline[]): string => content.map((c) => (typeof c === 'string' ? c : c.text)).join('');

/** Narrative text split into paragraphs at blank lines; empty text gives no paragraphs. */
export const narrativeParagraphs = (text: string): string[] =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
