import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSuite, launchBrowser, openPage } from '../support/browser';
import { screenshot, saveScreenshot } from '../support/screenshots';
import { startTestServer } from '../support/server';
import { extractPdfText, renderPdfPage } from '../support/pdf';
import { ADMIN, tempDir } from '../support/app';
import { createPendamping, insertMemberWithBusiness } from '../support/programme-factory';
import { SATURDAY_0900_WIB } from '../support/clock';

const PASSWORD = /^Kata sandi( \*)?$/;

let browser: Browser;
let env: Awaited<ReturnType<typeof startTestServer>>;
let page: Page;
const downloads = tempDir('jpd-programme-dl-');

beforeAll(async () => {
  env = await startTestServer({ withRenderer: true, startIso: SATURDAY_0900_WIB });
  browser = await launchBrowser();
  page = await openPage(browser, env.app.clock, { viewport: { width: 1366, height: 860 }, acceptDownloads: true });
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('dialog', (d) => void d.accept());
});
afterAll(async () => {
  await closeSuite(browser, env);
  downloads.remove();
});

describe('programme 7P, as a pendamping sees it', () => {
  it(
    'creates a training, enrols and marks two members present, prints the certificates, and enters a month of turnover by keyboard',
    { timeout: 180_000 },
    async () => {
      const { app } = env;
      const admin = await app.setup();
      const pd = await createPendamping(app, admin, 'yanti', 'Yanti Rahmawati');
      await app.db.updateTable('users').set({ must_change_password: 0 }).where('id', '=', pd.id).execute();
      const siti = await insertMemberWithBusiness(app, { fullName: 'Siti Aminah', gender: 'P', pendampingId: pd.id }, { name: 'Kue Basah Bu Siti' });
      const budi = await insertMemberWithBusiness(app, { fullName: 'Budi Hartono', pendampingId: pd.id }, { name: 'Sablon Budi' });
      const dewi = await insertMemberWithBusiness(app, { fullName: 'Dewi Kartika', gender: 'P', pendampingId: pd.id }, { name: 'Batik Dewi' });
      // Last month's figures, shown beside each row of the grid.
      await app.ok(
        'turnover.saveGrid',
        {
          month: '2026-09',
          rows: [
            { businessId: siti.business.id, turnover: 4_000_000, employees: 2 },
            { businessId: budi.business.id, turnover: 6_250_000, employees: 3 },
            { businessId: dewi.business.id, turnover: 2_750_000, employees: 1 },
          ],
        },
        pd.token,
      );

      await page.goto(env.server.url);
      await page.getByLabel('Nama pengguna').fill('yanti');
      await page.getByLabel(PASSWORD).fill('SandiAwal123');
      await page.getByLabel(PASSWORD).press('Enter');
      await page.getByRole('heading', { name: 'Selamat datang, Yanti Rahmawati' }).waitFor();

      // A training.
      await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Program 7P' }).click();
      await page.getByRole('heading', { name: 'Program 7P' }).waitFor();
      await page.getByRole('button', { name: '+ Pelatihan baru' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Topik pelatihan').fill('Pemasaran Digital untuk Usaha Kuliner');
      // Dates typed as offices write them, times as 08.00.
      await dialog.getByLabel(/^Tanggal mulai/).fill('28112026');
      expect(await dialog.getByLabel(/^Tanggal mulai/).inputValue()).toBe('28/11/2026');
      await dialog.getByLabel(/^Jam mulai/).fill('08.00');
      await dialog.getByLabel(/^Tanggal selesai/).fill('28/11/2026');
      await dialog.getByLabel(/^Jam selesai/).fill('15.00');
      await dialog.getByLabel('Tempat').fill('Aula Kantor Kecamatan Tanah Abang');
      await dialog.getByLabel('Kapasitas').fill('30');
      await dialog.getByRole('textbox', { name: 'Pelatih', exact: true }).fill('Dewi Lestari, S.E.');
      await dialog.getByRole('textbox', { name: 'Pelatih', exact: true }).press('Enter');
      await page.getByRole('heading', { name: 'Pemasaran Digital untuk Usaha Kuliner' }).waitFor();

      // Enrol two members from the keyboard: type, Enter.
      const picker = page.getByRole('combobox', { name: 'Daftarkan peserta' });
      for (const name of ['Siti Aminah', 'Budi Hartono']) {
        await picker.fill(name.slice(0, 6));
        await page.getByRole('option', { name: new RegExp(name) }).waitFor();
        await picker.press('Enter');
        await page.getByText(`${name} terdaftar.`).waitFor();
      }

      // Attendance from the list: Space marks, ↓ moves, Enter saves.
      const list = page.getByRole('list', { name: 'Peserta terdaftar' });
      await list.getByRole('checkbox').first().focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
      await page.keyboard.press('Enter');
      await page.getByText('Kehadiran tersimpan: 2 hadir.').waitFor();
      await screenshot(page, 'programme-training.png');

      // Completion asks once, in the app's own dialog, saying who graduates.
      await page.getByRole('button', { name: 'Nyatakan selesai' }).click();
      const completion = page.getByRole('dialog', { name: 'Nyatakan selesai' });
      await completion.getByText('2 dari 2 peserta ditandai hadir').waitFor();
      await completion.getByRole('button', { name: 'Nyatakan selesai' }).click();
      await page.getByText('Pelatihan selesai: 2 peserta lulus.').waitFor();

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Cetak sertifikat sesi' }).click()]);
      const pdfFile = join(downloads.dir, download.suggestedFilename());
      await download.saveAs(pdfFile);
      const pdf = readFileSync(pdfFile);
      const pages = await extractPdfText(pdf);
      expect(pages).toHaveLength(2);
      expect(pages[0]).toContain('SERTIFIKAT');
      expect(pages[0]).toContain('Budi Hartono');
      expect(pages[1]).toContain('Siti Aminah');
      expect(pages[1]).toContain('Pemasaran Digital untuk Usaha Kuliner');
      expect(pages[1]).toContain('28 November 2026');
      saveScreenshot('programme-certificate.png', (await renderPdfPage(pdf, 2, 110)).png);
      const p2 = await app.db.selectFrom('member_stages').select('member_id').where('stage_code', '=', 'P2').where('status', '=', 'selesai').execute();
      expect(p2.map((r) => r.member_id).sort()).toEqual([siti.member.id, budi.member.id].sort());

      // A month of turnover in the grid, keyboard only.
      await page.getByRole('link', { name: 'Laporan omzet (P6)' }).click();
      await page.getByRole('combobox', { name: 'Bulan: bulan' }).selectOption('10');
      const grid = page.getByRole('table', { name: 'Laporan omzet (P6)' });
      await grid.getByRole('row').nth(3).waitFor();
      expect(await grid.getByRole('row').nth(1).textContent()).toContain('6.250.000');
      expect(await grid.getByRole('row').nth(3).textContent()).toContain('4.000.000');
      await grid.getByLabel('Omzet (Rp) Budi Hartono Sablon Budi').focus();
      await page.keyboard.type('6.800.000');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.type('1.200.000');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.type('3');
      await page.keyboard.press('Enter'); // saves Budi, moves down to Dewi's employees
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.type('3100000');
      await page.keyboard.press('Enter'); // saves Dewi, moves down to Siti's turnover
      await page.keyboard.type('4.650.000');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.type('-150.000');
      await page.keyboard.press('Enter');
      await expect.poll(async () => grid.getByText('Tersimpan').count()).toBe(3);
      // A bad figure is refused in its row, with the reason.
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.type('-5');
      await page.keyboard.press('Enter');
      await grid.getByText('tidak boleh kurang dari 0').waitFor();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.type('6800000');
      await page.keyboard.press('Enter');
      await expect.poll(async () => grid.getByText('Tersimpan').count()).toBe(3);
      await page.keyboard.press('Escape');
      await screenshot(page, 'programme-grid.png', { fullPage: false });

      // The other tabs and the member page render with the data just entered.
      await page.getByRole('link', { name: 'Pendampingan (P3)' }).click();
      await page.getByRole('heading', { name: /Anggota dampingan/ }).waitFor();
      await page.getByRole('link', { name: 'Dewi Kartika' }).waitFor();
      expect(await page.getByText('Perlu dikunjungi', { exact: true }).count()).toBe(3);
      await screenshot(page, 'programme-mentoring.png');
      await page.getByRole('link', { name: 'Budi Hartono' }).click();
      await page.getByRole('heading', { name: /Budi Hartono/ }).waitFor();
      await page.locator('svg.prog-spark').waitFor();
      await page.getByLabel('Tahap').selectOption('P5');
      await page.getByLabel(/^Tanggal/).fill('27/11/2026');
      await page.getByRole('textbox', { name: 'Bukti' }).fill('Bazar Jakpreneur Monas');
      await page.getByRole('textbox', { name: 'Bukti' }).press('Enter');
      await page.getByText('Tahap tercatat.').waitFor();
      await page.getByText('27 November 2026 · Bazar Jakpreneur Monas').waitFor();
      await screenshot(page, 'programme-member.png');
      await page.getByRole('link', { name: 'Permodalan (P7)' }).click();
      const who = page.getByRole('combobox', { name: 'Anggota' });
      await who.fill('Budi H');
      await page.getByRole('option', { name: /Budi Hartono/ }).waitFor();
      await who.press('Enter');
      await page.getByText('Belum layak bank: rujuk ke fintech, Pegadaian atau koperasi.').waitFor();
      await screenshot(page, 'programme-financing.png');

      // An admin sets the programme's rules on the settings tab.
      await page.getByRole('button', { name: 'Keluar' }).click();
      await page.getByLabel('Nama pengguna').fill(ADMIN.username);
      await page.getByLabel(PASSWORD).fill(ADMIN.password);
      await page.getByLabel(PASSWORD).press('Enter');
      await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
      await page.goto(`${env.server.url}/#/program/pengaturan`);
      const days = page.getByLabel('Tandai perlu dikunjungi setelah (hari)');
      await days.fill('45');
      await page.getByLabel('Memiliki NPWP').uncheck();
      await days.press('Enter');
      await page.getByText('Tersimpan.').waitFor();
      await screenshot(page, 'programme-settings.png');
      const settings = await app.ok('programme.settings', {}, admin);
      expect(settings).toMatchObject({ visitOverdueDays: 45, bankability: { rules: { npwp: false, izin: true } } });

      const saved = await app.db
        .selectFrom('turnover_reports')
        .select(['business_id', 'turnover', 'profit', 'employees'])
        .where('month', '=', '2026-10')
        .orderBy('turnover')
        .execute();
      expect(saved).toEqual([
        { business_id: dewi.business.id, turnover: 3_100_000, profit: null, employees: null },
        { business_id: siti.business.id, turnover: 4_650_000, profit: -150_000, employees: null },
        { business_id: budi.business.id, turnover: 6_800_000, profit: 1_200_000, employees: 3 },
      ]);
    },
  );
});
