/**
 * A report in the format asked for: the file's bytes, its MIME type and its file extension. The PDF is the
 * standalone HTML printed by Chromium (platform/pdf.ts), with the report's footer on every page.
 */
import { renderPdf } from '../../platform/pdf.js';
import type { ReportDocument } from '../document/reportDocument.js';
import { renderDocx } from './renderDocx.js';
import { renderHtmlDocument } from './renderHtml.js';
import { renderXlsx } from './renderXlsx.js';
import { cleanText } from './text.js';

export const REPORT_FORMATS = ['html', 'pdf', 'docx', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface RenderedReport {
  body: Buffer;
  contentType: string;
  /** Without the dot: "docx". */
  extension: string;
}

async function bytes(doc: ReportDocument, format: ReportFormat, chromiumPath: string): Promise<Buffer> {
  switch (format) {
    case 'html':
      return Buffer.from(renderHtmlDocument(doc), 'utf8');
    case 'pdf':
      return renderPdf(renderHtmlDocument(doc), { chromiumPath, footer: cleanText(doc.footer) });
    case 'docx':
      return renderDocx(doc);
    case 'xlsx':
      return renderXlsx(doc);
  }
}

/** The report as a file; a PDF without Chromium throws platform/pdf.ts's PdfUnavailable. */
export async function renderReport(doc: ReportDocument, format: ReportFormat, options: { chromiumPath: string }): Promise<RenderedReport> {
  return { body: await bytes(doc, format, options.chromiumPath), contentType: REPORT_CONTENT_TYPES[format], extension: format };
}
