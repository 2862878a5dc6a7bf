// Every screen, for every role, in each of the two languages: no word of the other language is
// left on it. The words looked for are the catalogue's (every entry whose two languages differ)
// and the server's own (statuses, roles, scales, zones, the report's words), so a screen that
// shows a server text in the wrong language fails as surely as one that forgot the catalogue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Locale } from '../../src-shared/i18n';
import { demoAccounts, demoScreens, settle, startDemoScreens, type DemoScreens } from '../support/demo-screens';
import { findFragments, foreignFragments, serverFragments, visibleText } from '../support/language';

let demo: DemoScreens;
beforeAll(async () => {
  demo = await startDemoScreens('jpd-lang-');
}, 300_000);
afterAll(async () => {
  await demo?.stop();
});

async function openIn(p: Page, url: string, locale: Locale) {
  await p.goto(url);
  await p.evaluate((l) => localStorage.setItem('jpd.locale', l), locale);
  await p.reload();
  await p.locator('input[autocomplete=username]').waitFor();
}

/** What of the other language, and what unwritten value, the screen shows. */
async function findings(p: Page, name: string, words: string[]): Promise<string[]> {
  const text = await visibleText(p);
  const out = findFragments(text, words).map((h) => `${name}: ${h}`);
  if (text.includes('[object Object]')) out.push(`${name}: a value shown as [object Object]`);
  return out;
}

for (const locale of ['en', 'id'] as const) {
  const language = locale === 'en' ? 'English' : 'Indonesian';
  const other = locale === 'en' ? 'Indonesian' : 'English';
  describe(`every screen in ${language}`, () => {
    const words = [...new Set([...foreignFragments(locale), ...serverFragments(locale)])];

    it(`knows the ${other} words to look for`, () => {
      // The search is only as good as its list: a handful of words would let anything pass.
      expect(words.length).toBeGreaterThan(300);
      expect(words).toContain(locale === 'en' ? 'Rekap bulanan' : 'Monthly summary');
    });

    for (const account of demoAccounts) {
      it(`shows no ${other} words to ${account.role}`, { timeout: 600_000 }, async () => {
        const { page, server, ids } = demo;
        const failures: string[] = [];
        await openIn(page, server.url, locale);
        if (account.role === 'admin') failures.push(...(await findings(page, 'login', words)));
        await page.locator('input[autocomplete=username]').fill(account.username);
        await page.locator('input[type=password]').fill(account.password);
        await page.locator('input[type=password]').press('Enter');
        await page.locator('main').waitFor();
        for (const screen of demoScreens(ids).filter((s) => s.roles.includes(account.role))) {
          await page.goto(`${server.url}/#${screen.path}`);
          await settle(page);
          failures.push(...(await findings(page, screen.path, words)));
        }
        await page.getByRole('button', { name: /^(Log out|Keluar)$/ }).click();
        expect(failures).toEqual([]);
      });
    }
  });
}
