import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
