import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { create } from 'qrcode';
import type { BenchLine, Timing } from '../../bench/measure';
import { measure } from '../../bench/measure';
import type { BenchSuite } from '../../bench/suites';
import { fontData } from '../../core/pdf/fonts';
import { loadPermitSettings } from './settings';
import { renderCertificatesTask } from './tasks';
import {
  CERTIFICATE_QR_SIZE,
  CERTIFICATE_SENTENCE,
  certificateQrText,
  loadCertificateOffice,
  renderCertificates,
  streamCertificates,
  type CertificateData,
} from './certificate';

export function permitsBenchSample(i: number): CertificateData {
  return {
    permitId: `bench-${i}`,
    number: `503/${String(i + 1).padStart(4, '0')}/IUMK/1006/XI/2026`,
    issuedOn: '2026-11-30',
    validUntil: null,
    nib: '9120301234567',
    facility: 'Kios',
    copiesPrinted: 0,
    verificationCode: 'K7QF2M9DXR4P',
    holder: {
      name: `Siti Aminah ${i}`,
      nik: '3171075204850001',
      address: 'Jl. Kebon Kacang Raya No. 1 RT 003/RW 005, Kel. Kebon Kacang',
      phone: '081234567890',
    },
    business: {
      name: `Warung Makan Bu Siti ${i}`,
      legalForm: 'Perorangan',
      npwp: null,
      kbliKode: '56103',
      kbliJudul: 'Kedai Makanan',
      address: 'Jl. Kebon Kacang IX No. 1',
      kelurahan: 'Kebon Kacang',
      kecamatan: 'Tanah Abang',
      postalCode: '10240',
      phone: '081234567890',
      capital: 15_000_000,
    },
  };
}

/**
 * The baseline: the same page drawn with pdfkit and qrcode directly, without our document,
 * letterhead, signature-block or QR helpers and without signing (the QR text is given).
 */
function rawPage(doc: PDFKit.PDFDocument, d: CertificateData, lines: string[], qrText: string, legalBasis: string) {
  const left = 57;
  const width = doc.page.width - 2 * left;
  let y = 43;
  doc.font('b');
  for (const l of lines) {
    doc.fontSize(13).text(l, left, y, { width, align: 'center', lineBreak: false });
    y += 16;
  }
  doc.font('r').fontSize(9).text('Jl. K.H. Mas Mansyur No. 7, Kebon Kacang · 10240 · Telp. (021) 3102345', left, y, { width, align: 'center' });
  y = doc.y + 4;
  doc
    .lineWidth(2.5)
    .moveTo(left, y)
    .lineTo(left + width, y)
    .stroke();
  doc
    .lineWidth(0.75)
    .moveTo(left, y + 4)
    .lineTo(left + width, y + 4)
    .stroke();
  doc
    .font('b')
    .fontSize(13)
    .text('SURAT IZIN USAHA MIKRO DAN KECIL', left, y + 20, { width, align: 'center' });
  doc.font('r').fontSize(11).text(`Nomor: ${d.number}`, { width, align: 'center' });
  doc.fontSize(10.5).text(legalBasis, left, doc.y + 12, { width, align: 'justify' });
  const row = (k: string, v: string) => {
    const yy = doc.y + 2;
    doc.text(k, left + 16, yy, { width: 150, lineBreak: false });
    doc.text(':', left + 166, yy, { lineBreak: false });
    doc.text(v, left + 176, yy, { width: width - 176 });
  };
  row('Nama', d.holder.name);
  row('NIK', d.holder.nik);
  row('Alamat', d.holder.address);
  row('Nomor Telepon', '0812-3456-7890');
  doc.text(CERTIFICATE_SENTENCE, left, doc.y + 6, { width, align: 'justify' });
  const b = d.business;
  row('Nama Usaha', b.name);
  row('Bentuk Usaha', b.legalForm);
  row('NPWP', '-');
  row('Kegiatan Usaha', `KBLI ${b.kbliKode} - ${b.kbliJudul} (KBLI 2020)`);
  row('Sarana Usaha', d.facility ?? '-');
  row('Alamat Usaha', `${b.address}, Kel. ${b.kelurahan}, Kec. ${b.kecamatan}, Kode Pos ${b.postalCode}`);
  row('Nomor Telepon', '0812-3456-7890');
  row('Modal Usaha', 'Rp 15.000.000');
  row('NIB (OSS)', d.nib ?? '');
  const top = doc.y + 14;
  doc.rect(left, top, 113, 170).dash(3, { space: 2 }).stroke().undash();
  const m = create(qrText, { errorCorrectionLevel: 'M' }).modules;
  const unit = CERTIFICATE_QR_SIZE / (m.size + 8);
  for (let r = 0; r < m.size; r++) for (let c = 0; c < m.size; c++) if (m.get(r, c)) doc.rect(left + 140 + (c + 4) * unit, top + (r + 4) * unit, unit, unit);
  doc.fill('black');
  doc.fontSize(11).text('Ditetapkan di : Jakarta', left + width - 220, top);
  doc.text('pada tanggal : 30 November 2026');
  doc.text('Camat Tanah Abang', { width: 220, align: 'center' });
  doc.font('b').text('Dra. Maria Ulfa, M.Si.', left + width - 220, top + 110, { width: 220, align: 'center', underline: true });
  doc.font('r').text('NIP. 197203151998032004', { width: 220, align: 'center' });
  doc.font('Courier').fontSize(3).text(qrText, left, 800, { lineBreak: false });
}

