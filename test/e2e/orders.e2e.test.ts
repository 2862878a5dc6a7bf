import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSuite, launchBrowser, openPage } from '../support/browser';
import { extractPdfText, renderPdfPage } from '../support/pdf';
import { screenshot, saveScreenshot } from '../support/screenshots';
import { startTestServer } from '../support/server';
import { buyer, curatedProduct, insertMemberBusiness, KEL } from '../support/orders-factory';
import { SATURDAY_0900_WIB } from '../support/clock';

let browser: Browser;
let env: Awaited<ReturnType<typeof startTestServer>>;
let page: Page;

beforeAll(async () => {
  env = await startTestServer({ withRenderer: true, startIso: SATURDAY_0900_WIB });
  const admin = await env.app.setup();
  await env.app.ok('users.create', { username: 'siti', fullName: 'Siti Nurhaliza', role: 'petugas', password: 'SandiPetugas1' }, admin);
  await env.app.db.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'siti').execute();
  const token = await env.app.login('siti', 'SandiPetugas1');
  await buyer(env.app, token, 'Suku Dinas PPKUKM Jakarta Pusat');
  // Three curated caterers: one in the delivery kelurahan, one next door, one that just got an order elsewhere.
  const near = await insertMemberBusiness(env.app, { ownerName: 'Sri Wahyuni', businessName: 'Dapur Bu Sri', kelurahanKode: KEL.gelora });
  const next = await insertMemberBusiness(env.app, { ownerName: 'Ahmad Fauzi', businessName: 'Katering Fauzi', kelurahanKode: KEL.bendungan });
  const far = await insertMemberBusiness(env.app, { ownerName: 'Dewi Sartika', businessName: 'Nasi Kotak Dewi', kelurahanKode: KEL.menteng });
  await curatedProduct(env.app, token, near.businessId, { name: 'Nasi kotak ayam bakar', dailyCapacity: 80 });
  await curatedProduct(env.app, token, next.businessId, { name: 'Nasi kotak rendang', dailyCapacity: 60 });
  await curatedProduct(env.app, token, far.businessId, { name: 'Nasi liwet', dailyCapacity: 40 });
  browser = await launchBrowser();
  page = await openPage(browser, env.app.clock, { viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
});
afterAll(() => closeSuite(browser, env));

async function download(button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFileSync(await file.path());
}

describe('e-order, as the petugas works it', () => {
  it('enters an order, assigns it from the proposal, delivers it, prints BAST and invoice, records the payment', { timeout: 120_000 }, async () => {
    await page.goto(env.server.url);
    await page.getByLabel('Nama pengguna').fill('siti');
    await page.getByLabel(/^Kata sandi/).fill('SandiPetugas1');
    await page.getByLabel(/^Kata sandi/).press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'E-Order' }).click();
    await page.getByRole('link', { name: '+ Pesanan baru' }).click();
    // The list has a "Pembeli" filter too: wait for the form before filling.
    await page.getByRole('heading', { name: 'Pesanan baru' }).waitFor();

    // Order entry, keyboard-first: fields in order, Enter saves.
    await page.getByLabel(/^Pembeli/).selectOption({ label: 'Suku Dinas PPKUKM Jakarta Pusat' });
    // Choosing the buyer fills its address.
    expect(await page.getByLabel(/^Alamat kirim/).inputValue()).toBe('Jl. Tanah Abang I No. 1, Jakarta Pusat');
    await page.getByLabel('Unit kerja pembeli').fill('Seksi Pemberdayaan UMKM');
    await page.getByLabel('Nomor pesanan pembeli').fill('SP-027/PPKUKM/XI/2026');
    await page.getByLabel('Paket anggaran').fill('DPA 2026 - Rapat koordinasi UMKM');
    await page.getByLabel(/^Tanggal pesanan/).fill('2026-11-28');
    await page.getByLabel(/^Tanggal kirim/).fill('2026-12-04');
    await page.getByLabel('Jam kirim').fill('11:30');
    await page.getByLabel(/^Alamat kirim/).fill('Aula Kantor Kecamatan Tanah Abang, Jl. K.H. Mas Mansyur No. 7');
    // The delivery kelurahan: the office's own first, found by typing.
    const kel = page.getByRole('combobox', { name: 'Kelurahan alamat kirim' });
    await kel.fill('Gelo');
    await page.getByRole('option', { name: /^Gelora/ }).waitFor();
    await kel.press('Enter');
    expect(await kel.inputValue()).toBe('Gelora');
    expect(await page.getByLabel('Jam kirim').inputValue()).toBe('11.30');
    await page.getByLabel('Uraian barang 1').fill('Nasi kotak ayam bakar');
    await page.getByLabel('Jenis produk 1').fill('nasi kotak');
    await page.getByLabel('KBLI 1').fill('56210');
    await page.getByLabel('Jumlah 1', { exact: true }).fill('0');
    await page.getByLabel('Satuan 1', { exact: true }).fill('kotak');
    await page.getByLabel('Harga satuan 1').fill('30000');
    await page.getByLabel('Harga satuan 1').press('Enter');
    // Refused with the field's own message; nothing saved.
    await page.getByText('Barang › baris 1 › Jumlah: harus lebih dari 0').first().waitFor();
    await page.getByLabel('Jumlah 1', { exact: true }).fill('50');
    await page.getByLabel('Jumlah 1', { exact: true }).press('Enter');

    await page.getByRole('heading', { name: /EO-2026-00001/ }).waitFor();
    await page.getByRole('button', { name: 'Usulan usaha' }).click();
    const proposal = page.getByRole('region', { name: 'Usulan usaha' });
    await proposal.getByText('Usulan untuk: Nasi kotak ayam bakar (sisa 50 kotak, 5 hari kerja sebelum kirim)').waitFor();
    const rows = proposal.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    await expect.poll(() => rows.first().textContent()).toContain('Dapur Bu Sri');
    expect(await rows.first().textContent()).toContain('satu kelurahan dengan alamat kirim');
    await screenshot(page, 'orders-proposal.png');
    await rows.first().getByRole('button', { name: 'Tugaskan semua' }).click();
    await page.getByText('Ditugaskan: EO-2026-00001-1 Dapur Bu Sri (50).').waitFor();

    const card = page.getByRole('article', { name: 'EO-2026-00001-1' });
    // A move just made can be taken back from its message.
    await card.getByRole('button', { name: '→ Dikonfirmasi' }).click();
    await page.getByText('EO-2026-00001-1 sekarang Dikonfirmasi.', { exact: false }).waitFor();
    await page.getByRole('status').getByRole('button', { name: 'Urungkan' }).click();
    await page.getByText('Diurungkan: EO-2026-00001-1 kembali ke Dipesan.').waitFor();
    await card.getByRole('button', { name: '→ Dikonfirmasi' }).waitFor();
    for (const label of ['Dikonfirmasi', 'Diproduksi', 'Dikirim']) {
      await card.getByRole('button', { name: `→ ${label}` }).click();
      await card.locator('.badge', { hasText: label }).waitFor();
    }
    await card.getByRole('button', { name: '→ Diterima' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Simpan status' }).click();
    await dialog.getByText('BAST (berita acara serah terima) harus sudah ditandatangani').first().waitFor();
    await dialog.getByLabel('BAST sudah ditandatangani pembeli (PPK)').check();
    await dialog.getByLabel('Tanggal diterima').fill('2026-11-28');
    await dialog.getByRole('button', { name: 'Simpan status' }).click();
    await card.locator('.badge', { hasText: 'Diterima' }).waitFor();
    // Goods delivered: the order can no longer be cancelled here.
    expect(await page.getByRole('button', { name: 'Batalkan pesanan' }).count()).toBe(0);

    // The BAST and the invoice come down as PDFs with the right text.
    const bast = await download('BAST (PDF)');
    expect(bast.subarray(0, 5).toString()).toBe('%PDF-');
    const bastText = (await extractPdfText(bast)).join('\n');
    expect(bastText).toContain('BERITA ACARA SERAH TERIMA BARANG');
    expect(bastText).toContain('Terbilang: Satu juta lima ratus ribu rupiah');
    saveScreenshot('orders-bast.png', (await renderPdfPage(bast, 1, 110)).png);
    const invoice = await download('Kwitansi (PDF)');
    const invoiceText = (await extractPdfText(invoice)).join('\n');
    expect(invoiceText).toContain('KWITANSI');
    expect(invoiceText).toContain('Satu juta lima ratus ribu rupiah');
    expect(invoiceText).toContain('Rp 1.500.000');

    // Payment.
    await card.getByRole('button', { name: 'Catat pembayaran' }).click();
    expect(await dialog.getByLabel(/^Jumlah dibayar/).inputValue()).toBe('1.500.000');
    await dialog.getByLabel(/^Tanggal dibayar/).fill('2026-11-28');
    await dialog.getByLabel('Catatan pembayaran').fill('Transfer Bank DKI');
    await dialog.getByLabel('Catatan pembayaran').press('Enter');
    await page.getByText('Pembayaran tercatat, 0 hari setelah barang diterima.').waitFor();
    await card.locator('.badge', { hasText: 'Dibayar' }).waitFor();
    await card.locator('summary').click();
    await screenshot(page, 'orders-order.png');

    const stored = await env.app.db.selectFrom('order_assignments').select(['status', 'paid_amount', 'paid_on', 'delivered_on']).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'dibayar', paid_amount: 1_500_000, paid_on: '2026-11-28', delivered_on: '2026-11-28' });

    // The list shows it, filtered by status.
    await page.getByRole('link', { name: 'Pesanan', exact: true }).click();
    await page.getByLabel('Status').selectOption('dibayar');
    await page.getByRole('cell', { name: 'EO-2026-00001' }).waitFor();
    await screenshot(page, 'orders-list.png', { fullPage: false });

    // Due lists and the office's e-order settings (read-only for the petugas).
    await page.getByRole('link', { name: 'Jatuh tempo' }).click();
    await page.getByRole('heading', { name: 'Terlambat dikirim' }).waitFor();
    expect(await page.getByLabel('Tarif PPN (basis poin)').isDisabled()).toBe(true);

    // Buyers and the curated catalogue.
    await page.getByRole('link', { name: 'Pembeli', exact: true }).click();
    await page.getByRole('cell', { name: /Suku Dinas PPKUKM Jakarta Pusat/ }).waitFor();
    await screenshot(page, 'orders-buyers.png', { fullPage: false });
    await page.getByRole('link', { name: 'Katalog & kurasi' }).click();
    await page.getByRole('cell', { name: /Nasi liwet/ }).waitFor();
    await page
      .getByRole('row', { name: /Nasi liwet/ })
      .getByRole('button', { name: 'Kurasi' })
      .click();
    await dialog.getByLabel('Foto').uncheck();
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.getByText('Kriteria kurasi: produk lolos bila semua kriteria terpenuhi; belum: foto').first().waitFor();
    await dialog.getByLabel(/^Status kurasi/).selectOption('tidak_lolos');
    await dialog.getByLabel('Alasan / catatan kurasi').fill('Foto produk buram');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await page
      .getByRole('row', { name: /Nasi liwet/ })
      .getByText('Tidak lolos')
      .waitFor();
    await screenshot(page, 'orders-catalogue.png', { fullPage: false });
  });
});
