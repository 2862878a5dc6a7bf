import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * The README's pictures. They are written only by `npm run screenshots` (vitest's mode
 * "screenshots"), so an ordinary test run leaves the committed files alone.
 */
export const SCREENSHOTS_DIR = join(import.meta.dirname, '..', 'e2e', 'screenshots');
export const takingScreenshots = import.meta.env.MODE === 'screenshots';

/** Saves a PNG (a rendered PDF page) under the README's pictures when taking screenshots. */
export function saveScreenshot(name: string, png: Buffer): void {
  if (!takingScreenshots) return;
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  writeFileSync(join(SCREENSHOTS_DIR, name), png);
}

/** A screenshot of the page (the whole page unless told otherwise) when taking screenshots. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (!takingScreenshots) return;
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, name), fullPage: options.fullPage ?? true });
}
