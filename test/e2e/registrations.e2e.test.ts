import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSuite, launchBrowser, openPage } from '../support/browser';
import { screenshot } from '../support/screenshots';
import { startTestServer } from '../support/server';

// Labels of required fields end with a '*' marker.
const req = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

let browser: Browser;
let env: Awaited<ReturnType<typeof startTestServer>>;
let page: Page;

const KELURAHAN = ['31.71.07.1001', '31.71.07.1002', '31.71.07.1003', '31.71.07.1004', '31.71.07.1005', '31.71.07.1006', '31.71.07.1007'];
const FIRST_F = ['Siti', 'Dewi', 'Sri', 'Nur', 'Rina', 'Yuliana', 'Ratna', 'Endang', 'Wulan', 'Fitri'];
const FIRST_M = ['Budi', 'Ahmad', 'Djoko', 'Slamet', 'Agus', 'Hendra', 'Tjahjo', 'Bambang', 'Rudi', 'Imam'];
const LAST = ['Soeparman', 'Hartono', 'Rahmawati', 'Kusuma', 'Wibowo', 'Setiawan', 'Lestari', 'Nugroho', 'Susanti', 'Pratama', 'Siregar', 'Hasibuan'];
const BUSINESS = [
  ['Warung Makan', '56102', 'Nasi rames, soto ayam'],
  ['Kue Basah', '10792', 'Kue lapis, lemper, nagasari'],
  ['Konveksi', '14111', 'Kaos sablon, seragam sekolah'],
  ['Jahit', '14120', 'Jahit kebaya dan gamis'],
  ['Kedai', '56103', 'Kopi susu, roti bakar'],
  ['Toko Beras', '47241', 'Beras eceran'],
  ['Kerajinan', '16293', 'Ukiran kayu hiasan dinding'],
] as const;

/** A NIK whose date part matches the birth date and gender (women: day + 40). */
function nikFor(birthDate: string, gender: 'L' | 'P', serial: number) {
  const [y, m, d] = birthDate.split('-');
  const day = gender === 'P' ? Number(d) + 40 : Number(d);
  return `317107${String(day).padStart(2, '0')}${m}${y.slice(2)}${String(serial).padStart(4, '0')}`;
}

