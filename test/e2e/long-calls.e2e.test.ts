import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../src-main/api';
import { closeSuite, launchBrowser, openPage } from '../support/browser';
import type { WireBody } from '../support/http';
import { issuePermit, setupActors, type PermitActors } from '../support/permits-factory';
import { startTestServer } from '../support/server';

// A long call (here: printing the day's certificates as one PDF) shows its progress with a
// Cancel button; a cancelled print is not counted, so the next print is still the original.

let browser: Browser;
let env: Awaited<ReturnType<typeof startTestServer>>;
let page: Page;
let actors: PermitActors;

beforeAll(async () => {
  env = await startTestServer({ withRenderer: true });
  actors = await setupActors(env.app);
  await env.app.db.updateTable('users').set({ must_change_password: 0 }).execute();
  browser = await launchBrowser();
  page = await openPage(browser, env.app.clock, { viewport: { width: 1366, height: 900 } });
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.context().on('page', (p) => void p.close());
});
afterAll(() => closeSuite(browser, env));

const copiesPrinted = async () =>
  (await env.app.db.selectFrom('permits').select('copies_printed').where('status', '=', 'terbit').execute()).map((r) => r.copies_printed);

describe('long calls in the screens', () => {
  it('batch printing shows its progress and Cancel; a cancelled batch prints and counts nothing', { timeout: 120_000 }, async () => {
    await issuePermit(env.app, actors);
    await issuePermit(env.app, actors);
    await page.goto(env.server.url);
    await page.getByLabel('Nama pengguna').fill('loket1');
    await page.getByLabel(/^Kata sandi( \*)?$/).fill('SandiAwal123');
    await page.getByLabel(/^Kata sandi( \*)?$/).press('Enter');
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    await page.goto(`${env.server.url}/#/perizinan`);

    // Hold the batch on its way to the server, so that Cancel is pressed while it is under way.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const jobIds: string[] = [];
    await page.route('**/api/permits.certificateBatch', async (route) => {
      jobIds.push(route.request().headers()['x-job-id'] ?? '');
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Cetak semua izin terbit hari ini' }).click();
    const progress = page.locator('.job-progress');
    await progress.getByText('Sedang diproses…').waitFor();
    expect(await page.getByRole('button', { name: 'Cetak semua izin terbit hari ini' }).isDisabled()).toBe(true);
    const cancelled = page.waitForResponse('**/api/jobs.cancel');
    await progress.getByRole('button', { name: 'Batalkan' }).click();
    await cancelled;
    release();
    await page.getByText('Dibatalkan. Tidak ada yang dicetak atau diekspor.').waitFor();
    await progress.waitFor({ state: 'detached' });
    expect(jobIds[0]).toMatch(/^job-[0-9a-f]{24}$/);
    expect(await copiesPrinted()).toEqual([0, 0]);
    await page.unroute('**/api/permits.certificateBatch');

    // Printed for real this time: each certificate counted once, as an original.
    const printed = page.waitForResponse('**/api/permits.certificateBatch');
    await page.getByRole('button', { name: 'Cetak semua izin terbit hari ini' }).click();
    const res = await printed;
    expect(res.status()).toBe(200);
    expect(((await res.json()) as WireBody<Api['permits.certificateBatch']['output']>).value.pages).toBe(2);
    await progress.waitFor({ state: 'detached' });
    expect(await copiesPrinted()).toEqual([1, 1]);
  });
});
