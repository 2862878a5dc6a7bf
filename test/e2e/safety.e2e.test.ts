// Destructive moves ask once in the app's own dialog, say what happens to whom, take a reason
// where the record keeps one, are audited and can be undone; unsaved work is not lost by
// leaving; implausible turnover is asked about; a refused password does not stay in its field.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSuite, launchBrowser, openPage } from '../support/browser';
import { startTestServer } from '../support/server';
import { screenshot } from '../support/screenshots';
import { ADMIN } from '../support/app';
import { createPendamping, insertMember, insertMemberWithBusiness } from '../support/programme-factory';
import { SATURDAY_0900_WIB } from '../support/clock';

const PASSWORD = /^Kata sandi( \*)?$/;

let browser: Browser;
let env: Awaited<ReturnType<typeof startTestServer>>;
let page: Page;
let admin: string;
const nativeDialogs: string[] = [];

beforeAll(async () => {
  env = await startTestServer({ withRenderer: true, startIso: SATURDAY_0900_WIB });
  admin = await env.app.setup();
  browser = await launchBrowser();
  page = await openPage(browser, env.app.clock, { viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  // Never window.confirm: any native dialog is recorded and fails the test.
  page.on('dialog', (d) => {
    nativeDialogs.push(d.message());
    void d.dismiss();
  });
});
afterAll(() => closeSuite(browser, env));

async function login(username: string, password: string) {
  await page.goto(env.server.url);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel(PASSWORD).fill(password);
  await page.getByLabel(PASSWORD).press('Enter');
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
}

const auditCount = async (method: string) => (await env.app.db.selectFrom('audit_log').select('id').where('method', '=', method).execute()).length;

describe('safe, clear screens', () => {
  it('clears a refused password from its field and puts the cursor back in it', async () => {
    await page.goto(env.server.url);
    await page.getByLabel('Nama pengguna').fill(ADMIN.username);
    await page.getByLabel(PASSWORD).fill('salah-sekali');
    await page.getByLabel(PASSWORD).press('Enter');
    await page.getByRole('alert').filter({ hasText: /salah/i }).waitFor();
    expect(await page.getByLabel(PASSWORD).inputValue()).toBe('');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('password');
  });

  it('cancels a training with a reason after saying who loses their place, and undoes it; withdraws a participant and puts them back', async () => {
    const { app } = env;
    const training = await app.ok(
      'trainings.create',
      {
        topic: 'Pembukuan Sederhana',
        startsAt: '2026-12-01T08:00',
        endsAt: '2026-12-01T15:00',
        mode: 'offline',
        place: 'Aula Kecamatan',
        capacity: 2,
        trainer: 'Dewi Lestari',
        skpd: 'ppkukm_ukm',
      },
      admin,
    );
    const [a, b, c] = await Promise.all(['Ani Suryani', 'Bambang Wijaya', 'Citra Lestari'].map((fullName) => insertMember(app, { fullName })));
    await app.ok('trainings.enrol', { trainingId: training.id, memberId: a.id }, admin);
    await app.ok('trainings.enrol', { trainingId: training.id, memberId: b.id }, admin);
    await app.ok('trainings.enrol', { trainingId: training.id, memberId: c.id, waitlist: true }, admin);

    await login(ADMIN.username, ADMIN.password);
    await page.goto(`${env.server.url}/#/program/pelatihan/${training.id}`);
    await page.getByRole('heading', { name: 'Pembukuan Sederhana' }).waitFor();

    // Withdrawing names who moves up; it is undone from the message.
    await page.getByRole('button', { name: 'Mundur: Ani Suryani' }).click();
    const withdraw = page.getByRole('dialog', { name: 'Mundurkan peserta?' });
    await withdraw.getByText('Ani Suryani mundur dari pelatihan ini. Kursinya diberikan kepada Citra Lestari, urutan pertama daftar tunggu.').waitFor();
    await withdraw.getByRole('button', { name: 'Ya, mundurkan' }).click();
    await page.getByText('Ani Suryani mundur; Citra Lestari naik dari daftar tunggu menjadi peserta.').waitFor();
    await page.getByRole('button', { name: 'Urungkan', exact: true }).click();
    await page.getByText('Ani Suryani kembali menjadi peserta; Citra Lestari kembali ke urutan pertama daftar tunggu.').waitFor();
    const places = async () => (await app.ok('trainings.get', { id: training.id }, admin)).participants.map((p) => [p.fullName, p.status]);
    expect(await places()).toEqual([
      ['Ani Suryani', 'terdaftar'],
      ['Bambang Wijaya', 'terdaftar'],
      ['Citra Lestari', 'menunggu'],
    ]);
    expect(await auditCount('trainings.undoWithdraw')).toBe(2);

    // Cancelling says who loses their place and needs a reason; nothing happens without one.
    await page.getByRole('button', { name: 'Batalkan pelatihan' }).click();
    const cancel = page.getByRole('dialog', { name: 'Batalkan pelatihan?' });
    await cancel.getByText('2 peserta dan 1 daftar tunggu kehilangan tempatnya di pelatihan ini.', { exact: false }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await cancel.getByRole('button', { name: 'Ya, batalkan pelatihan' }).click();
    await cancel.getByText('Alasan pembatalan: wajib diisi').waitFor();
    expect((await app.ok('trainings.get', { id: training.id }, admin)).status).toBe('terjadwal');
    await cancel.getByLabel(/Alasan pembatalan/).fill('Aula dipakai untuk vaksinasi');
    await screenshot(page, 'programme-cancel-training.png', { fullPage: false });
    await cancel.getByRole('button', { name: 'Ya, batalkan pelatihan' }).click();
    await page.getByText('Pelatihan dibatalkan.').waitFor();
    await page.getByText('Dibatalkan: Aula dipakai untuk vaksinasi').waitFor();
    expect(await auditCount('trainings.cancel')).toBe(1);

    await page.getByRole('status').getByRole('button', { name: 'Urungkan pembatalan' }).click();
    await page.getByText('Pembatalan diurungkan: pelatihan terjadwal lagi dengan 2 peserta dan 1 daftar tunggu.').waitFor();
    expect((await app.ok('trainings.get', { id: training.id }, admin)).status).toBe('terjadwal');
    expect(await places()).toEqual([
      ['Ani Suryani', 'terdaftar'],
      ['Bambang Wijaya', 'terdaftar'],
      ['Citra Lestari', 'menunggu'],
    ]);
    expect(await auditCount('trainings.reinstate')).toBe(1);
    expect(nativeDialogs).toEqual([]);
  });

  it('asks before leaving the turnover grid with an unsaved cell, and asks about implausible figures before saving them', async () => {
    const { app } = env;
    const pd = await createPendamping(app, admin, 'rina', 'Rina Marlina');
    const eka = await insertMemberWithBusiness(app, { fullName: 'Eka Putri', pendampingId: pd.id }, { name: 'Katering Eka' });
    await app.ok('turnover.saveGrid', { month: '2026-09', rows: [{ businessId: eka.business.id, turnover: 26_200_000, employees: 4 }] }, admin);

    await page.goto(`${env.server.url}/#/program/omzet`);
    await page.getByLabel('Pendamping', { exact: true }).selectOption({ label: 'Rina Marlina' });
    await page.getByRole('combobox', { name: 'Bulan: bulan' }).selectOption('10');
    const cell = page.getByLabel('Omzet (Rp) Eka Putri Katering Eka');
    await cell.fill('12500000');

    // Another tab: the app asks, and staying keeps the figure.
    await page.getByRole('link', { name: 'Pelatihan (P2)' }).click();
    const ask = page.getByRole('dialog', { name: 'Perubahan belum disimpan' });
    await ask.getByText('Ada 1 baris omzet yang belum disimpan.', { exact: false }).waitFor();
    await ask.getByRole('button', { name: 'Tetap di sini' }).click();
    expect(page.url()).toContain('#/program/omzet');
    expect(await cell.inputValue()).toBe('12.500.000');
    // The menu and the browser's back button ask as well.
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Beranda' }).click();
    await ask.getByRole('button', { name: 'Tetap di sini' }).click();
    expect(page.url()).toContain('#/program/omzet');

    // A drop of more than half is asked about; Enter again saves it as it is.
    await cell.press('Enter');
    const warning = page.getByRole('alert').filter({ hasText: 'Omzet turun 52% dari bulan lalu (Rp 26.200.000 → Rp 12.500.000). Benar?' });
    await warning.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Omzet (Rp) Eka Putri Katering Eka');
    await screenshot(page, 'programme-grid-warning.png', { fullPage: false });
    expect(await app.db.selectFrom('turnover_reports').select('id').where('month', '=', '2026-10').execute()).toHaveLength(0);
    // More employees than a micro business has: asked as well, then corrected.
    await page.getByLabel('Tenaga kerja Eka Putri Katering Eka').fill('9000000');
    await page.getByLabel('Tenaga kerja Eka Putri Katering Eka').press('Enter');
    await page.getByRole('alert').filter({ hasText: '9.000.000 tenaga kerja: lebih dari yang wajar untuk usaha mikro atau kecil' }).waitFor();
    await page.getByLabel('Tenaga kerja Eka Putri Katering Eka').fill('5');
    await page.getByLabel('Tenaga kerja Eka Putri Katering Eka').press('Enter');
    await warning.waitFor();
    await page.getByLabel('Tenaga kerja Eka Putri Katering Eka').press('Enter');
    await page.getByRole('table', { name: 'Laporan omzet (P6)' }).getByText('Tersimpan').waitFor();
    const saved = await app.db.selectFrom('turnover_reports').select(['turnover', 'employees']).where('month', '=', '2026-10').execute();
    expect(saved).toEqual([{ turnover: 12_500_000, employees: 5 }]);
    // Saved: leaving no longer asks.
    await page.getByRole('link', { name: 'Pelatihan (P2)' }).click();
    await page.getByRole('button', { name: '+ Pelatihan baru' }).waitFor();
    expect(await ask.isVisible()).toBe(false);
    expect(nativeDialogs).toEqual([]);
  });

  it('keeps a visited member where the user found them, with search, on the Pendampingan list', async () => {
    const { app } = env;
    const pd = await createPendamping(app, admin, 'joko', 'Joko Susilo');
    for (const fullName of ['Ani Rahayu', 'Budi Santoso', 'Cici Paramida', 'Dodi Kurnia'])
      await insertMemberWithBusiness(app, { fullName, pendampingId: pd.id }, { name: `Usaha ${fullName}` });
    await page.goto(`${env.server.url}/#/program/pendampingan`);
    await page.getByLabel('Pendamping', { exact: true }).selectOption({ label: 'Joko Susilo' });
    await page.getByLabel('Hanya yang perlu dikunjungi').check();
    const names = () => page.locator('.prog-mentoring table').first().locator('tbody tr td:first-child a').allInnerTexts();
    await expect.poll(names).toEqual(['Ani Rahayu', 'Budi Santoso', 'Cici Paramida', 'Dodi Kurnia']);
    // Search narrows the list.
    await page.getByRole('searchbox').fill('cici');
    await expect.poll(names).toEqual(['Cici Paramida']);
    await page.getByRole('searchbox').fill('');
    await expect.poll(names).toEqual(['Ani Rahayu', 'Budi Santoso', 'Cici Paramida', 'Dodi Kurnia']);
    // A visit for the second: the row stays second, marked, though it is no longer due.
    await page.getByRole('button', { name: 'Catat kunjungan: Budi Santoso' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Topik/).fill('Pencatatan kas harian');
    await dialog.getByLabel(/^Topik/).press('Enter');
    await page.getByText('Kunjungan tercatat.').waitFor();
    await page.getByText('Baru dikunjungi').waitFor();
    expect(await names()).toEqual(['Ani Rahayu', 'Budi Santoso', 'Cici Paramida', 'Dodi Kurnia']);
  });

  it('shows settings a role may only read as read-only', async () => {
    const { app } = env;
    await app.ok('users.create', { username: 'petugas2', fullName: 'Lina Marlina', role: 'petugas', password: 'BajajBiruMelaju19' }, admin);
    await app.db.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'petugas2').execute();
    await page.getByRole('button', { name: 'Keluar' }).click();
    await login('petugas2', 'BajajBiruMelaju19');
    await page.goto(`${env.server.url}/#/pengaturan`);
    const name = page.getByLabel(/^Nama kantor/);
    await name.waitFor();
    expect(await name.isDisabled()).toBe(true);
    const looks = await name.evaluate((el) => ({
      background: getComputedStyle(el).backgroundColor,
      border: getComputedStyle(el).borderStyle,
      cursor: getComputedStyle(el).cursor,
    }));
    expect(looks).toEqual({ background: 'rgb(238, 241, 244)', border: 'dashed', cursor: 'not-allowed' });
    expect(await page.getByRole('button', { name: 'Simpan' }).count()).toBe(0);
  });
});