/** Thirty members registered through the API, so that the list looks like an office's. */
async function seedMembers(token: string) {
  for (let i = 0; i < 30; i++) {
    const gender = i % 2 === 0 ? 'P' : 'L';
    const first = (gender === 'P' ? FIRST_F : FIRST_M)[i % 10];
    const fullName = `${first} ${LAST[(i * 7) % LAST.length]}`;
    const birthDate = `${1965 + ((i * 3) % 35)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
    const [kind, kbli, products] = BUSINESS[i % BUSINESS.length];
    const kel = KELURAHAN[i % KELURAHAN.length];
    const registeredOn = `2026-${String((i % 10) + 1).padStart(2, '0')}-${String(((i * 5) % 27) + 1).padStart(2, '0')}`;
    const created = await env.app.ok(
      'members.register',
      {
        nik: nikFor(birthDate, gender, 100 + i),
        fullName,
        birthPlace: 'Jakarta',
        birthDate,
        gender,
        education: ['sd', 'smp', 'sma', 'diploma', 's1'][i % 5],
        addressStreet: `Jl. Kebon Kacang ${['II', 'IV', 'IX', 'XII'][i % 4]} No. ${i + 3}`,
        rt: String((i % 12) + 1),
        rw: String((i % 6) + 1),
        kelurahanKode: kel,
        phone: `08129${String(1000000 + i * 7919).slice(0, 7)}`,
        targetGroup: ['pemula', 'naik_kelas', 'pencari_kerja', 'keluarga_miskin', 'disabilitas'][i % 5],
        skpd: ['ppkukm_ukm', 'ppkukm_ikm', 'sosial', 'parekraf'][i % 4],
        registeredOn,
        businesses: [
          {
            name: `${kind} ${first}`,
            legalForm: 'perorangan',
            kbliKode: kbli,
            products,
            addressStreet: `Jl. Kebon Kacang ${['II', 'IV', 'IX', 'XII'][i % 4]} No. ${i + 3}`,
            kelurahanKode: kel,
            capital: 2_000_000 + i * 750_000,
            monthlyTurnover: 3_000_000 + i * 400_000,
            employees: i % 4,
          },
        ],
      },
      token,
    );
    // Some have gone further in the programme.
    const later = [
      ['P2', i % 3 === 0, 'Pelatihan dasar kewirausahaan, angkatan 4'],
      ['P3', i % 4 === 0, 'Kunjungan pendampingan pertama'],
      ['P4', i % 6 === 0, 'NIB 9120001234567'],
      ['P5', i % 9 === 0, 'Bazar UMKM Kecamatan Tanah Abang'],
    ] as const;
    for (const [stage, reached, evidence] of later) {
      if (reached) await env.app.ok('stages.record', { memberId: created.id, stage, completedOn: '2026-11-20', evidence }, token);
    }
  }
}

beforeAll(async () => {
  env = await startTestServer({ withRenderer: true });
  const admin = await env.app.setup();
  await env.app.ok('users.create', { username: 'yanti', fullName: 'Yanti Marlina', role: 'petugas', password: 'SandiMelati2026', isPendamping: true }, admin);
  // The petugas keeps the given password, as the demo accounts do (the first-login change is
  // covered by the foundation test).
  await env.app.db.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'yanti').execute();
  await seedMembers(admin);
  browser = await launchBrowser();
  page = await openPage(browser, env.app.clock, { viewport: { width: 1366, height: 860 } });
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
}, 120_000);

afterAll(() => closeSuite(browser, env));

/** Chooses a kelurahan in the picker by typing part of its name and Enter. */
async function pickKelurahan(name: string) {
  const box = page.getByRole('combobox', { name: req('Kelurahan') });
  await box.fill(name.slice(0, 8));
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).waitFor();
  await box.press('Enter');
  expect(await box.inputValue()).toBe(name);
}

/** Fills the required fields of the registration form for one person and one business. */
async function fillRequired(p: { nik: string; fullName: string; birthDate: string; gender: 'L' | 'P'; business: string }) {
  await page.getByLabel(req('NIK')).fill(p.nik);
  await page.getByLabel(req('Nama lengkap')).fill(p.fullName);
  // Typed as offices write it: dd/mm/yyyy.
  await page.getByLabel(req('Tanggal lahir')).fill(p.birthDate.split('-').reverse().join('/'));
  await page.getByLabel(req('Jenis kelamin')).selectOption(p.gender);
  await page.getByLabel(req('Alamat (jalan, nomor)')).fill('Jl. Jati Bunder No. 3');
  await pickKelurahan('Kebon Melati');
  await page.getByLabel(req('Kategori sasaran')).selectOption('pemula');
  await page.getByLabel(req('SKPD pengampu')).selectOption('sosial');
  await page.getByLabel(req('Nama usaha')).fill(p.business);
  const kbli = page.getByRole('combobox', { name: /Kegiatan usaha/ });
  await kbli.fill('56102');
  await page.getByRole('option', { name: /56102/ }).waitFor();
  await kbli.press('Enter');
  await page.getByLabel(req('Modal usaha')).fill('5000000');
  await page.getByLabel(req('Omzet per bulan')).fill('3000000');
}

describe('registrations, as a petugas sees them', () => {
  it('lists members, refuses a wrong NIK, registers a member through the form and finds her by an old spelling', { timeout: 180_000 }, async () => {
    await page.goto(env.server.url);
    await page.getByLabel('Nama pengguna').fill('yanti');
    await page.getByLabel(req('Kata sandi')).fill('SandiMelati2026');
    await page.getByLabel(req('Kata sandi')).press('Enter');
    await page.getByRole('heading', { name: 'Selamat datang, Yanti Marlina' }).waitFor();

    // The list: 30 seeded members, 25 on the first page, sorted by name; NIKs masked.
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pendaftaran' }).click();
    await page.getByRole('heading', { name: 'Pendaftaran pelaku usaha' }).waitFor();
    await page.getByText('30 baris').waitFor();
    const rows = page.locator('.table tbody tr');
    expect(await rows.count()).toBe(25);
    expect(await page.locator('.table tbody').innerText()).toMatch(/3171••••••••\d{4}/);
    // A filter goes to the server and into the URL.
    await page.getByLabel('Kategori sasaran').selectOption('disabilitas');
    await page.getByText('6 baris').waitFor();
    expect(page.url()).toContain('tg=disabilitas');
    await page.getByRole('button', { name: 'Hapus filter' }).click();
    await page.getByText('30 baris').waitFor();
    await screenshot(page, 'registrations-list.png', { fullPage: false });

    // The registration form: NIK first, with the cursor already in it.
    await page.getByRole('link', { name: '+ Daftarkan anggota' }).click();
    await page.getByRole('heading', { name: 'Daftarkan anggota baru' }).waitFor();
    const nik = page.getByLabel(req('NIK'));
    expect(await nik.evaluate((el) => el === document.activeElement)).toBe(true);

    // 31 February does not exist: said while typing.
    await page.keyboard.type('3171073102850001');
    await page.locator('.field__error', { hasText: 'NIK: tanggal lahir 31-02-1985 tidak ada di kalender' }).waitFor();

    // A woman born 12 March 1985: day 12 + 40 = 52.
    await nik.fill('3171075203850001');
    await page.getByText('Dari NIK: lahir 12 Maret 1985, perempuan.').waitFor();
    await page.getByRole('button', { name: 'Isi dari NIK' }).click();
    expect(await page.getByLabel(req('Tanggal lahir')).inputValue()).toBe('12/03/1985');
    expect(await page.getByLabel(req('Jenis kelamin')).inputValue()).toBe('P');

    await page.getByLabel('No. KK').fill('3171070405100012');
    await page.getByLabel(req('Nama lengkap')).fill('Dewi Soeryani Tjandra');
    await page.getByLabel('Tempat lahir').fill('Jakarta');
    await page.getByLabel('Pendidikan terakhir').selectOption('sma');
    await page.getByLabel(req('Alamat (jalan, nomor)')).fill('Jl. Kebon Kacang IX No. 14');
    await page.getByLabel(req('RT')).fill('5');
    await page.getByLabel(req('RW')).fill('2');
    await pickKelurahan('Kebon Kacang');
    await page.getByLabel('Nomor telepon').fill('0812-8765-4321');
    await page.getByLabel(req('Kategori sasaran')).selectOption('pemula');
    await page.getByLabel(req('SKPD pengampu')).selectOption('ppkukm_ukm');
    await page.getByLabel('Pendamping').selectOption({ label: 'Yanti Marlina' });

    await page.getByLabel(req('Nama usaha')).fill('Kue Basah Bu Dewi');
    // KBLI by searching: type, arrow down to the second result, Enter picks it.
    const kbli = page.getByRole('combobox', { name: /Kegiatan usaha/ });
    await kbli.fill('kue');
    await page.getByRole('option', { name: /10792/ }).waitFor();
    await kbli.press('ArrowDown');
    await kbli.press('Enter');
    expect(await kbli.inputValue()).toBe('10792 — Industri Kue Basah');
    await page.getByLabel('Produk / jasa').fill('Kue lapis, lemper, nagasari');
    await page.getByLabel(req('Modal usaha')).fill('15000000');
    expect(await page.getByLabel(req('Modal usaha')).inputValue()).toBe('15.000.000');
    await page.getByLabel(req('Omzet per bulan')).fill('6500000');
    await page.getByLabel('Tenaga kerja').fill('2');
    await page.getByLabel('Status tempat usaha').selectOption('milik');
    await page.locator('.reg-scale', { hasText: 'Mikro' }).waitFor();
    // A second business can be added to the same registration, and removed again.
    await page.getByRole('button', { name: '+ Tambah usaha lain' }).click();
    await page.getByRole('group', { name: 'Usaha 2' }).waitFor();
    await page.getByRole('group', { name: 'Usaha 2' }).getByRole('button', { name: 'Hapus usaha ini' }).click();
    expect(await page.getByRole('group', { name: 'Usaha 2' }).count()).toBe(0);
    await screenshot(page, 'registrations-form.png');

    // A gender that disagrees with the NIK: the form warns, the server refuses with its message.
    await page.getByLabel(req('Jenis kelamin')).selectOption('L');
    await page.getByText('Tidak sama dengan isian: jenis kelamin.').waitFor();
    await page.getByLabel(req('Nama lengkap')).press('Enter');
    await page
      .locator('.field__error', { hasText: 'NIK: jenis kelamin di NIK (perempuan) tidak sama dengan isian jenis kelamin (laki-laki)' })
      .first()
      .waitFor();

    // Corrected, Enter saves and opens the new member's page.
    await page.getByLabel(req('Jenis kelamin')).selectOption('P');
    await page.getByLabel(req('Nama lengkap')).press('Enter');
    await page.getByRole('heading', { name: 'Dewi Soeryani Tjandra' }).waitFor();
    await page.getByText(/Anggota Dewi Soeryani Tjandra terdaftar dengan nomor/).waitFor();
    expect(await page.getByTestId('nik').innerText()).toBe('3171••••••••0001');
    const p1 = page.locator('.reg-stage-table tbody tr', { hasText: 'P1' });
    expect(await p1.innerText()).toContain('Selesai');
    await page.getByRole('heading', { name: /Kue Basah Bu Dewi/ }).waitFor();
    await page.getByText('10792').first().waitFor();
    // A petugas may reveal the NIK; the reveal is audited.
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.getByTestId('nik').filter({ hasText: '3171075203850001' }).waitFor();
    await page.getByRole('button', { name: 'Sembunyikan' }).click();

    // A manual 7P record with its evidence; Enter saves.
    await page.locator('.reg-stage-table tbody tr', { hasText: 'P2' }).getByRole('button', { name: 'Catat' }).click();
    const stageDialog = page.getByRole('dialog');
    await stageDialog.getByLabel(req('Bukti')).fill('Pelatihan dasar kuliner, sertifikat 117/PKT/2026');
    await stageDialog.getByLabel(req('Bukti')).press('Enter');
    await page.getByText('Tahap P2 dicatat.').waitFor();
    expect(await page.locator('.reg-stage-table tbody tr', { hasText: 'P2' }).innerText()).toContain('Selesai');

    // A dated record of the business's recovery and digital readiness.
    await page.getByRole('button', { name: 'Catat kondisi' }).click();
    const conditionDialog = page.getByRole('dialog');
    await conditionDialog.getByLabel('Sempat tutup').selectOption('ya');
    await conditionDialog.getByLabel('Omzet turun (%)').fill('40');
    await conditionDialog.getByLabel('Sudah pulih').selectOption('ya');
    await conditionDialog.getByLabel('Jualan online').check();
    await conditionDialog.getByLabel('Pembayaran QRIS').check();
    await conditionDialog.getByLabel('Catatan', { exact: true }).fill('Kembali buka sejak 2022, pesanan lewat WhatsApp');
    await conditionDialog.getByLabel('Catatan', { exact: true }).press('Enter');
    await page.getByText('Kondisi usaha dicatat.').waitFor();
    await page.locator('.reg-condition-table tbody tr', { hasText: '40%' }).waitFor();
    await screenshot(page, 'registrations-member.png');

    await page.goto(`${env.server.url}/#/pendaftaran`);
    await page.getByText('31 baris').waitFor();

    // Found by the current spelling of her old-spelled name, and by the last NIK digits.
    const search = page.locator('[data-search]');
    await page.locator('body').press('/');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.fill('dewi suryani candra');
    await page.getByText('1 baris').waitFor();
    await page.getByRole('link', { name: 'Dewi Soeryani Tjandra' }).waitFor();
    await search.fill('5203850001');
    await page.getByText('1 baris').waitFor();
    await page.getByRole('link', { name: 'Dewi Soeryani Tjandra' }).waitFor();
    await search.fill('kue basah bu dewi');
    await page.getByText('1 baris').waitFor();

    // Opening the row leads to the member page.
    await page.locator('.table tbody tr', { hasText: 'Dewi Soeryani Tjandra' }).locator('td').first().click();
    await page.getByRole('heading', { name: 'Dewi Soeryani Tjandra' }).waitFor();
    await page.getByRole('heading', { name: 'Riwayat perubahan' }).waitFor();
    expect(await page.locator('.reg-history tbody tr').count()).toBeGreaterThanOrEqual(2);
  });
  it('refuses a registered NIK with a link, saves a same-name member only after the warning, and edits a member', { timeout: 120_000 }, async () => {
    await page.goto(`${env.server.url}/#/pendaftaran/baru`);
    await page.getByRole('heading', { name: 'Daftarkan anggota baru' }).waitFor();
    await fillRequired({ nik: '3171075203850001', fullName: 'Dewi Lestari', birthDate: '1985-03-12', gender: 'P', business: 'Warung Dewi' });
    await page.getByLabel(req('Nama usaha')).press('Enter');
    await page.locator('.field__error', { hasText: 'NIK: sudah terdaftar atas nama Dewi Soeryani Tjandra' }).waitFor();
    const link = page.getByRole('link', { name: /Buka anggota yang sudah terdaftar/ });
    expect(await link.getAttribute('href')).toMatch(/^#\/pendaftaran\/anggota\/.+/);

    // Same name (in today's spelling) and birth date, another NIK: saved only when confirmed.
    await page.getByLabel(req('NIK')).fill('3171075203850002');
    await page.getByLabel(req('Nama lengkap')).fill('Dewi Suryani Candra');
    await page.getByLabel(req('Nama lengkap')).press('Enter');
    const warning = page.getByRole('dialog', { name: 'Kemungkinan data ganda' });
    await warning.getByText('Simpan tetap?').waitFor();
    await warning.getByRole('button', { name: 'Batal' }).click();
    expect(await page.getByRole('heading', { name: 'Daftarkan anggota baru' }).count()).toBe(1);
    await page.getByLabel(req('Nama lengkap')).press('Enter');
    await warning.getByRole('button', { name: 'Ya, simpan tetap' }).click();
    await page.getByRole('heading', { name: 'Dewi Suryani Candra' }).waitFor();

    // Edit with the same form: the stored NIK stays unless retyped.
    await page.getByRole('link', { name: 'Ubah' }).click();
    await page.getByRole('heading', { name: 'Ubah data anggota: Dewi Suryani Candra' }).waitFor();
    await page.getByText('Tersimpan 3171••••••••0002. Kosongkan untuk tetap memakainya.').waitFor();
    await page.getByLabel('Nomor telepon').fill('0857 1234 9876');
    await page.getByLabel(req('Modal usaha')).fill('1500000000');
    await page.locator('.reg-scale', { hasText: 'Kecil' }).waitFor();
    await page.getByLabel('Nomor telepon').press('Enter');
    await page.getByText('Perubahan disimpan.').waitFor();
    await page.getByText('085712349876').first().waitFor();
    await page
      .getByRole('heading', { name: /Warung Dewi/ })
      .getByText('Kecil')
      .waitFor();
    await page.locator('.reg-changes', { hasText: '085712349876' }).first().waitFor();
  });

  it('exports the current view and imports a CSV with a broken row', { timeout: 120_000 }, async () => {
    // The view: both spellings of Tjandra.
    await page.goto(`${env.server.url}/#/pendaftaran?q=tjandra`);
    await page.getByText('2 baris').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('Dewi Soeryani Tjandra');
    expect(csv).toContain('Dewi Suryani Candra');
    expect(csv).not.toContain('Ahmad Kusuma');
    expect(csv).not.toContain('3171075203850001');

    await page.getByRole('link', { name: 'Impor' }).click();
    await page.getByRole('heading', { name: 'Impor anggota dari berkas' }).waitFor();
    const file = [
      'NIK;Nama Lengkap;Tanggal Lahir;Jenis Kelamin;Alamat;Kelurahan;Nama Usaha;KBLI;Omzet',
      '3171074708900003;Rahayu Ningsih;07-08-1990;P;Jl. Kebon Kacang I No. 2;Kebon Kacang;Katering Rahayu;56102;4.000.000',
      '3171071511880004;Joko Susilo;15-11-1988;L;Jl. Petamburan II No. 9;Petamburan;Bengkel Joko;95230;7.500.000',
      '3171073102880005;Salah Tanggal;31-02-1988;L;Jl. Gelora No. 1;Gelora;Usaha Salah;56102;1.000.000',
    ].join('\r\n');
    await page.getByLabel('Berkas (.xlsx atau .csv)').setInputFiles({ name: 'anggota-kelurahan.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
    await page.getByText('3 baris: 2 sah, 1 tidak sah.').waitFor();
    await page.locator('.reg-reason', { hasText: "Tanggal lahir: '31-02-1988'" }).waitFor();
    expect(await page.getByLabel(req('NIK')).inputValue()).toBe('NIK');
    await page.getByLabel('Hanya baris sah (baris tidak sah dilaporkan)').check();
    await screenshot(page, 'registrations-import.png');
    await page.getByRole('button', { name: 'Mulai impor' }).click();
    await page.getByText('Impor selesai: 2 anggota baru, 0 sudah ada, 1 baris tidak sah.').waitFor();
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh laporan baris tidak sah (CSV)' }).click()]);
    expect(readFileSync(await report.path(), 'utf8')).toContain('Salah Tanggal');

    await page.goto(`${env.server.url}/#/pendaftaran?q=rahayu`);
    await page.getByRole('link', { name: 'Rahayu Ningsih' }).waitFor();
  });
  it('imports a long file in batches with a progress bar and cancels between batches', { timeout: 120_000 }, async () => {
    // 600 valid rows: one batch of 500, then the rest.
    const lines = ['NIK;Nama;Tgl Lahir;JK;Alamat;Kelurahan;Nama Usaha;KBLI;Modal;Omzet'];
    for (let i = 0; i < 600; i++) {
      const birth = `${1970 + (i % 30)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
      const [y, m, d] = birth.split('-');
      lines.push(
        `${nikFor(birth, 'L', 2000 + i)};Peserta Impor ${i + 1};${d}-${m}-${y};L;Jl. Gelora No. ${i + 1};Gelora;Usaha Peserta ${i + 1};56102;2.000.000;3.000.000`,
      );
    }
    await page.goto(`${env.server.url}/#/pendaftaran/impor`);
    await page
      .getByLabel('Berkas (.xlsx atau .csv)')
      .setInputFiles({ name: 'peserta-besar.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n'), 'utf8') });
    await page.getByText('600 baris: 600 sah, 0 tidak sah.').waitFor();

    // Hold the first batch's answer until Cancel has been pressed, so the cancel lands between batches.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/members.importContinue', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Mulai impor' }).click();
    await page.getByText('0 dari 600 baris').waitFor();
    expect(await page.locator('progress.reg-progress').getAttribute('max')).toBe('600');
    await page.getByRole('button', { name: 'Batalkan impor' }).click();
    release();
    await page.getByText('Impor dibatalkan: 500 anggota dari kelompok yang sudah selesai tersimpan; sisanya tidak ditulis.').waitFor();
    await page.unroute('**/api/members.importContinue');

    await page.goto(`${env.server.url}/#/pendaftaran?q=peserta%20impor`);
    await page.getByText('500 baris').waitFor();
  });
});
