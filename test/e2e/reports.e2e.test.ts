import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSuite, launchBrowser, openPage } from '../support/browser';
import { extractPdfText } from '../support/pdf';
import { screenshot } from '../support/screenshots';
import { startTestServer } from '../support/server';

let browser: Browser;
let env: Awaited<ReturnType<typeof startTestServer>>;
let page: Page;

const KELURAHAN = ['31.71.07.1001', '31.71.07.1002', '31.71.07.1003', '31.71.07.1004', '31.71.07.1005', '31.71.07.1006', '31.71.07.1007'];
const NAMES = [
  'Siti Aminah',
  'Budi Hartono',
  'Dewi Lestari',
  'Joko Susilo',
  'Ani Wijaya',
  'Rudi Salim',
  'Yanti Kusuma',
  'Agus Priyanto',
  'Rina Marlina',
  'Hendra Gunawan',
  'Sri Wahyuni',
  'Bambang Irawan',
];

beforeAll(async () => {
  // The scenario is written in calendar months (members from June to November 2026, October
  // closed on 28 November), so it runs on its own clock, not the movable default one.
  env = await startTestServer({ withRenderer: true, startIso: '2026-11-28T02:00:00.000Z' });
  const { app } = env;
  const admin = await app.setup();
  const petugas = await app.userWithRole(admin, 'petugas');
  await app.ok('users.create', { username: 'kasatpel', fullName: 'Hendra Wijaya', role: 'supervisor', password: 'SupervisorKu2026' }, admin);
  await app.db.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'kasatpel').execute();
  // Members over the last months, so the charts have something to show.
  for (let i = 0; i < 24; i++) {
    const month = 11 - (i % 6);
    const gender = i % 2 ? 'L' : 'P';
    const day = 3 + (i % 20);
    const nikDay = gender === 'P' ? 55 : 15;
    const member = await app.ok(
      'members.register',
      {
        nik: `317107${nikDay}0690${String(i + 1).padStart(4, '0')}`,
        fullName: `${NAMES[i % NAMES.length]} ${i + 1}`,
        birthDate: '1990-06-15',
        gender,
        addressStreet: `Jl. Kebon Kacang ${i + 1}`,
        kelurahanKode: KELURAHAN[i % KELURAHAN.length],
        targetGroup: i % 3 ? 'pemula' : 'pencari_kerja',
        skpd: 'ppkukm_ukm',
        registeredOn: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        businesses: [
          {
            name: `Warung ${i + 1}`,
            kbliKode: '56102',
            addressStreet: 'Jl. Kebon Kacang',
            kelurahanKode: KELURAHAN[i % KELURAHAN.length],
            capital: 4_000_000,
            monthlyTurnover: 6_000_000,
          },
        ],
      },
      petugas,
    );
    await app.ok(
      'businesses.recordCondition',
      {
        businessId: member.businessIds[0],
        recordedOn: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        turnoverDropPct: 30,
        recovered: i % 3 !== 0,
        qris: i % 2 === 0,
        sellsOnline: i % 4 !== 0,
        marketplace: i % 5 === 0,
      },
      petugas,
    );
  }
  browser = await launchBrowser();
  page = await openPage(browser, env.app.clock, { acceptDownloads: true });
  page.setDefaultTimeout(20_000);
});
afterAll(() => closeSuite(browser, env));

