import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../support/app';
import { zipBombXlsx } from '../../../src-main/bench/hostile-files';
import { countOf, petugasApp } from './fixtures';

// Uploaded spreadsheets are read within limits that hold before the work: a file that unpacks
// to far more than any office sheet is refused from its ZIP directory, a directory that lies
// about a size stops the inflating at the size it declared, rows and columns are counted as
// the sheet is read. Each refusal is a 400 naming the file field, and the office keeps working.

let app: TestApp;
let tokens: Awaited<ReturnType<typeof petugasApp>>;
beforeEach(async () => {
  app = await makeTestApp();
  tokens = await petugasApp(app);
});
afterEach(async () => {
  await app.dispose();
});

const preview = (fileName: string, file: Buffer) => app.call('members.importPreview', { fileName, fileBase64: file.toString('base64') }, tokens.petugas);

async function sheet(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('uploaded spreadsheet limits', () => {
  it('refuses a small XLSX whose sheet unpacks to 1.2 GB from its directory, without inflating it', async () => {
    const bomb = zipBombXlsx(1200);
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024); // a few MB: well under the upload limit
    const rssBefore = process.memoryUsage().rss;
    const res = await preview('anggota.xlsx', bomb);
    expect(res.status).toBe(400);
    expect(res.error.code).toBe('bad_input');
    expect(res.error.fields.fileBase64).toMatch(/^Berkas: isi lembar kerja terlalu besar setelah dibuka \(1200 MB; paling banyak 96 MB\)/);
    // Nothing near the sheet's size was ever allocated (workers share the process's memory).
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(300 * 1024 * 1024);
    // The worker is fine and the office keeps answering.
    expect((await app.call('members.list', {}, tokens.petugas)).status).toBe(200);
    expect(await countOf(app, 'members')).toBe(0);
  });

  it('stops inflating at the size a lying directory declares', async () => {
    const liar = zipBombXlsx(1200, 64 * 1024);
    const res = await preview('anggota.xlsx', liar);
    expect(res.status).toBe(400);
    expect(res.error.fields.fileBase64).toBe('Berkas: isi "xl/worksheets/sheet1.xml" lebih besar daripada yang dinyatakan arsipnya');
  });

  it('refuses too many rows and too many columns, in XLSX and CSV, naming the file field', async () => {
    const wide = await sheet([Array.from({ length: 101 }, (_, i) => `Kolom ${i + 1}`), Array.from({ length: 101 }, () => 'x')]);
    const w = await preview('lebar.xlsx', wide);
    expect(w.status).toBe(400);
    expect(w.error.fields.fileBase64).toBe('Berkas: lembar kerja memuat lebih dari 100 kolom');

    const long = Buffer.from(['NIK;Nama', ...Array.from({ length: 50_001 }, (_, i) => `${i};Nama ${i}`)].join('\n'));
    const l = await preview('panjang.csv', long);
    expect(l.status).toBe(400);
    expect(l.error.fields.fileBase64).toBe('Berkas: berkas memuat lebih dari 50000 baris data; pecah berkasnya');

    const wideCsv = Buffer.from([Array.from({ length: 150 }, (_, i) => `k${i}`).join(';'), 'a;b'].join('\n'));
    const wc = await preview('lebar.csv', wideCsv);
    expect(wc.status).toBe(400);
    expect(wc.error.fields.fileBase64).toBe('Berkas: berkas memuat lebih dari 100 kolom');
  });

  it('refuses an upload over the file size limit before decoding it', async () => {
    const res = await app.call('members.importPreview', { fileName: 'besar.csv', fileBase64: 'A'.repeat(24_000_001) }, tokens.petugas);
    expect(res.status).toBe(400);
    expect(res.error.fields.fileBase64).toMatch(/^Berkas: /);
  });
});
