import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractSignedTextsFromPdf } from '../../src-main/features/permits/verify';
import type { Api } from '../../src-main/api';
import { closeSuite, launchBrowser, openPage } from '../support/browser';
import type { WireBody } from '../support/http';
import { extractPdfText } from '../support/pdf';
import { createMember, intakeInput, issuePermit, setupActors, type PermitActors } from '../support/permits-factory';
import { screenshot } from '../support/screenshots';
import { startTestServer } from '../support/server';
import { SATURDAY_0900_WIB } from '../support/clock';

const PASSWORD = /^Kata sandi( \*)?$/;

let browser: Browser;
let env: Awaited<ReturnType<typeof startTestServer>>;
let page: Page;
let actors: PermitActors;

beforeAll(async () => {
  env = await startTestServer({ withRenderer: true, startIso: SATURDAY_0900_WIB });
  actors = await setupActors(env.app);
  // The accounts keep their first password, as in the demo office.
  await env.app.db.updateTable('users').set({ must_change_password: 0 }).execute();
  browser = await launchBrowser();
  page = await openPage(browser, env.app.clock, { viewport: { width: 1366, height: 900 } });
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.context().on('page', (p) => void p.close());
});
afterAll(() => closeSuite(browser, env));

async function loginAs(username: string) {
  await page.goto(env.server.url);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel(PASSWORD).fill('SandiAwal123');
  await page.getByLabel(PASSWORD).press('Enter');
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
}

async function logout() {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.getByRole('heading', { name: 'Masuk' }).waitFor();
}

