import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src-main/features/registrations/files';
import { makeTestApp, type TestApp } from '../../support/app';
import { jakartaDay } from '../../support/clock';
import { countOf, member, nikFor, petugasApp } from './fixtures';

let app: TestApp;
let tokens: Awaited<ReturnType<typeof petugasApp>>;
beforeEach(async () => {
  app = await makeTestApp();
  tokens = await petugasApp(app);
});
afterEach(async () => {
  await app.dispose();
});

const header = [
  'No',
  'NIK',
  'Nama',
  'Tempat Lahir',
  'Tanggal Lahir',
  'Jenis Kelamin',
  'Alamat',
  'RT/RW',
  'Kelurahan',
  'No. HP',
  'Nama Usaha',
  'KBLI',
  'Modal',
  'Omzet per Bulan',
];

function goodRow(i: number): (string | number)[] {
  const female = i % 2 === 0;
  const day = 1 + (i % 28);
  const birth = `19${70 + (i % 25)}-0${1 + (i % 9)}-${String(day).padStart(2, '0')}`;
  const [y, m, d] = birth.split('-');
  return [
    i,
    nikFor(birth, female ? 'P' : 'L', 1 + i),
    `${female ? 'Sri' : 'Bambang'} Peserta ${i}`,
    'Jakarta',
    `${d}-${m}-${y}`,
    female ? 'Perempuan' : 'Laki-laki',
    `Jl. Petamburan III No. ${i}`,
    '003/005',
    i % 3 === 0 ? 'Petamburan' : '31.71.07.1006',
    `0813${String(10_000_000 + i)}`,
    `Usaha Contoh ${i}`,
    i % 2 ? '56102' : '14120',
    'Rp 5.000.000',
    '3.500.000',
  ];
}

async function xlsx(rows: (string | number)[][], head = header): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

function csv(rows: (string | number)[][]): string {
  const text = [header, ...rows].map((r) => r.join(';')).join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]).toString('base64');
}

const broken = (rows: (string | number)[][]) => {
  const out = rows.map((r) => [...r]);
  out[1][1] = '3171071302850000'; // serial 0000
  out[3][4] = '31-02-1990'; // not a date
  out[5][11] = '99999'; // not a KBLI kelompok
  return out;
};

async function runToEnd(jobId: string) {
  let status = await app.ok('members.importStatus', { jobId }, tokens.petugas);
  while (!status.done) status = await app.ok('members.importContinue', { jobId }, tokens.petugas);
  return status;
}

