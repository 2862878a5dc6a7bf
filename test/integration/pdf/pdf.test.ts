import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateId, formatRupiah } from '../../../src-main/core/format.js';
import { FONT, createPdfDocument, drawLetterhead, drawSignatureBlock, pdfToBuffer } from '../../../src-main/core/pdf/document.js';
import { drawQrCode } from '../../../src-main/core/pdf/qr.js';
import { generateSigningKey, hashNik, signPayload, verifySignedText } from '../../../src-main/core/signing.js';
import { decodeQr, extractPdfText, renderPdfPage } from '../../support/pdf';

// Set JPD_TEST_ARTIFACTS to a folder to keep the rendered pages for a look.
const keep = process.env.JPD_TEST_ARTIFACTS;
let outDir: string;
beforeAll(() => {
  if (keep) mkdirSync(keep, { recursive: true });
  outDir = keep ?? mkdtempSync(join(tmpdir(), 'jpd-pdf-test-'));
});
afterAll(() => {
  if (!keep) rmSync(outDir, { recursive: true, force: true });
});

const office = generateSigningKey();
const nik = '3174044501900003';
const permitNumber = '510/0007/IUMK/3174041001/XI/2026';

/** A page shaped like the IUMK certificate: every shared building block once. */
async function samplePage(): Promise<{ pdf: Buffer; qrText: string }> {
  const doc = createPdfDocument({
    info: { Title: 'Surat Izin Usaha Mikro dan Kecil', Author: 'Kecamatan Kebayoran Baru', Subject: 'IUMK' },
  });
  drawLetterhead(doc, {
    lines: ['PEMERINTAH PROVINSI DAERAH KHUSUS JAKARTA', 'KOTA ADMINISTRASI JAKARTA SELATAN', 'KECAMATAN KEBAYORAN BARU'],
    address: 'Jalan Prapanca Raya No. 9, Telepon (021) 7205090, Jakarta 12160',
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font(FONT.serifBold, 13).text('SURAT IZIN USAHA MIKRO DAN KECIL', left, doc.y, { width, align: 'center' });
  doc.font(FONT.serif, 11).text(`Nomor: ${permitNumber}`, { width, align: 'center' });
  doc.moveDown(1.2);
  doc
    .font(FONT.serif, 11)
    .text(
      'Berdasarkan Peraturan Presiden Nomor 98 Tahun 2014 tentang Perizinan untuk Usaha Mikro dan Kecil, ' +
        'Camat Kebayoran Baru memberikan Izin Usaha Mikro dan Kecil kepada:',
      left,
      doc.y,
      { width, align: 'justify' },
    );
  doc.moveDown(0.6);

  const rows: [string, string][] = [
    ['Nama', 'Siti Rahmawati'],
    ['NIK', nik],
    ['Alamat', 'Jl. Kyai Maja No. 12, RT 003/RW 005, Kelurahan Kramat Pela'],
    ['Nama Usaha', 'Kue Lapis Bu Siti'],
    ['Kegiatan Usaha', '10792 - Industri Kue Basah'],
    ['Modal Usaha', formatRupiah(15_000_000)],
    // Outside ASCII: the subset's ToUnicode map must carry these too.
    ['Sarana Usaha', 'Gerobak & kios 6 m² — Café Pojok'],
  ];
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.text(label, left + 20, y, { lineBreak: false });
    doc.text(':', left + 140, y, { lineBreak: false });
    doc.text(value, left + 152, y, { width: width - 152 });
  }
  doc.moveDown(1.5);

  const issued = '2026-11-28';
  const qrText = signPayload({ t: 'IUMK', no: permitNumber, nik: hashNik(nik, office.keyId), tgl: issued }, office);
  const signatureTop = doc.y;
  const result = drawSignatureBlock(doc, {
    place: 'Jakarta',
    date: formatDateId(issued),
    title: 'CAMAT KEBAYORAN BARU,',
    name: 'Drs. Bambang Sutejo, M.Si.',
    nip: '197003151990031004',
  });
  expect(result.bottom).toBeGreaterThan(signatureTop);
  expect(result.signatureArea.height).toBeGreaterThan(0);

  // Verification QR at the left, level with the signature block.
  drawQrCode(doc, qrText, { x: left, y: signatureTop, size: 110 });
  doc.font(FONT.sans, 7.5).text('Pindai untuk memeriksa keaslian dokumen', left, signatureTop + 112, { width: 220 });

  return { pdf: await pdfToBuffer(doc), qrText };
}

describe('shared PDF building blocks', () => {
  let pdf: Buffer;
  let qrText: string;
  beforeAll(async () => {
    ({ pdf, qrText } = await samplePage());
    if (keep) writeFileSync(join(outDir, 'sample.pdf'), pdf);
  });

  it('produces one page whose text (Indonesian included) can be extracted', async () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = await extractPdfText(pdf);
    expect(pages).toHaveLength(1);
    const text = pages[0].replace(/\s+/g, ' ');
    for (const expected of [
      'PEMERINTAH PROVINSI DAERAH KHUSUS JAKARTA',
      'KOTA ADMINISTRASI JAKARTA SELATAN',
      'KECAMATAN KEBAYORAN BARU',
      'Jalan Prapanca Raya No. 9, Telepon (021) 7205090, Jakarta 12160',
      'SURAT IZIN USAHA MIKRO DAN KECIL',
      `Nomor: ${permitNumber}`,
      'Perizinan untuk Usaha Mikro dan Kecil',
      'Siti Rahmawati',
      'Jl. Kyai Maja No. 12, RT 003/RW 005, Kelurahan Kramat Pela',
      'Rp 15.000.000',
      'Gerobak & kios 6 m² — Café Pojok',
      'Ditetapkan di',
      'Jakarta',
      'pada tanggal',
      '28 November 2026',
      'CAMAT KEBAYORAN BARU,',
      'Drs. Bambang Sutejo, M.Si.',
      'NIP. 197003151990031004',
      'Pindai untuk memeriksa keaslian dokumen',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('embeds the DejaVu fonts as subsets and records the document info', async () => {
    const raw = pdf.toString('latin1');
    // Subset fonts get a six-letter tag before the PostScript name.
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSerif\b/);
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toContain('/Helvetica');
    // The QR code is vector paths, not a picture.
    expect(raw).not.toContain('/Subtype /Image');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
    try {
      const meta = await (await task.promise).getMetadata();
      expect(meta.info).toMatchObject({ Title: 'Surat Izin Usaha Mikro dan Kecil', Subject: 'IUMK' });
    } finally {
      await task.destroy();
    }
  });

  it('prints a QR code that scans from the rendered page and verifies', async () => {
    const scanned = decodeQr(await renderPdfPage(pdf, 1, 150));
    expect(scanned).toBe(qrText);
    const result = verifySignedText(scanned, (kid) => (kid === office.keyId ? office.publicKeyPem : undefined));
    expect(result).toEqual({
      ok: true,
      kid: office.keyId,
      payload: { t: 'IUMK', no: permitNumber, nik: hashNik(nik, office.keyId), tgl: '2026-11-28' },
    });
  });

  it('keeps an over-long letterhead line on one line by shrinking it', async () => {
    const doc = createPdfDocument();
    const long = 'UNIT PELAYANAN TERPADU SATU PINTU KECAMATAN KEBAYORAN BARU KOTA ADMINISTRASI JAKARTA SELATAN';
    drawLetterhead(doc, { lines: ['PEMERINTAH PROVINSI DAERAH KHUSUS JAKARTA', long] });
    const margin = doc.page.margins.left;
    const pageWidth = doc.page.width;
    const pdf = await pdfToBuffer(doc);
    const [page] = await extractPdfText(pdf);
    expect(page.split('\n')).toContain(long);

    // Where pdfjs places the line: inside the margins, not running off the right edge.
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
    try {
      const content = await (await (await task.promise).getPage(1)).getTextContent();
      const items = content.items.filter((item) => 'str' in item && item.str.startsWith('UNIT PELAYANAN'));
      expect(items).toHaveLength(1);
      const item = items[0] as { transform: number[]; width: number };
      expect(item.transform[4]).toBeGreaterThanOrEqual(margin - 0.5);
      expect(item.transform[4] + item.width).toBeLessThanOrEqual(pageWidth - margin + 0.5);
    } finally {
      await task.destroy();
    }
  });

  it('moves a signature block that would cross the bottom margin to a new page', async () => {
    const doc = createPdfDocument();
    doc.text('Isi surat', doc.page.margins.left, doc.page.height - doc.page.margins.bottom - 80);
    drawSignatureBlock(doc, { place: 'Jakarta', date: '28 November 2026', title: 'CAMAT', name: 'Nama', nip: '1' });
    const pages = await extractPdfText(await pdfToBuffer(doc));
    expect(pages).toHaveLength(2);
    expect(pages[0]).not.toContain('Ditetapkan di');
    expect(pages[1]).toContain('Ditetapkan di');
    expect(pages[1]).toContain('NIP. 1');
  });

  it('finds no QR code on a page without one (the decoder is not fooled by text)', async () => {
    const doc = createPdfDocument();
    drawLetterhead(doc, { lines: ['PEMERINTAH PROVINSI DAERAH KHUSUS JAKARTA'] });
    expect(decodeQr(await renderPdfPage(await pdfToBuffer(doc), 1, 100))).toBeNull();
  });
});
