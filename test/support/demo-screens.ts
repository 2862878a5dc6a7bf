// The demo office served to a real Chromium, and the list of every screen with the roles that
// open it. Shared by the screen sweeps (test/e2e/sweep.e2e.test.ts: nothing cut, axe-core;
// test/e2e/language.e2e.test.ts: every word in the chosen language), so that a new screen is
// added in one place and every sweep visits it.
import type { Browser, Page } from 'playwright-core';
import { openApp, type App } from '../../src-main/app';
import { createDemoOffice, demoAccounts, loginAs } from '../../src-main/demo/demo';
import { startOfficeServer, type OfficeServer } from '../../src-main/server/http';
import { tempDir } from './app';
import { launchBrowser, openPage } from './browser';
import { testClock } from './clock';
import { RENDERER_DIR } from './server';

export { demoAccounts };

/** Records of the demo office that the screens with an id in their path open. */
export interface DemoIds {
  member: string;
  training: string;
  permit: string;
  order: string;
}

export interface DemoScreens {
  app: App;
  server: OfficeServer;
  browser: Browser;
  page: Page & { syncClock(): Promise<void> };
  ids: DemoIds;
  /** Calls the API as the token's user, in-process (no CSRF: no browser). */
  call<T>(token: string, method: string, input: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** The demo office (80 members, data of every feature in every state) over HTTP, and a page at 1366×768. */
export async function startDemoScreens(prefix: string): Promise<DemoScreens> {
  const dir = tempDir(prefix);
  const clock = testClock();
  await createDemoOffice({ dataDir: dir.dir, members: 80, clock });
  const app = await openApp({ dataDir: dir.dir, clock, log: () => undefined });
  const server = await startOfficeServer(app, { port: 0, rendererDir: RENDERER_DIR });
  const call = async <T>(token: string, method: string, input: unknown): Promise<T> => {
    const res = await app.dispatch({ method, input, sessionToken: token, checkCsrf: false });
    if (!res.body.ok) throw new Error(`${method}: ${res.body.error.message}`);
    return res.body.value as T;
  };
  const petugas = await loginAs(app, 'petugas', demoAccounts.find((a) => a.role === 'petugas')!.password);
  const first = async (method: string) => (await call<{ rows: { id: string }[] }>(petugas, method, { pageSize: 1 })).rows[0].id;
  const ids: DemoIds = {
    member: await first('members.list'),
    training: await first('trainings.list'),
    permit: await first('permits.list'),
    order: await first('orders.list'),
  };
  const browser = await launchBrowser();
  const page = await openPage(browser, clock, { viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return {
    app,
    server,
    browser,
    page,
    ids,
    call,
    stop: async () => {
      await browser.close();
      await server.close();
      await app.close();
      dir.remove();
    },
  };
}

/** The screens of the app, each with the roles that open it (the menu shows it only to them). */
export function demoScreens(ids: DemoIds): { path: string; roles: string[] }[] {
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
}

/** Waits until the screen has loaded: its main part is there and nothing is loading any more. */
export async function settle(p: Page) {
  await p.locator('main').waitFor();
  await p.waitForFunction(() => !/Memuat…|Loading…/.test(document.body.innerText) && !document.querySelector('[aria-busy="true"]'), undefined, {
    timeout: 20_000,
  });
  await p.waitForTimeout(150);
}
