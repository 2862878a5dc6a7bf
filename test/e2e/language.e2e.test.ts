// Every screen, for every role, in each of the two languages: no word of the other language is
// left on it. The words looked for are the catalogue's (every entry whose two languages differ)
// and the server's own (statuses, roles, scales, zones, the report's words), so a screen that
// shows a server text in the wrong language fails as surely as one that forgot the catalogue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Locale } from '../../src-shared/i18n';
import { demoAccounts, demoScreens, settle, startDemoScreens, type DemoScreens } from '../support/demo-screens';
import { findFragments, foreignFragments, recordValues, serverFragments, visibleText, withoutRecordValues } from '../support/language';

let demo: DemoScreens | undefined;
/** The demo's own data (names, topics, notes, KBLI titles): shown as written in either language. */
let values: string[];
beforeAll(async () => {
  demo = await startDemoScreens('jpd-lang-');
  values = recordValues(demo.app.sqlite);
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

/** What of the other language, and what unwritten value, the screen shows around its data. */
async function findings(p: Page, name: string, words: string[], locale: Locale): Promise<string[]> {
  const text = withoutRecordValues(await visibleText(p, locale), values);
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
        const { page, server, ids } = demo!;
        const failures: string[] = [];
        await openIn(page, server.url, locale);
        if (account.role === 'admin') failures.push(...(await findings(page, 'login', words, locale)));
        await page.locator('input[autocomplete=username]').fill(account.username);
        await page.locator('input[type=password]').fill(account.password);
        await page.locator('input[type=password]').press('Enter');
        await page.locator('main').waitFor();
        for (const screen of demoScreens(ids).filter((s) => s.roles.includes(account.role))) {
          await page.goto(`${server.url}/#${screen.path}`);
          await settle(page);
          failures.push(...(await findings(page, screen.path, words, locale)));
        }
        await page.getByRole('button', { name: /^(Log out|Keluar)$/ }).click();
        expect(failures).toEqual([]);
      });
    }
  });
}

describe('switching language while the app is open', () => {
  it('rewords what the server already sent, without a reload', { timeout: 120_000 }, async () => {
    const { page, server, ids } = demo!;
    const admin = demoAccounts.find((a) => a.role === 'admin')!;
    await openIn(page, server.url, 'id');
    await page.locator('input[autocomplete=username]').fill(admin.username);
    await page.locator('input[type=password]').fill(admin.password);
    await page.locator('input[type=password]').press('Enter');
    await page.goto(`${server.url}/#/perizinan/izin/${ids.permit}`);
    await settle(page);
    // The requirement list comes from the server in the caller's language.
    await expect(page.getByText('Fotokopi KTP').count()).resolves.toBeGreaterThan(0);
    const marker = await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    expect(marker).toBe(true);
    await page.locator('.shell__lang select').selectOption('en');
    await page.getByText('Copy of the identity card (KTP)').first().waitFor();
    await expect(page.getByText('Fotokopi KTP').count()).resolves.toBe(0);
    // The same page, not a new one: the data was fetched again, not the app reloaded.
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await page.getByRole('button', { name: /^(Log out|Keluar)$/ }).click();
  });
});
