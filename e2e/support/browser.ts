import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium fonts-liberation`); never a Playwright-downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The WCAG 2.2 AA rule set every page must pass. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const require = createRequire(import.meta.url);
let axeSource: string | undefined;
const axe = () => (axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumAvailable()) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: on Debian run "apt-get install -y chromium fonts-liberation" (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Contexts opened with JavaScript off: axe cannot run in their pages (see axeViolations). */
const noScriptContexts = new WeakSet<BrowserContext>();

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and CSP violations seen so far: a page that works has none. */
  problems: string[];
  close(): Promise<void>;
}

/** A fresh context (own cookies) and page, recording anything the browser complains about. */
export async function openSession(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserSession> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 }, ...options });
  if (options.javaScriptEnabled === false) noScriptContexts.add(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console: ${msg.text()} (${page.url()})`);
  });
  // Pages may answer 4xx on purpose (a 422 form, a 404 page); what they load must not fail.
  page.on('response', (res) => {
    if (res.status() >= 400 && res.request().resourceType() !== 'document') problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  page.on('pageerror', (err) => problems.push(`page error: ${err.message} (${page.url()})`));
  return { context, page, problems, close: () => context.close() };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.2 AA tags) on the page as it is now and returns a readable list of violations.
 * axe needs timers, which do not run in a page opened with JavaScript disabled: such a page's HTML, without its
 * scripts, is checked in a scratch JS-enabled page at the same address (styles still load from the app).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (noScriptContexts.has(page.context())) {
    const copy = await scriptlessCopy(page);
    try {
      return await axeViolations(copy);
    } finally {
      await copy.context().close();
    }
  }
  // Evaluated through the DevTools protocol rather than page.addScriptTag({ content }): the app's CSP (no
  // 'unsafe-inline') rightly blocks an injected inline <script>, and the test must not weaken that CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe());
  const violations = await page.evaluate(async (tags) => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: unknown[] }> } };
    const result = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations;
  }, AXE_TAGS);
  return (violations as AxeViolation[]).map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help} ${v.helpUrl}\n` +
      v.nodes.map((n) => `    at ${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\n/g, ' ')}`).join('\n'),
  );
}

/** Throws, listing every violation, unless axe finds none. */
export async function checkAccessibility(page: Page, label = page.url()): Promise<void> {
  const found = await axeViolations(page);
  if (found.length) {
    const report = `axe found ${found.length} WCAG 2.2 AA violation(s) on ${label}:\n  ${found.join('\n  ')}`;
    console.error(report);
    throw new Error(report);
  }
}

async function scriptlessCopy(page: Page): Promise<Page> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const browser = page.context().browser();
  if (!browser) throw new Error('page has no browser');
  const context = await browser.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() ?? undefined, locale: 'en-GB' });
  const copy = await context.newPage();
  const url = page.url();
  await copy.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await copy.goto(url);
  return copy;
}
