import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSuite, launchBrowser, openPage } from '../support/browser';
import { screenshot } from '../support/screenshots';
import { startTestServer } from '../support/server';

// Labels of required fields end with a '*' marker.
const PASSWORD = /^Kata sandi( \*)?$/;

let browser: Browser;
let env: Awaited<ReturnType<typeof startTestServer>>;
let page: Page;

beforeAll(async () => {
  env = await startTestServer({ withRenderer: true });
  browser = await launchBrowser();
  page = await openPage(browser, env.app.clock, { viewport: { width: 1366, height: 860 } });
  // A step that cannot happen should fail fast and name its locator, not hit the test timeout.
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
});
afterAll(() => closeSuite(browser, env));

async function login(username: string, password: string) {
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel(PASSWORD).fill(password);
  await page.getByLabel(PASSWORD).press('Enter');
}

describe('foundation, as a user sees it', () => {
  it('runs first-run setup, user management, logins and role limits in a real browser', { timeout: 120_000 }, async () => {
    await page.goto(env.server.url);
    await page.getByRole('heading', { name: 'Penyiapan awal kantor' }).waitFor();

    // Nothing else is reachable before setup: the API says so too.
    const early = await page.evaluate(
      async () => (await fetch('/api/users.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status,
    );
    expect(early).toBe(409);

    await page.getByLabel('Kota/Kabupaten').selectOption('31.71');
    await page.getByLabel('Kecamatan').selectOption('31.71.07');
    expect(await page.getByLabel('Nama kantor').inputValue()).toBe('Kantor Kecamatan Tanah Abang');
    await page.getByLabel('Alamat kantor').fill('Jl. K.H. Mas Mansyur No. 7, Jakarta Pusat');
    await page.getByLabel('Kode pos').fill('10240');
    await page.getByLabel('Target tahunan wirausaha baru').fill('4500');
    await page.getByLabel('Nama penanda tangan').fill('Dra. Maria Ulfa, M.Si.');
    await page.getByLabel('NIP penanda tangan').fill('197203151998032004');
    await page.getByLabel('Nama lengkap').fill('Rina Kusumawati');
    await page.getByLabel(PASSWORD).fill('MonasPagiCerah26');
    await page.getByLabel('Ulangi kata sandi').fill('MonasPagiCerah26');
    await screenshot(page, 'setup.png');
    await page.getByRole('button', { name: 'Selesaikan penyiapan' }).click();

    // The admin lands in the main window.
    await page.getByRole('heading', { name: 'Selamat datang, Rina Kusumawati' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    for (const item of ['Pendaftaran', 'Program 7P', 'Perizinan (IUMK)', 'E-Order', 'Laporan', 'Pengguna', 'Pengaturan']) {
      expect(await nav.getByRole('link', { name: item }).count()).toBe(1);
    }
    await screenshot(page, 'main-window.png', { fullPage: false });

    // Create a petugas.
    await nav.getByRole('link', { name: 'Pengguna' }).click();
    await page.getByRole('button', { name: '+ Pengguna baru' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama pengguna').fill('budi');
    await dialog.getByLabel('Nama lengkap').fill('Budi Santoso');
    await dialog.getByLabel('Peran').selectOption('petugas');
    await dialog.getByLabel(PASSWORD).fill('pendek');
    await dialog.getByLabel(PASSWORD).press('Enter');
    await dialog.locator('.field__error', { hasText: 'Kata sandi: minimal 12 karakter' }).waitFor();
    await dialog.getByLabel(PASSWORD).fill('SandiAwalKebun1');
    await dialog.getByLabel(PASSWORD).press('Enter');
    await page.getByText('Akun budi dibuat').waitFor();
    await page.getByRole('cell', { name: 'Budi Santoso' }).waitFor();
    await screenshot(page, 'users.png', { fullPage: false });

    // Office settings: the admin changes the yearly target and the signatory.
    await nav.getByRole('link', { name: 'Pengaturan' }).click();
    await page.getByLabel('Target tahunan wirausaha baru').fill('5.000');
    await page.getByLabel('NIP penanda tangan').fill('123');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.locator('.field__error', { hasText: 'NIP: harus 18 angka' }).waitFor();
    await page.getByLabel('NIP penanda tangan').fill('197203151998032004');
    await page.getByLabel('NIP penanda tangan').press('Enter');
    await page.getByText('Tersimpan.').waitFor();
    expect((await env.app.db.selectFrom('office').select('yearly_target').executeTakeFirstOrThrow()).yearly_target).toBe(5000);

    // Log out; log in as the petugas, who must replace the admin-given password first.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    await login('budi', 'SandiAwalKebun1');
    await page.getByRole('heading', { name: 'Ganti kata sandi' }).waitFor();
    await page.getByLabel('Kata sandi saat ini').fill('SandiAwalKebun1');
    // The server's password rule speaks through the form: the user's own name is refused.
    await page.getByLabel('Kata sandi baru').fill('BudiPunyaSandi9');
    await page.getByLabel('Ulangi kata sandi').fill('BudiPunyaSandi9');
    await page.getByLabel('Ulangi kata sandi').press('Enter');
    await page
      .locator('.field__error', { hasText: 'Kata sandi baru: tidak boleh memuat nama pengguna, nama, nama kantor atau nama aplikasi ("Budi")' })
      .waitFor();
    await page.getByLabel('Kata sandi baru').fill('PohonManggaBerbuah9');
    await page.getByLabel('Ulangi kata sandi').fill('PohonManggaBerbuah9');
    await page.getByLabel('Ulangi kata sandi').press('Enter');
    await page.getByRole('heading', { name: 'Selamat datang, Budi Santoso' }).waitFor();

    // User management is not offered and is refused when opened directly.
    expect(await nav.getByRole('link', { name: 'Pengguna' }).count()).toBe(0);
    await page.goto(`${env.server.url}/#/pengguna`);
    await page.getByRole('heading', { name: 'Akses ditolak' }).waitFor();
    const status = await page.evaluate(
      async () => (await fetch('/api/users.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status,
    );
    expect(status).toBe(403);

    // A wrong password gets a clear message.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await login('budi', 'salah-sandi-123');
    await page.getByRole('alert').filter({ hasText: 'Nama pengguna atau kata sandi salah.' }).waitFor();
    await screenshot(page, 'login-error.png', { fullPage: false });
  });
});
