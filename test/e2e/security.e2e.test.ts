import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN } from '../support/app';
import { closeSuite, launchBrowser, openPage } from '../support/browser';
import { screenshot } from '../support/screenshots';
import { startTestServer } from '../support/server';

const PASSWORD = /^Kata sandi( \*)?$/;

let browser: Browser;
let env: Awaited<ReturnType<typeof startTestServer>>;
let page: Page;

beforeAll(async () => {
  env = await startTestServer({ withRenderer: true });
  await env.app.setup();
  const admin = await env.app.login('admin', ADMIN.password);
  await env.app.ok('users.create', { username: 'agus', fullName: 'Agus Salim', role: 'loket', password: 'KerakTelorPasar42' }, admin);
  browser = await launchBrowser();
  page = await openPage(browser, env.app.clock, { viewport: { width: 1366, height: 860 } });
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
});
afterAll(() => closeSuite(browser, env));

async function login(username: string, password: string) {
  await page.getByRole('heading', { name: 'Masuk' }).waitFor();
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel(PASSWORD).fill(password);
  await page.getByLabel(PASSWORD).press('Enter');
}

describe('audit viewer and backups, as the admin sees them', () => {
  it('reads the audit trail with readable labels, filters and exports it, in both languages', { timeout: 120_000 }, async () => {
    await page.goto(env.server.url);
    await login('admin', ADMIN.password);
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    await nav.getByRole('link', { name: 'Jejak audit' }).click();
    await page.getByRole('heading', { name: 'Jejak audit' }).waitFor();
    await page.getByRole('cell', { name: 'Buat akun pengguna' }).waitFor();
    expect(await page.getByRole('cell', { name: 'users.create' }).count()).toBe(0);
    // Filter by activity: only the setup is left.
    await page.getByLabel('Kegiatan').selectOption({ label: 'Penyiapan awal kantor' });
    await page.getByRole('cell', { name: 'Penyiapan awal kantor' }).waitFor();
    await page.getByRole('cell', { name: 'Buat akun pengguna' }).waitFor({ state: 'detached' });
    expect(page.url()).toContain('method=office.setup');
    await screenshot(page, 'audit.png', { fullPage: false });
    // The export is the view on screen, with the same labels.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ekspor CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv).toContain(';Penyiapan awal kantor;office.setup;Kantor;');
    expect(csv).not.toContain('users.create');
    // English through the same catalogue.
    await page.getByLabel('Bahasa').selectOption('en');
    await page.getByRole('cell', { name: 'Office setup' }).waitFor();
    await page.getByLabel('Language').selectOption('id');
    await page.getByRole('button', { name: 'Hapus filter' }).click();
    await page.getByRole('cell', { name: 'Buat akun pengguna' }).waitFor();
  });

  it('takes an encrypted backup and restores a plain one from Pengaturan, then asks everyone to log in', { timeout: 120_000 }, async () => {
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    await nav.getByRole('link', { name: 'Pengaturan' }).click();
    await page.getByRole('heading', { name: 'Cadangan basis data' }).waitFor();
    await page.getByRole('button', { name: 'Buat cadangan sekarang' }).click();
    await page.getByText(/^Cadangan jakpreneur-desk-.*-manual-.*\.sqlite dibuat\.$/).waitFor();
    const plain = (await env.app.ok('office.backups', {}, await env.app.login('admin', ADMIN.password)))[0].name;
    // A passphrase too short is refused at its field by the server.
    await page.getByLabel('Frasa sandi (tidak wajib)').fill('pendek');
    await page.getByRole('button', { name: 'Buat cadangan sekarang' }).click();
    await page.getByText('Frasa sandi: minimal 12 karakter').waitFor();
    await page.getByLabel('Frasa sandi (tidak wajib)').fill('kopi tubruk di pagi hari');
    await page.getByRole('button', { name: 'Buat cadangan sekarang' }).click();
    await page.getByText('terenkripsi').waitFor();

    // Work after the backup, then restore the plain backup.
    const admin = await env.app.login('admin', ADMIN.password);
    await env.app.ok('users.create', { username: 'dewi', fullName: 'Dewi Lestari', role: 'loket', password: 'BajajBiruMelaju19' }, admin);
    // The confirmation in the app's own dialog, then the report of what was done on the login screen.
    await page.getByRole('button', { name: `Pulihkan ${plain}` }).click();
    const ask = page.getByRole('dialog', { name: 'Pulihkan' });
    await ask.getByText(`Pulihkan basis data dari ${plain}? Basis data saat ini dicadangkan dulu, lalu diganti. Semua pengguna harus masuk kembali.`).waitFor();
    await ask.getByRole('button', { name: 'Pulihkan' }).click();
    await page
      .getByText(
        new RegExp(`^Dipulihkan dari ${plain.replace(/\./g, '\\.')}\\. Basis data sebelumnya dicadangkan sebagai jakpreneur-desk-.*-sebelum-pemulihan-`),
      )
      .waitFor();
    await login('admin', ADMIN.password);
    await page.getByRole('heading', { name: 'Cadangan basis data' }).waitFor();
    expect(await env.app.db.selectFrom('users').select('username').where('username', '=', 'dewi').execute()).toEqual([]);
    expect((await env.app.db.selectFrom('audit_log').select('method').where('method', '=', 'office.restore').execute()).length).toBe(1);
  });
});
