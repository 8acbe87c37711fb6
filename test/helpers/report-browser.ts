// Drives Debian's chromium (installed by scripts/ensure-chromium.mjs) through playwright-core
// for the report tests and benchmark. Never downloads a browser; when chromium is missing the
// callers skip with the reason returned by chromiumMissing().
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = process.env['SEEDCHECK_CHROMIUM'] ?? '/usr/bin/chromium';

// Without the background-networking flags chromium tries to reach the (closed) network.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
];

/** Why the browser tests cannot run here, or null when they can. */
export function chromiumMissing(): string | null {
  if (existsSync(CHROMIUM)) return null;
  return `chromium not found at ${CHROMIUM} (npm test installs it with scripts/ensure-chromium.mjs when run as root with apt-get; otherwise run \`apt-get install -y chromium\`)`;
}

/** Headless chromium with a fresh temporary profile (playwright creates one per launch). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export interface OpenedPage {
  page: Page;
  /** Console errors, page errors and CSP violations seen since the page opened. */
  errors: string[];
  /** Messages of alert/confirm/prompt dialogs (dismissed). */
  dialogs: string[];
  close(): Promise<void>;
}

export async function openPage(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) errors.push(`network request: ${r.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('html[data-ready="true"]', { timeout: 10_000 });
  return { page, errors, dialogs, close: () => context.close() };
}