describe('import', () => {
  it('previews with suggested mapping for Indonesian headers and row checks', async () => {
    const rows = broken(Array.from({ length: 8 }, (_, i) => goodRow(i + 1)));
    const p = await app.ok('members.importPreview', { fileName: 'anggota.xlsx', fileBase64: await xlsx(rows) }, tokens.petugas);
    expect(p.suggestedMapping).toMatchObject({
      nik: 'NIK',
      fullName: 'Nama',
      birthDate: 'Tanggal Lahir',
      gender: 'Jenis Kelamin',
      kelurahan: 'Kelurahan',
      businessName: 'Nama Usaha',
      kbli: 'KBLI',
      rtRw: 'RT/RW',
      phone: 'No. HP',
      capital: 'Modal',
      monthlyTurnover: 'Omzet per Bulan',
    });
    expect(p.counts).toEqual({ total: 8, valid: 5, invalid: 3, alreadyRegistered: 0 });
    expect(p.rows[1].status).toBe('invalid');
    expect(p.rows[1].reason).toMatch(/^NIK: nomor urut 0000/);
    expect(p.rows[3].reason).toMatch(/^Tanggal lahir: '31-02-1990' bukan tanggal/);
    expect(p.rows[5].reason).toMatch(/KBLI: kode 99999/);
    expect(await countOf(app, 'members')).toBe(0);
  });

  it('gives each problem of a row once, also when it concerns two fields', async () => {
    const rows = [goodRow(1), goodRow(2)];
    // A woman's NIK (day + 40) born on the 2nd, typed as a man born on the 3rd.
    rows[0][1] = nikFor('1980-01-02', 'P', 7);
    rows[0][4] = '03-01-1980';
    rows[0][5] = 'Laki-laki';
    const p = await app.ok('members.importPreview', { fileName: 'anggota.xlsx', fileBase64: await xlsx(rows) }, tokens.petugas);
    const reason = p.rows[0].reason ?? '';
    const parts = reason.split('; ');
    expect(parts).toEqual([...new Set(parts)]);
    expect(parts.filter((r) => r.startsWith('NIK: tanggal lahir di NIK'))).toHaveLength(1);
    expect(parts.filter((r) => r.startsWith('NIK: jenis kelamin di NIK'))).toHaveLength(1);
    // The fields still each name their own problem, for the form.
    expect(p.rows[0].fields.birthDate).toMatch(/^NIK: tanggal lahir di NIK/);
    expect(p.rows[0].fields.gender).toMatch(/^NIK: jenis kelamin di NIK/);
    const run = await app.ok('members.importRun', { fileName: 'anggota.xlsx', fileBase64: await xlsx(rows), mode: 'valid_only' }, tokens.petugas);
    const report = Buffer.from(run.report!.base64, 'base64').toString('utf8');
    expect(report.split('NIK: tanggal lahir di NIK')).toHaveLength(2);
  });

  it('imports a good file all-or-nothing, and a second run adds nothing', async () => {
    const file = await xlsx(Array.from({ length: 30 }, (_, i) => goodRow(i + 1)));
    const res = await app.ok('members.importRun', { fileName: 'anggota.xlsx', fileBase64: file, mode: 'all_or_nothing' }, tokens.petugas);
    // Staged, not written yet: the final call writes every row in one transaction.
    expect(res).toMatchObject({ status: 'berjalan', toWrite: 30, inserted: 0, report: null });
    expect(await countOf(app, 'members')).toBe(0);
    expect(await runToEnd(res.jobId)).toMatchObject({ status: 'selesai', inserted: 30, progress: 1 });
    expect(await countOf(app, 'members')).toBe(30);
    const list = await app.ok('members.list', { search: 'peserta 7' }, tokens.petugas);
    expect(list.rows[0].kelurahanNama).toBeTruthy();
    const m = await app.ok('members.get', { id: list.rows[0].id }, tokens.petugas);
    expect(m.rt).toBe('003');
    expect(m.businesses[0].capital).toBe(5_000_000);
    expect(m.stages[0]).toMatchObject({ code: 'P1', status: 'selesai', source: 'import' });
    const again = await app.ok('members.importRun', { fileName: 'anggota.xlsx', fileBase64: file, mode: 'valid_only' }, tokens.petugas);
    expect(again.counts).toMatchObject({ total: 30, valid: 0, alreadyRegistered: 30, invalid: 0 });
    expect(again.status).toBe('selesai');
    expect(await countOf(app, 'members')).toBe(30);
    const report = Buffer.from(again.report!.base64, 'base64').toString('utf8');
    expect(report).toContain('sudah terdaftar');
  });

  it('all-or-nothing with broken rows writes nothing and reports the reason per row', async () => {
    const rows = broken(Array.from({ length: 10 }, (_, i) => goodRow(i + 1)));
    const res = await app.ok('members.importRun', { fileName: 'a.xlsx', fileBase64: await xlsx(rows), mode: 'all_or_nothing' }, tokens.petugas);
    expect(res.status).toBe('ditolak');
    expect(res.inserted).toBe(0);
    expect(await countOf(app, 'members')).toBe(0);
    const report = parseCsv(
      Buffer.from(res.report!.base64, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    );
    expect(report[0].slice(0, 3)).toEqual(['Baris', 'Hasil', 'Alasan']);
    expect(report.slice(1).map((r) => r[0])).toEqual(['3', '5', '7']);
    expect(report[1][2]).toMatch(/NIK/);
  });

  it('valid-only writes the valid rows in batches and reports the rest (CSV input)', async () => {
    const rows = broken(Array.from({ length: 12 }, (_, i) => goodRow(i + 1)));
    const res = await app.ok('members.importRun', { fileName: 'a.csv', fileBase64: csv(rows), mode: 'valid_only' }, tokens.petugas);
    expect(res.status).toBe('berjalan');
    expect(res.counts).toMatchObject({ valid: 9, invalid: 3 });
    expect(await countOf(app, 'members')).toBe(0);
    const done = await runToEnd(res.jobId);
    expect(done).toMatchObject({ status: 'selesai', inserted: 9, invalid: 3, progress: 1 });
    expect(await countOf(app, 'members')).toBe(9);
    const report = await app.ok('members.importReport', { jobId: res.jobId, format: 'xlsx' }, tokens.petugas);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(report.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(4);
    expect(wb.worksheets[0].getRow(2).getCell(3).text).toMatch(/NIK/);
  });

  it('cancel between batches leaves whole batches and nothing half-done', async () => {
    const rows = Array.from({ length: 1100 }, (_, i) => goodRow(i + 1));
    const res = await app.ok('members.importRun', { fileName: 'besar.xlsx', fileBase64: await xlsx(rows), mode: 'valid_only' }, tokens.petugas);
    const first = await app.ok('members.importContinue', { jobId: res.jobId }, tokens.petugas);
    expect(first).toMatchObject({ status: 'berjalan', written: 500, inserted: 500 });
    expect(first.progress).toBeCloseTo(500 / 1100);
    const jobs = await app.ok('members.importJobs', {}, tokens.petugas);
    expect(jobs[0]).toMatchObject({ jobId: res.jobId, status: 'berjalan', done: false });
    const cancelled = await app.ok('members.importCancel', { jobId: res.jobId }, tokens.petugas);
    expect(cancelled.status).toBe('dibatalkan');
    const after = await app.ok('members.importContinue', { jobId: res.jobId }, tokens.petugas);
    expect(after.status).toBe('dibatalkan');
    expect(await countOf(app, 'members')).toBe(500);
    expect(await countOf(app, 'member_stages')).toBe(500);
    expect((await app.db.selectFrom('import_rows').selectAll().execute()).length).toBe(0);
    // The rest can be imported later: the first 500 are recognised as registered.
    const rest = await app.ok('members.importRun', { fileName: 'besar.xlsx', fileBase64: await xlsx(rows), mode: 'all_or_nothing' }, tokens.petugas);
    expect(await runToEnd(rest.jobId)).toMatchObject({ status: 'selesai', inserted: 600, alreadyRegistered: 500 });
  });

  it('refuses a file that is not a spreadsheet, missing columns and Excel-number NIKs, never crashing', async () => {
    const junk = await app.call(
      'members.importRun',
      { fileName: 'x.xlsx', fileBase64: Buffer.from('PK\u0003\u0004garbage').toString('base64'), mode: 'all_or_nothing' },
      tokens.petugas,
    );
    expect(junk.status).toBe(400);
    expect(junk.error.fields.fileBase64).toMatch(/^Berkas: /);
    const missing = await app.call(
      'members.importPreview',
      {
        fileName: 'x.xlsx',
        fileBase64: await xlsx(
          [goodRow(1)],
          header.map((h) => (h === 'NIK' ? 'Nomor' : h)),
        ),
      },
      tokens.petugas,
    );
    expect(missing.status).toBe(400);
    expect(missing.error.message).toMatch(/belum dipetakan: NIK/);
    const mapped = await app.ok(
      'members.importPreview',
      {
        fileName: 'x.xlsx',
        fileBase64: await xlsx(
          [goodRow(1)],
          header.map((h) => (h === 'NIK' ? 'Nomor' : h)),
        ),
        mapping: { nik: 'Nomor' },
      },
      tokens.petugas,
    );
    expect(mapped.counts.valid).toBe(1);
    const numeric = goodRow(2);
    numeric[1] = Number(numeric[1]);
    const num = await app.ok('members.importPreview', { fileName: 'x.xlsx', fileBase64: await xlsx([numeric]) }, tokens.petugas);
    expect(num.rows[0].reason).toMatch(/NIK: tersimpan sebagai angka/);
    expect((await app.call('members.importRun', { fileName: 'x.xlsx', fileBase64: await xlsx([goodRow(1)]), mode: 'valid_only' }, tokens.loket)).status).toBe(
      403,
    );
    expect(await countOf(app, 'members')).toBe(0);
  });
});

describe('export', () => {
  it('exports the current view to XLSX and CSV: masked NIK, semicolons, BOM, formula-safe', async () => {
    const a = await app.ok('members.register', member({ fullName: '=Siti Hyperlink', phone: null }), tokens.petugas);
    await app.ok(
      'members.register',
      member({
        fullName: 'Budi Santoso',
        gender: 'L',
        birthDate: '1980-05-05',
        kelurahanKode: '31.71.07.1002',
        businesses: [{ ...member().businesses[0], name: '@Warung; "Enak"' }],
      }),
      tokens.petugas,
    );
    const x = await app.ok('members.export', { format: 'xlsx', kelurahanKode: '31.71.07.1006' }, tokens.petugas);
    expect(x.fileName).toBe(`anggota-${jakartaDay(app.clock)}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(2).value).toBe('NIK');
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(2).text).toMatch(/^3171••••••••\d{4}$/);
    const c = await app.ok('members.export', { format: 'csv', sort: 'name' }, tokens.petugas);
    const buf = Buffer.from(c.base64, 'base64');
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(buf.toString('utf8').slice(1));
    expect(rows[0][0]).toBe('No. Anggota');
    expect(rows).toHaveLength(3);
    const names = rows.slice(1).map((r) => r[2]);
    expect(names).toContain("'=Siti Hyperlink");
    expect(rows.find((r) => r[2] === 'Budi Santoso')![11]).toBe(`'@Warung; "Enak"`);
    for (const r of rows.slice(1)) expect(r[1]).toMatch(/••••/);
    const full = await app.ok('members.export', { format: 'csv', unmaskNik: true }, tokens.admin);
    const fullRows = parseCsv(Buffer.from(full.base64, 'base64').toString('utf8').slice(1));
    expect(fullRows[1][1]).toMatch(/^\d{16}$/);
    expect((await app.call('members.export', { format: 'csv' }, tokens.loket)).status).toBe(403);
    const audit = await app.db.selectFrom('audit_log').selectAll().where('method', '=', 'members.export').execute();
    expect(audit).toHaveLength(3);
    expect(audit.some((e) => e.after!.includes('"unmaskNik":true'))).toBe(true);
    expect(a.id).toBeTruthy();
  });
});
