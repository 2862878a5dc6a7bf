import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoScreens, settle, startDemoScreens, type DemoScreens } from '../support/demo-screens';
import { findFragments, foreignFragments, visibleText } from '../support/language';

let demo: DemoScreens;
beforeAll(async () => {
  demo = await startDemoScreens('jpd-lang-');
}, 300_000);
afterAll(async () => {
  await demo?.stop();
});

describe('prototype', () => {
  it('english', { timeout: 900_000 }, async () => {
    const { page, server, ids } = demo;
    const list = foreignFragments('en');
    const out: string[] = [];
    await page.addInitScript(() => localStorage.setItem('jpd.locale', 'en'));
    for (const account of demoAccounts) {
      await page.goto(server.url);
      await page.locator('input[autocomplete=username]').fill(account.username);
      await page.locator('input[type=password]').fill(account.password);
      await page.locator('input[type=password]').press('Enter');
      await page.locator('main').waitFor();
      for (const screen of demoScreens(ids).filter((s) => s.roles.includes(account.role))) {
        await page.goto(`${server.url}/#${screen.path}`);
        await settle(page);
        for (const h of findFragments(await visibleText(page), list)) out.push(`${account.role} ${screen.path}: ${h}`);
      }
      await page.getByRole('button', { name: /Log out|Keluar/ }).click();
    }
    writeFileSync('/tmp/lang-proto.txt', out.join('\n'));
    expect(out.length).toBeGreaterThanOrEqual(0);
  });
});