describe('Laporan, as a supervisor sees it', () => {
  it('opens the dashboard, picks a month and downloads each export', { timeout: 120_000 }, async () => {
    await page.goto(env.server.url);
    await page.getByLabel('Nama pengguna').fill('kasatpel');
    await page.getByLabel('Kata sandi').fill('SupervisorKu2026');
    await page.getByLabel('Kata sandi').press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Laporan' }).click();
    await page.getByRole('heading', { name: 'Laporan' }).waitFor();
    await page.locator('[data-figure="registrations.registeredInMonth"]').waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    // The running month is provisional; no permit decided: no on-time share, not "0,0%".
    await page.getByRole('columnheader', { name: 'Bulan ini (November 2026) Sementara' }).waitFor();
    expect((await page.locator('[data-figure="permits.onTimeShare"] td').nth(1).textContent())?.trim()).toBe('–');
    expect(await page.locator('.reports__month[data-month="2026-11"] .badge').textContent()).toBe('Sementara');
    await screenshot(page, 'reports-dashboard.png');

    // Pick October 2026: the figures follow the month.
    await page.getByRole('combobox', { name: 'Bulan: bulan' }).selectOption('10');
    await page.getByRole('columnheader', { name: 'Bulan ini (Oktober 2026)' }).waitFor();
    await page.getByRole('link', { name: 'Rekap bulanan' }).click();
    await page.getByRole('heading', { name: 'Kecamatan Tanah Abang — Oktober 2026' }).waitFor();
    const shown = await page.locator('[data-figure="registrations.registeredInMonth"] .card__value').textContent();
    const expected = (env.app.sqlite.prepare("select count(*) n from members where registered_on between '2026-10-01' and '2026-10-31'").get() as { n: number })
      .n;
    expect(shown).toBe(String(expected));
    expect(await page.locator('[data-figure="permits.onTimeShare"] .card__value').textContent()).toBe('–');

    // October has ended and is not closed: the supervisor closes it, after a confirmation.
    await page.locator('.reports__status[data-state="open"]').waitFor();
    await page.getByRole('button', { name: 'Tutup bulan Oktober 2026' }).click();
    const closing = page.getByRole('dialog', { name: 'Tutup bulan Oktober 2026' });
    await closing.getByText('Bulan yang ditutup tidak dapat dibuka lagi.', { exact: false }).waitFor();
    await closing.getByRole('button', { name: 'Tutup bulan Oktober 2026' }).click();
    await page.getByText('Oktober 2026 ditutup; 0 koreksi atas bulan sebelumnya ikut dibekukan.').waitFor();
    await page.locator('.reports__status[data-state="closed"]').getByText('Ditutup pada 28 November 2026 oleh Hendra Wijaya.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Unduh paket bertanda tangan' }).waitFor();
    expect(await page.getByRole('button', { name: /^Tutup bulan/ }).count()).toBe(0);
    const stored = env.app.sqlite.prepare('select month, closed_by from month_closings').all();
    const kasatpel = env.app.sqlite.prepare("select id from users where username = 'kasatpel'").get() as { id: string };
    expect(stored).toEqual([{ month: '2026-10', closed_by: kasatpel.id }]);
    await screenshot(page, 'reports-closed.png', { fullPage: false });

    // PDF: in a browser it downloads for printing; it is the report of the chosen month.
    const pdfDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Cetak PDF' }).click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toBe('rekap-jakpreneur-2026-10.pdf');
    const { readFileSync } = await import('node:fs');
    const pdfBytes = readFileSync(await pdf.path());
    const pdfText = (await extractPdfText(pdfBytes)).join('\n');
    expect(pdfText).toContain('Kecamatan Tanah Abang — Oktober 2026');
    expect(pdfText).toContain('Status: DITUTUP pada 28 November 2026 oleh Hendra Wijaya');
    // The README's picture of the report comes from the demo office (test/integration/reports/demo-figures.test.ts).

    // XLSX and CSV: real downloads.
    const xlsxDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh XLSX' }).click();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toBe('rekap-jakpreneur-2026-10.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await xlsx.path());
    let fromXlsx: unknown;
    wb.worksheets[0].eachRow((r) => {
      if (r.getCell(1).value === 'Anggota baru bulan ini') fromXlsx = r.getCell(2).value;
    });
    expect(fromXlsx).toBe(expected);

    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh CSV' }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toBe('rekap-jakpreneur-2026-10.csv');
    const csvText = readFileSync(await csv.path(), 'utf8');
    expect(csvText).toContain(`Anggota baru bulan ini;${expected}`);
    expect(csvText).toContain('Status;ditutup;');

    // The signed package of the closed month downloads as JSON.
    const packageDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh paket bertanda tangan' }).click();
    const pkg = await packageDownload;
    expect(pkg.suggestedFilename()).toBe('paket-rekap-2026-10.json');
    expect(JSON.parse(readFileSync(await pkg.path(), 'utf8'))).toMatchObject({ format: 'jpd-month-closing', version: 1 });

    // The dashboard says which months are closed, in either language.
    await page.getByRole('link', { name: 'Dasbor' }).click();
    await page.locator('.reports__month[data-month="2026-10"] .badge', { hasText: 'Ditutup' }).waitFor();
    await page.getByLabel('Bahasa').selectOption('en');
    await page.locator('.reports__month[data-month="2026-10"] .badge', { hasText: 'Closed' }).waitFor();
    expect(await page.locator('.reports__month[data-month="2026-09"] .badge').textContent()).toBe('Not closed');
    await page.getByLabel('Language').selectOption('id');

    await screenshot(page, 'reports-monthly.png', { fullPage: false });
  });
});
