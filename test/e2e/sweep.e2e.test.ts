// Every screen, for every role, on an ordinary office PC (1366×768), over the demo office (data
// of every feature in every state): nothing is cut (no page scrolls sideways, no element's
// content is wider than its box) and axe-core finds no serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src-main/app';
import { createDemoOffice, demoAccounts, loginAs } from '../../src-main/demo/demo';
import { startOfficeServer, type OfficeServer } from '../../src-main/server/http';
import { launchBrowser, openPage } from '../support/browser';
import { tempDir } from '../support/app';
import { testClock } from '../support/clock';
import { RENDERER_DIR } from '../support/server';

const dir = tempDir('jpd-sweep-');
const clock = testClock();
let app: App;
let server: OfficeServer;
let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};

async function call<T>(token: string, method: string, input: unknown): Promise<T> {
  const res = await app.dispatch({ method, input, sessionToken: token, checkCsrf: false });
  if (!res.body.ok) throw new Error(`${method}: ${res.body.error.message}`);
  return res.body.value as T;
}

beforeAll(async () => {
  await createDemoOffice({ dataDir: dir.dir, members: 80, clock });
  app = await openApp({ dataDir: dir.dir, clock, log: () => undefined });
  server = await startOfficeServer(app, { port: 0, rendererDir: RENDERER_DIR });
  const petugas = await loginAs(app, 'petugas', demoAccounts.find((a) => a.role === 'petugas')!.password);
  ids.member = (await call<{ rows: { id: string }[] }>(petugas, 'members.list', { pageSize: 1 })).rows[0].id;
  ids.training = (await call<{ rows: { id: string }[] }>(petugas, 'trainings.list', { pageSize: 1 })).rows[0].id;
  ids.permit = (await call<{ rows: { id: string }[] }>(petugas, 'permits.list', { pageSize: 1 })).rows[0].id;
  ids.order = (await call<{ rows: { id: string }[] }>(petugas, 'orders.list', { pageSize: 1 })).rows[0].id;
  browser = await launchBrowser();
  page = await openPage(browser, clock, { viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await app?.close();
  dir.remove();
});

/** The screens of the app, each with the roles that open it (the menu shows it only to them). */
const screens = (): { path: string; roles: string[] }[] => {
  const all = ['admin', 'supervisor', 'petugas', 'loket'];
  const staff = ['admin', 'supervisor', 'petugas'];
  return [
    { path: '/', roles: all },
    { path: '/pendaftaran', roles: all },
    { path: '/pendaftaran/baru', roles: staff },
    { path: '/pendaftaran/impor', roles: staff },
    { path: `/pendaftaran/anggota/${ids.member}`, roles: all },
    { path: `/pendaftaran/anggota/${ids.member}/ubah`, roles: staff },
    { path: '/program', roles: staff },
    { path: `/program/pelatihan/${ids.training}`, roles: staff },
    { path: '/program/pendampingan', roles: staff },
    { path: '/program/omzet', roles: staff },
    { path: '/program/permodalan', roles: staff },
    { path: '/program/pengaturan', roles: ['admin', 'supervisor'] },
    { path: `/program/anggota/${ids.member}`, roles: staff },
    { path: '/perizinan', roles: all },
    { path: '/perizinan/baru', roles: ['admin', 'supervisor', 'petugas', 'loket'] },
    { path: `/perizinan/izin/${ids.permit}`, roles: all },
    { path: '/perizinan/ajib', roles: all },
    { path: '/perizinan/verifikasi', roles: all },
    { path: '/perizinan/pengaturan', roles: all },
    { path: '/eorder', roles: staff },
    { path: '/eorder/baru', roles: staff },
    { path: `/eorder/pesanan/${ids.order}`, roles: staff },
    { path: '/eorder/tempo', roles: staff },
    { path: '/eorder/pembeli', roles: staff },
    { path: '/eorder/katalog', roles: staff },
    { path: '/laporan', roles: ['admin', 'supervisor'] },
    { path: '/laporan/rekap', roles: ['admin', 'supervisor'] },
    { path: '/pengguna', roles: ['admin', 'supervisor'] },
    { path: '/audit', roles: ['admin', 'supervisor'] },
    { path: '/pengaturan', roles: all },
    { path: '/kata-sandi', roles: all },
  ];
};

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
    return shown ? null : `${el.tagName.toLowerCase()} "${(el.innerText || el.getAttribute('aria-label') || '').slice(0, 40)}" has the focus without showing it`;
  });
}

async function checkScreen(p: Page, name: string, failures: string[]) {
  for (const problem of await cutContent(p)) failures.push(`${name}: ${problem}`);
  const axe = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const v of axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
    failures.push(`${name}: axe ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }
  // The keyboard's way through the screen: every stop shows where the focus is.
  for (let i = 0; i < 4; i++) {
    await p.keyboard.press('Tab');
    const hidden = await focusVisible(p);
    if (hidden) failures.push(`${name}: ${hidden}`);
  }
}

async function settle(p: Page) {
  await p.locator('main').waitFor();
  // Until nothing is loading any more.
  await p.waitForFunction(() => !document.body.innerText.includes('Memuat…') && !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 20_000 });
  await p.waitForTimeout(150);
}

describe('every screen at 1366×768', () => {
  for (const account of demoAccounts) {
    it(`fits and passes axe-core for ${account.role}`, { timeout: 300_000 }, async () => {
      await page.goto(server.url);
      const failures: string[] = [];
      await page.getByLabel('Nama pengguna').waitFor();
      if (account.role === 'admin') await checkScreen(page, 'login', failures);
      await page.getByLabel('Nama pengguna').fill(account.username);
      await page.getByLabel(/^Kata sandi/).fill(account.password);
      await page.getByLabel(/^Kata sandi/).press('Enter');
      await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
      for (const screen of screens().filter((s) => s.roles.includes(account.role))) {
        await page.goto(`${server.url}/#${screen.path}`);
        await settle(page);
        await checkScreen(page, screen.path, failures);
      }
      await page.getByRole('button', { name: 'Keluar' }).click();
      expect(failures).toEqual([]);
    });
  }
});
