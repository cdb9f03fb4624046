/**
 * HTML to PDF through Chromium (playwright-core driving Debian's /usr/bin/chromium, or CHROMIUM_PATH); never a
 * browser that Playwright downloads. Without Chromium a PdfUnavailable error says what to install; the caller offers
 * its printable HTML page instead.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export class PdfUnavailable extends Error {}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long the browser stays open after the last PDF: starting one takes a second or more, printing a note less. */
const IDLE_MS = 60_000;

export interface RenderPdfOptions {
  /** The Chromium executable (config.chromiumPath). */
  chromiumPath: string;
  /** Printed small at the foot of every page beside "Page N of M". */
  footer?: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface SharedBrowser {
  path: string;
  browser: Promise<Browser>;
  users: number;
  idle?: NodeJS.Timeout;
}
let shared: SharedBrowser | undefined;

async function openBrowser(chromiumPath: string): Promise<SharedBrowser> {
  if (shared && shared.path !== chromiumPath) await closePdfBrowser();
  let entry = shared;
  if (!entry) {
    // Made synchronously, so two documents asked for at once share one browser.
    const browser = import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: chromiumPath, args: ARGS, headless: true }));
    const created: SharedBrowser = { path: chromiumPath, browser, users: 0 };
    const forget = () => {
      if (shared === created) shared = undefined;
    };
    browser.then((b) => b.on('disconnected', forget), forget);
    shared = entry = created;
  }
  clearTimeout(entry.idle);
  entry.users++;
  return entry;
}

function release(entry: SharedBrowser) {
  entry.users--;
  if (entry.users === 0 && shared === entry) {
    entry.idle = setTimeout(() => void closePdfBrowser(), IDLE_MS);
    entry.idle.unref();
  }
}

/** Closes the shared browser now, unless a document is being printed (commands call it before they exit, a server as it closes). */
export async function closePdfBrowser(): Promise<void> {
  const entry = shared;
  if (!entry || entry.users > 0) return;
  shared = undefined;
  clearTimeout(entry.idle);
  await (await entry.browser.catch(() => undefined))?.close().catch(() => undefined);
}

/**
 * A4 PDF of a self-contained HTML document (styles inline): JavaScript off and every network request refused, so
 * nothing in the document can reach out. One browser is shared and each document gets its own context (nothing
 * carries from one document to the next); it closes after a minute without work.
 */
export async function renderPdf(html: string, { chromiumPath, footer = '' }: RenderPdfOptions): Promise<Buffer> {
  if (!existsSync(chromiumPath)) {
    throw new PdfUnavailable(
      `PDFs are made with Chromium, which was not found at ${chromiumPath}. Ask whoever runs SaferPlan to install it (on Debian: apt-get install chromium fonts-liberation) or to set CHROMIUM_PATH.`,
    );
  }
  const entry = await openBrowser(chromiumPath);
  try {
    const context = await (await entry.browser).newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '15mm', bottom: '18mm', left: '15mm', right: '15mm' },
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-family: Arial, sans-serif; font-size: 8pt; width: 100%; padding: 0 15mm; display: flex; justify-content: space-between;"><span>${escapeHtml(footer)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      });
    } finally {
      await context.close();
    }
  } finally {
    release(entry);
  }
}
