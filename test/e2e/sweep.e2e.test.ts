// Every screen, for every role, on an ordinary office PC (1366×768), over the demo office (data
// of every feature in every state): nothing is cut (no page scrolls sideways, no element's
// content is wider than its box) and axe-core finds no serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoScreens, settle, startDemoScreens, type DemoScreens } from '../support/demo-screens';

let demo: DemoScreens | undefined;

beforeAll(async () => {
  demo = await startDemoScreens('jpd-sweep-');
}, 300_000);
afterAll(async () => {
  await demo?.stop();
});

/** What is cut on the page: sideways page scroll, and elements whose content is wider than their box. */
function cutContent(p: Page) {
  return p.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) problems.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (/^(INPUT|TEXTAREA|SELECT|OPTION|svg|path|g|text|line|rect|circle|tspan|IFRAME|DIALOG|SCRIPT|STYLE)$/i.test(el.tagName)) continue;
      if (el.closest('svg, dialog:not([open]), [aria-hidden="true"], .visually-hidden')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.display === 'none' || el.clientWidth === 0) continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
        problems.push(`${name} content ${el.scrollWidth}px in a ${el.clientWidth}px box: "${(el.innerText || '').slice(0, 60).replace(/\s+/g, ' ')}"`);
      }
    }
    return problems;
  });
}

/** The focused element shows that it has the focus (an outline, or the box of a focused cell). */
function focusVisible(p: Page) {
  return p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const shown = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    return shown
      ? null
      : `${el.tagName.toLowerCase()} "${(el.innerText !== '' ? el.innerText : (el.getAttribute('aria-label') ?? '')).slice(0, 40)}" has the focus without showing it`;
  });
}

async function checkScreen(p: Page, name: string, failures: string[]) {
  for (const problem of await cutContent(p)) failures.push(`${name}: ${problem}`);
  const axe = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const v of axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
    failures.push(
      `${name}: axe ${v.id} (${v.impact}): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
    );
  }
  // The keyboard's way through the screen: every stop shows where the focus is.
  for (let i = 0; i < 4; i++) {
    await p.keyboard.press('Tab');
    const hidden = await focusVisible(p);
    if (hidden) failures.push(`${name}: ${hidden}`);
  }
}

describe('every screen at 1366×768', () => {
  for (const account of demoAccounts) {
    it(`fits and passes axe-core for ${account.role}`, { timeout: 300_000 }, async () => {
      const { page, server, ids } = demo!;
      await page.goto(server.url);
      const failures: string[] = [];
      await page.getByLabel('Nama pengguna').waitFor();
      if (account.role === 'admin') await checkScreen(page, 'login', failures);
      await page.getByLabel('Nama pengguna').fill(account.username);
      await page.getByLabel(/^Kata sandi/).fill(account.password);
      await page.getByLabel(/^Kata sandi/).press('Enter');
      await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
      for (const screen of demoScreens(ids).filter((s) => s.roles.includes(account.role))) {
        await page.goto(`${server.url}/#${screen.path}`);
        await settle(page);
        await checkScreen(page, screen.path, failures);
      }
      await page.getByRole('button', { name: 'Keluar' }).click();
      expect(failures).toEqual([]);
    });
  }
});
