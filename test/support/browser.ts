import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

// Flags for a headless Chromium on a closed network: without the background-networking
// switches it keeps trying to reach Google's hosts.
const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
];

/**
 * A real Chromium: $CHROME_PATH, else Debian's /usr/bin/chromium, else the browser that the npm
 * package @sparticuz/chromium carries inside itself (no download needed).
 */
export async function launchBrowser(): Promise<Browser> {
  let executablePath = process.env.CHROME_PATH;
  if (!executablePath && existsSync('/usr/bin/chromium')) executablePath = '/usr/bin/chromium';
  if (!executablePath) {
    const sparticuz = (await import('@sparticuz/chromium')).default;
    executablePath = await sparticuz.executablePath();
  }
  return chromium.launch({ executablePath, args: ARGS, headless: true });
}

/**
 * A page at an ordinary office PC's size, in Indonesian, in Jakarta's time zone, whose clock
 * stands at the test app's clock: the browser and the server agree on what "today" is, whatever
 * the real date. Call `syncClock` after moving the app's clock.
 */
export async function openPage(
  browser: Browser,
  clock: { nowMs(): number },
  options: BrowserContextOptions = {},
): Promise<Page & { syncClock(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta', ...options });
  const page = await context.newPage();
  const syncClock = () => page.clock.setFixedTime(new Date(clock.nowMs()));
  await syncClock();
  return Object.assign(page, { syncClock });
}

/**
 * Closes a browser suite's browser and test server. afterAll runs even when beforeAll failed
 * part-way, so either may never have been set, although the suite's variables are typed as set.
 */
export async function closeSuite(browser: Browser | undefined, server: { stop(): Promise<void> } | undefined): Promise<void> {
  await browser?.close();
  await server?.stop();
}