function rawDocument(): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 43, bottom: 43, left: 57, right: 57 } });
  doc.registerFont('r', fontData('sans'));
  doc.registerFont('b', fontData('sans-bold'));
  return doc;
}

function drain(doc: PDFKit.PDFDocument): Promise<number> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    doc.on('data', (c: Buffer) => (bytes += c.length));
    doc.once('end', () => resolve(bytes));
    doc.once('error', reject);
    doc.end();
  });
}

class CountingSink extends Writable {
  bytes = 0;
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void) {
    this.bytes += chunk.length;
    cb();
  }
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

export const permitsBench: BenchSuite = async (ctx) => {
  const { app } = ctx;
  const office = await loadCertificateOffice(app.db);
  const settings = await loadPermitSettings(app.db);
  const opts = { office, settings };
  const one = permitsBenchSample(0);
  const qrText = certificateQrText(one, office);

  const ours = await measure('IUMK: satu surat izin PDF (font tertanam, QR, tanda tangan)', 60, () => renderCertificates([permitsBenchSample(1)], opts));
  const baseline = await measure('pdfkit mentah, halaman yang sama', 60, async () => {
    const doc = rawDocument();
    rawPage(doc, one, office.letterheadLines, qrText, settings.legalBasis);
    await drain(doc);
  });

  // The batch: 500 certificates streamed into one PDF; memory read before, after, and after a
  // second, twice as large batch, to show it does not grow with the batch.
  const batch = async (n: number) => {
    gc();
    const before = process.memoryUsage();
    const sink = new CountingSink();
    let peakHeap = before.heapUsed;
    const list = (function* () {
      for (let i = 0; i < n; i++) {
        if (i % 50 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
        yield permitsBenchSample(i);
      }
    })();
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const pages = await streamCertificates(list, opts, sink);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    gc();
    const after = process.memoryUsage();
    return { pages, ms, cpuMs, bytes: sink.bytes, before, after, peakHeap };
  };
  await batch(20); // warm-up
  const b500 = await batch(500);
  const b1000 = await batch(1000);
  const pps = (b500.pages / b500.ms) * 1000;
  ctx.log(
    `Batch 500: ${b500.ms.toFixed(0)} ms, ${pps.toFixed(0)} halaman/s (waktu CPU ${b500.cpuMs.toFixed(0)} ms: ${((b500.pages / b500.cpuMs) * 1000).toFixed(0)} halaman/s CPU), ${mb(b500.bytes)} PDF; heap ${mb(b500.before.heapUsed)} → puncak ${mb(b500.peakHeap)} → ${mb(b500.after.heapUsed)}, RSS ${mb(b500.before.rss)} → ${mb(b500.after.rss)}`,
  );
  ctx.log(
    `Batch 1000: ${b1000.ms.toFixed(0)} ms; heap ${mb(b1000.before.heapUsed)} → puncak ${mb(b1000.peakHeap)} → ${mb(b1000.after.heapUsed)}, RSS ${mb(b1000.before.rss)} → ${mb(b1000.after.rss)}`,
  );
  // Not growing: the peak heap of a batch twice as large stays within 32 MB of the smaller one's.
  const growth = b1000.peakHeap - b1000.before.heapUsed - (b500.peakHeap - b500.before.heapUsed);
  const perPage = b500.ms / b500.pages;
  const batchTiming: Timing = { name: 'batch 500', runs: 1, p50: perPage, p95: perPage, mean: perPage };

  // The same batch as the office prints it: in the worker pool, off the main thread.
  const input = {
    list: Array.from({ length: 500 }, (_, i) => permitsBenchSample(i)),
    office,
    settings: { documentTitle: settings.documentTitle, legalBasis: settings.legalBasis },
  };
  await app.services.work.run(renderCertificatesTask, { ...input, list: input.list.slice(0, 20) });
  const tw = performance.now();
  const viaPool = await app.services.work.run(renderCertificatesTask, input);
  const poolMs = performance.now() - tw;
  const poolPps = (viaPool.pages / poolMs) * 1000;
  ctx.log(`Batch 500 di kumpulan pekerja (seperti permits.certificateBatch): ${poolMs.toFixed(0)} ms, ${poolPps.toFixed(0)} halaman/s`);

  const poolTiming: Timing = { name: 'batch 500 (pool)', runs: 1, p50: poolMs / viaPool.pages, p95: poolMs / viaPool.pages, mean: poolMs / viaPool.pages };
  return [
    { name: ours.name, ours, baseline, target: '≤ 1,5× pdfkit mentah (p95)', met: ours.p95 <= 1.5 * baseline.p95 },
    {
      name: `IUMK: 500 surat dalam satu PDF di kumpulan pekerja, seperti permits.certificateBatch (ms per halaman; ${poolPps.toFixed(0)} halaman/s)`,
      ours: poolTiming,
      target: '≥ 300 halaman/s',
      met: poolPps >= 300,
    },
    {
      name: `IUMK: 500 surat dalam satu PDF di thread ini (ms per halaman; ${pps.toFixed(0)} halaman/s, ${((b500.pages / b500.cpuMs) * 1000).toFixed(0)} halaman/s waktu CPU; selisih puncak heap 1000 vs 500: ${mb(growth)})`,
      ours: batchTiming,
      target: 'memori tidak tumbuh (selisih < 32 MB)',
      met: growth < 32 * 1024 * 1024,
    },
  ] satisfies BenchLine[];
};