describe('permits, as the counter and the supervisor see them', () => {
  it('a clerk takes an application, the supervisor approves, the clerk issues and prints the certificate', { timeout: 180_000 }, async () => {
    const app = env.app;
    const applicant = await createMember(app, { fullName: 'Sri Wahyuni', businessName: 'Katering Sri Rejeki' });
    // Some history for the list: permits in other states.
    await issuePermit(app, actors);
    const waiting = await app.ok(
      'permits.create',
      intakeInput(await createMember(app, { fullName: 'Bambang Irawan', businessName: 'Bengkel Las Bambang' })),
      actors.loket,
    );
    await app.ok('permits.transition', { id: waiting.id, to: 'perlu_perbaikan', reason: 'Surat pengantar RT/RW belum ada' }, actors.loket);
    await app.ok(
      'permits.create',
      intakeInput(await createMember(app, { fullName: 'Dewi Lestari', businessName: 'Jahit Dewi' }), { channel: 'ajib' }),
      actors.petugas,
    );

    // The clerk takes the application at the counter.
    await loginAs('loket1');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Perizinan (IUMK)' }).click();
    await page.getByRole('link', { name: 'Permohonan baru', exact: true }).click();
    await page.getByLabel(/^NIK atau nama pemohon/).fill('Sri Wah');
    await page.getByRole('button', { name: 'Katering Sri Rejeki' }).click();
    await page.getByLabel('Nomor surat rekomendasi lurah').fill('45/REK/KBK/XI/2026');
    await page.getByLabel(/^Luas tempat usaha \(m²\)/).fill('18');
    await page.getByLabel('Sarana usaha').fill('Rumah makan');
    // A location that breaks a rule is refused with its reason.
    await page.getByLabel('Zona lokasi').selectOption('trotoar');
    for (const label of [
      'Surat pengantar RT/RW untuk lokasi usaha',
      'Fotokopi KTP',
      'Fotokopi Kartu Keluarga',
      'Pas foto 4x6 (2 lembar)',
      'Surat Rekomendasi Lurah (UMK non-binaan)',
    ]) {
      await page.getByLabel(label).check();
    }
    await page.getByRole('button', { name: 'Simpan tanpa verifikasi' }).click();
    await page.locator('.field__error', { hasText: 'trotoar' }).first().waitFor();
    await page.getByLabel('Zona lokasi').selectOption('permukiman');
    await page.getByRole('button', { name: 'Simpan tanpa verifikasi' }).click();
    await page.getByText('Permohonan tersimpan.').waitFor();
    await page.getByRole('heading', { name: /Katering Sri Rejeki/ }).waitFor();
    await page.getByText(/Langkah berikutnya: giliran Anda: periksa berkas/).waitFor();
    await page.getByRole('button', { name: '→ Diverifikasi' }).click();
    await page.getByText('Status izin menjadi Diverifikasi.').waitFor();
    // The clerk may not approve, and the page says whose move it is.
    expect(await page.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
    await page.getByText(/Langkah berikutnya: menunggu supervisor: setujui atau tolak permohonan/).waitFor();
    const permitUrl = page.url();

    await page.getByRole('link', { name: 'Daftar izin', exact: true }).click();
    await page.getByRole('cell', { name: /Sri Wahyuni/ }).waitFor();
    await page.getByRole('cell', { name: /Bambang Irawan/ }).waitFor();
    await screenshot(page, 'permits-list.png', { fullPage: false });
    await page.getByLabel('Tenggat').selectOption('paused');
    await page.getByRole('cell', { name: /Sri Wahyuni/ }).waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: /Bambang Irawan/ }).waitFor();
    await logout();

    // The supervisor approves, with one confirmation in the app's own dialog.
    await loginAs('supervisor1');
    await page.goto(permitUrl);
    await page.getByRole('button', { name: 'Setujui' }).click();
    await page.getByRole('dialog', { name: 'Setujui permohonan IUMK' }).getByRole('button', { name: 'Ya, setujui' }).click();
    await page.getByText('Status izin menjadi Disetujui.').waitFor();
    expect(await page.getByRole('button', { name: 'Terbitkan & cetak' }).count()).toBe(1);
    await logout();

    // The clerk issues the permit and prints it in place; the first print is the original.
    await loginAs('loket1');
    await page.goto(permitUrl);
    await page.getByRole('button', { name: 'Terbitkan saja' }).click();
    await page.getByText('Status izin menjadi Terbit.').waitFor();
    await page.getByText('503/0002/IUMK/1006/').first().waitFor();
    const printed = page.waitForResponse((r) => r.url().endsWith('/api/permits.certificate'));
    await page.getByRole('button', { name: 'Cetak surat asli' }).click();
    const body = (await (await printed).json()) as WireBody<Api['permits.certificate']['output']>;
    expect(body.ok).toBe(true);
    const pdf = Buffer.from(body.value.base64, 'base64');
    const [text] = await extractPdfText(pdf);
    expect(text).toContain('Katering Sri Rejeki');
    expect(text).toContain('503/0002/IUMK/1006/');
    expect(text).not.toContain('SALINAN');
    // Paper jam: reported, and the original printed again.
    const result = page.getByRole('dialog', { name: 'Hasil cetak surat izin' });
    await result.getByLabel('Bila gagal: keterangan').fill('Kertas macet');
    await result.getByRole('button', { name: 'Cetak gagal: cetak asli lagi' }).click();
    await page.getByText('Cetak gagal tercatat. Cetak surat asli lagi.').waitFor();
    await page.getByText('Kertas macet').waitFor();
    await page.getByRole('button', { name: 'Cetak surat asli' }).click();
    await result.getByRole('button', { name: 'Baik', exact: true }).click();
    await page.getByText('Surat asli tercetak baik; cetakan berikutnya bertanda SALINAN.').waitFor();
    await page.getByRole('button', { name: 'Cetak salinan' }).waitFor();
    await page.getByText(/Langkah berikutnya: giliran Anda: serahkan surat izin/).waitFor();
    await screenshot(page, 'permits-detail.png');

    // The QR text verifies on the verification screen, with the holder's NIK.
    const [qr] = extractSignedTextsFromPdf(pdf);
    const holder = await app.db.selectFrom('members').select('nik').where('id', '=', applicant.memberId).executeTakeFirstOrThrow();
    await page.getByRole('link', { name: 'Verifikasi', exact: true }).click();
    await page.getByLabel('Teks kode QR').fill(qr);
    await page.getByLabel('NIK pemegang (atau 6 angka terakhir)').fill(holder.nik.slice(-6));
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.locator('.permits-verdict--ok', { hasText: 'Status di kantor ini: AKTIF' }).waitFor();
    await page.locator('.permits-verdict--ok', { hasText: 'COCOK dengan pemegang surat' }).waitFor();
    await page.getByLabel('NIK pemegang (atau 6 angka terakhir)').fill('999999');
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.locator('.permits-verdict--bad .permits-verdict__head', { hasText: 'NIK TIDAK COCOK' }).waitFor();
    await page.getByLabel('NIK pemegang (atau 6 angka terakhir)').fill('');
    await page.getByLabel('Teks kode QR').fill(qr.slice(0, -3) + 'AAA');
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.locator('.permits-verdict--bad', { hasText: 'TIDAK SAH' }).waitFor();
    // Opening the PDF file itself gives the same answer.
    await page.getByLabel('Atau buka berkas PDF').setInputFiles({ name: 'iumk.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.locator('.permits-verdict--ok', { hasText: 'Status di kantor ini: AKTIF' }).waitFor();
    await screenshot(page, 'permits-verify.png', { fullPage: false });

    // A walk-in applicant is registered on the intake form itself.
    await page.getByRole('link', { name: 'Permohonan baru', exact: true }).click();
    await page.getByLabel(/^NIK atau nama pemohon/).fill('3171070302900077');
    await page.getByText('NIK belum terdaftar', { exact: false }).waitFor();
    await page.getByLabel(/^Nama lengkap/).fill('Joko Susilo');
    await page.getByLabel(/^Alamat( \*)?$/).fill('Jl. Bendungan Hilir No. 4');
    await page.getByLabel(/^Kelurahan( \*)?$/).selectOption({ label: 'Bendungan Hilir' });
    await page.getByLabel(/^Nomor telepon/).fill('0812-9988-7766');
    await page.getByLabel(/^Nama usaha/).fill('Bakso Mas Joko');
    await page.getByRole('combobox', { name: /KBLI 2020/ }).fill('56103');
    await page.getByRole('option', { name: /56103/ }).click();
    await page.getByLabel(/^Modal usaha/).fill('8000000');
    await page.getByLabel(/^Kode pos/).fill('10210');
    await page.getByLabel('Jenis lokasi').selectOption('berkeliling');
    await page.getByLabel('Berjualan di lokasi yang ditetapkan pemerintah (lokbin/loksem)').check();
    await page.getByLabel('Zona lokasi').selectOption('loksem');
    await screenshot(page, 'permits-intake.png');
    await page.getByRole('button', { name: 'Simpan permohonan' }).click();
    await page.getByRole('heading', { name: /Bakso Mas Joko/ }).waitFor();
    const walkIn = await app.db.selectFrom('members').select(['full_name', 'member_no']).where('nik', '=', '3171070302900077').executeTakeFirstOrThrow();
    expect(walkIn.full_name).toBe('Joko Susilo');
    await logout();

    // The admin keeps the holidays and the permit settings.
    await page.goto(env.server.url);
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel(PASSWORD).fill('KunciPintuDepan71');
    await page.getByLabel(PASSWORD).press('Enter');
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    await page.goto(`${env.server.url}/#/perizinan/pengaturan`);
    await page.getByLabel('Tanggal', { exact: true }).fill('25/12/2026');
    await page.getByLabel('Keterangan').fill('Hari Raya Natal');
    await page.getByRole('button', { name: 'Tambah hari libur' }).click();
    await page.getByText('Hari Raya Natal').waitFor();
    // A holiday feeds the SLA: deleting it asks first, says what follows, and can be undone.
    await page.getByRole('button', { name: 'Hapus hari libur 25 Desember 2026 (Hari Raya Natal)' }).click();
    const ask = page.getByRole('dialog', { name: 'Hapus hari libur?' });
    await ask.getByText('25 Desember 2026 (Hari Raya Natal) menjadi hari kerja.', { exact: false }).waitFor();
    await ask.getByRole('button', { name: 'Batal' }).click();
    expect(await env.app.db.selectFrom('holidays').select('date').where('date', '=', '2026-12-25').execute()).toHaveLength(1);
    await page.getByRole('button', { name: 'Hapus hari libur 25 Desember 2026 (Hari Raya Natal)' }).click();
    await ask.getByRole('button', { name: 'Ya, hapus' }).click();
    await page.getByText('Hari libur 25 Desember 2026 (Hari Raya Natal) dihapus.').waitFor();
    expect(await env.app.db.selectFrom('holidays').select('date').where('date', '=', '2026-12-25').execute()).toHaveLength(0);
    await page.getByRole('status').getByRole('button', { name: 'Urungkan' }).click();
    await page.getByText('Hari libur 25 Desember 2026 (Hari Raya Natal) dikembalikan.').waitFor();
    expect(await env.app.db.selectFrom('holidays').select(['date', 'name']).where('date', '=', '2026-12-25').execute()).toEqual([
      { date: '2026-12-25', name: 'Hari Raya Natal' },
    ]);
    await page.getByLabel('Format nomor izin').fill('503/{seq:4}/IUMK');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.locator('.field__error', { hasText: '{tahun}' }).waitFor();
    await screenshot(page, 'permits-settings.png');
  });
});
