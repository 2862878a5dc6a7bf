import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPercentNumber, formatValue } from '../../../src-main/features/reports/format';
import type { MonthlySummary } from '../../../src-main/features/reports/model';
import { makeTestApp, type TestApp } from '../../support/app';
import { extractPdfText } from '../../support/pdf';

// Known data: the summary's every figure is checked against these counts, against direct SQL,
// and against the three exports.
let app: TestApp;
let petugas: string;
let supervisor: string;

const KEBON_KACANG = '31.71.07.1006';
const GELORA = '31.71.07.1001';
const MENTENG = '31.71.06.1001'; // another kecamatan

let serial = 0;
function nik(birth: string, gender: 'L' | 'P') {
  const [y, m, d] = birth.split('-');
  const day = gender === 'P' ? Number(d) + 40 : Number(d);
  return `317107${String(day).padStart(2, '0')}${m}${y.slice(2)}${String(++serial).padStart(4, '0')}`;
}

async function register(spec: { name: string; gender: 'L' | 'P'; registeredOn: string; kelurahan: string; targetGroup: string; skpd: string; kbli?: string }) {
  const birthDate = '1988-06-15';
  return app.ok(
    'members.register',
    {
      nik: nik(birthDate, spec.gender),
      fullName: spec.name,
      birthDate,
      gender: spec.gender,
      addressStreet: 'Jl. Kebon Kacang Raya No. 3',
      kelurahanKode: spec.kelurahan,
      targetGroup: spec.targetGroup,
      skpd: spec.skpd,
      registeredOn: spec.registeredOn,
      businesses: [
        {
          name: `Usaha ${spec.name}`,
          kbliKode: spec.kbli ?? '56102',
          addressStreet: 'Jl. Kebon Kacang Raya No. 3',
          kelurahanKode: spec.kelurahan,
          capital: 5_000_000,
          monthlyTurnover: 8_000_000,
        },
      ],
    },
    petugas,
  );
}

let summary: MonthlySummary;
const figure = (s: MonthlySummary, id: string) => {
  const [section, fig] = id.split('.');
  return s.sections.find((x) => x.id === section)!.figures.find((f) => f.id === fig)!.value;
};

beforeAll(async () => {
  app = await makeTestApp('2026-11-28T03:00:00.000Z');
  const admin = await app.setup();
  petugas = await app.userWithRole(admin, 'petugas');
  supervisor = await app.userWithRole(admin, 'supervisor');
  // November 2026: three in Kebon Kacang, one in Gelora, one outside the kecamatan.
  const a = await register({
    name: 'Siti Aminah',
    gender: 'P',
    registeredOn: '2026-11-03',
    kelurahan: KEBON_KACANG,
    targetGroup: 'pemula',
    skpd: 'ppkukm_ukm',
  });
  const b = await register({
    name: 'Budi Hartono',
    gender: 'L',
    registeredOn: '2026-11-10',
    kelurahan: KEBON_KACANG,
    targetGroup: 'pencari_kerja',
    skpd: 'sosial',
    kbli: '14111',
  });
  await register({ name: 'Dewi Lestari', gender: 'P', registeredOn: '2026-11-27', kelurahan: KEBON_KACANG, targetGroup: 'pemula', skpd: 'ppkukm_ukm' });
  await register({
    name: 'Joko Susilo',
    gender: 'L',
    registeredOn: '2026-11-20',
    kelurahan: GELORA,
    targetGroup: 'disabilitas',
    skpd: 'parekraf',
    kbli: '32902',
  });
  await register({ name: 'Rudi Salim', gender: 'L', registeredOn: '2026-11-21', kelurahan: MENTENG, targetGroup: 'keluarga_miskin', skpd: 'kpkp' });
  // October 2026 and November 2025.
  await register({ name: 'Ani Wijaya', gender: 'P', registeredOn: '2026-10-10', kelurahan: GELORA, targetGroup: 'naik_kelas', skpd: 'ppapp' });
  await register({ name: 'Yanti Kusuma', gender: 'P', registeredOn: '2025-11-15', kelurahan: KEBON_KACANG, targetGroup: 'pemula', skpd: 'ppkukm_ikm' });

  // P4 by hand for one member in November; recovery records for two businesses.
  await app.ok('stages.record', { memberId: a.id, stage: 'P4', completedOn: '2026-11-12', evidence: 'NIB dari OSS 9120001234567' }, petugas);
  await app.ok(
    'businesses.recordCondition',
    { businessId: a.businessIds[0], recordedOn: '2026-11-12', closedTemporarily: true, turnoverDropPct: 40, recovered: true, sellsOnline: true, qris: true },
    petugas,
  );
  await app.ok(
    'businesses.recordCondition',
    { businessId: b.businessIds[0], recordedOn: '2026-11-14', loanTrouble: true, recovered: false, marketplace: true },
    petugas,
  );
  // A newer record of the same business supersedes the older one.
  await app.ok(
    'businesses.recordCondition',
    { businessId: b.businessIds[0], recordedOn: '2026-11-20', loanTrouble: true, recovered: true, marketplace: true, qris: true },
    petugas,
  );

  summary = await app.ok('reports.monthly', { month: '2026-11' }, supervisor);
});
afterAll(async () => {
  await app.dispose();
});

describe('monthly summary', () => {
  it('counts registrations of the month by kelurahan, group, gender, SKPD and sector', () => {
    expect(figure(summary, 'registrations.registeredInMonth')).toBe(5);
    expect(figure(summary, 'registrations.membersTotal')).toBe(7);
    expect(figure(summary, 'registrations.registeredYearToDate')).toBe(6);
    expect(figure(summary, 'registrations.yearlyTarget')).toBe(4500);
    // The exact ratio; printing rounds it (0,1%).
    expect(figure(summary, 'registrations.targetProgress')).toBe(6 / 4500);
    const reg = summary.sections.find((s) => s.id === 'registrations')!;
    const table = (id: string) => Object.fromEntries(reg.tables.find((t) => t.id === id)!.rows.map((r) => [String(r.label), r.count] as const));
    expect(table('byKelurahan')).toMatchObject({ 'Kebon Kacang': 3, Gelora: 1, 'Di luar kecamatan': 1, Petamburan: 0, Jumlah: 5 });
    expect(table('byGender')).toEqual({ 'Laki-laki': 3, Perempuan: 2, Jumlah: 5 });
    expect(table('byTargetGroup')).toMatchObject({
      'Wirausaha pemula': 2,
      'Pencari kerja': 1,
      'Penyandang disabilitas': 1,
      'Keluarga miskin': 1,
      'Wirausaha naik kelas': 0,
    });
    expect(table('bySkpd')).toMatchObject({ 'PPKUKM (UKM)': 2, Sosial: 1, Parekraf: 1, KPKP: 1, Jumlah: 5 });
    expect(table('bySector')).toMatchObject({ 'C Industri Pengolahan': 2, 'I Penyediaan Akomodasi dan Makan Minum': 3, Jumlah: 5 });
  });

  it('agrees with direct SQL counts over the database', () => {
    const sqlCount = (q: string, ...p: unknown[]) => (app.sqlite.prepare(q).get(...p) as { n: number }).n;
    expect(figure(summary, 'registrations.registeredInMonth')).toBe(
      sqlCount("select count(*) n from members where registered_on between '2026-11-01' and '2026-11-30'"),
    );
    expect(figure(summary, 'registrations.membersTotal')).toBe(sqlCount("select count(*) n from members where registered_on <= '2026-11-30'"));
    const stages = summary.sections.find((s) => s.id === 'stages')!.tables[0].rows;
    for (const row of stages) {
      const code = String(row.label).slice(0, 2);
      expect(row.total).toBe(
        sqlCount("select count(*) n from member_stages where stage_code = ? and status = 'selesai' and completed_on <= '2026-11-30'", code),
      );
    }
    expect(stages.find((r) => String(r.label).startsWith('P4'))).toMatchObject({ inMonth: 1, total: 1 });
  });

  it('reports recovery and digital adoption from each business’s latest record', () => {
    expect(figure(summary, 'recovery.businessesRecorded')).toBe(2);
    expect(figure(summary, 'recovery.businessesAffected')).toBe(2);
    expect(figure(summary, 'recovery.businessesRecovered')).toBe(2);
    const digital = Object.fromEntries(summary.sections.find((s) => s.id === 'recovery')!.tables[0].rows.map((r) => [String(r.label), r.count] as const));
    expect(digital).toMatchObject({ 'Pembayaran QRIS': 2, 'Toko di marketplace': 1, 'Berjualan online': 1, 'Aplikasi pembukuan': 0 });
  });

  it('narrows to one kelurahan', async () => {
    const kel = await app.ok('reports.monthly', { month: '2026-11', kelurahan: KEBON_KACANG }, supervisor);
    expect(kel.scopeLabel).toBe('Kelurahan Kebon Kacang, Kecamatan Tanah Abang');
    expect(figure(kel, 'registrations.registeredInMonth')).toBe(3);
    expect(figure(kel, 'registrations.membersTotal')).toBe(4);
  });

  it('gives an empty month as a report of zeros', async () => {
    const empty = await app.ok('reports.monthly', { month: '2026-06' }, supervisor);
    for (const section of empty.sections.filter((s) => s.id !== 'registrations')) {
      // A share of nothing is no share at all: "–", not 0,0%.
      for (const f of section.figures) expect(f.value, `${section.id}.${f.id}`).toBe(f.type === 'percent' ? null : 0);
    }
    expect(figure(empty, 'registrations.registeredInMonth')).toBe(0);
  });

  it('refuses a future month, a kelurahan outside the office and the wrong role', async () => {
    const future = await app.call('reports.monthly', { month: '2026-12' }, supervisor);
    expect(future.status).toBe(400);
    expect(future.error.fields.month).toMatch(/^Bulan: Desember 2026 belum terjadi/);
    const outside = await app.call('reports.monthly', { month: '2026-11', kelurahan: MENTENG }, supervisor);
    expect(outside.status).toBe(400);
    expect(outside.error.fields.kelurahan).toMatch(/bukan wilayah Kecamatan Tanah Abang/);
    const bad = await app.call('reports.monthly', { month: '2026-13' }, supervisor);
    expect(bad.error.fields.month).toMatch(/TTTT-BB/);
    expect((await app.call('reports.monthly', { month: '2026-11' }, petugas)).status).toBe(403);
  });
});

describe('exports carry the same figures', () => {
  const exportAs = async (format: 'pdf' | 'xlsx' | 'csv') => {
    const r = await app.ok('reports.export', { month: '2026-11', format }, supervisor);
    return { ...r, bytes: Buffer.from(r.base64, 'base64') };
  };
  const allFigures = () => summary.sections.flatMap((s) => s.figures.map((f) => ({ section: s, f })));

  it('XLSX: one sheet per section, numbers stored as numbers, header frozen', async () => {
    const file = await exportAs('xlsx');
    expect(file.fileName).toBe('rekap-jakpreneur-2026-11.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBe(summary.sections.length);
    for (const { section, f } of allFigures()) {
      const sheet = wb.worksheets[summary.sections.indexOf(section)];
      let found: ExcelJS.CellValue | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === f.label) found = row.getCell(2).value;
      });
      // A figure without a value is a dash; any other is the number itself (percentages the
      // exact ratio, not a rounded percentage).
      expect(found, `${section.id}.${f.id}`).toBe(f.value ?? '–');
    }
    expect(wb.worksheets[0].views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    // Short, whole sheet names (a spreadsheet allows 31 characters).
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Pendaftaran (P1)',
      'Tahap 7P',
      'Pelatihan (P2)',
      'Pendampingan dan omzet',
      'Perizinan (P4)',
      'E-Order (P5)',
      'Permodalan (P7)',
      'Pemulihan dan digital',
    ]);
  });

  it('CSV: UTF-8 with BOM, semicolons, the same figures', async () => {
    const file = await exportAs('csv');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.bytes
      .toString('utf8')
      .slice(1)
      .split('\r\n')
      .map((l) => l.split(';'));
    for (const { f } of allFigures()) {
      const line = lines.find((l) => l[0] === f.label);
      expect(line, f.label).toBeDefined();
      expect(line![1]).toBe(f.value === null ? '–' : f.type === 'percent' ? formatPercentNumber(f.value) : String(f.value));
    }
  });

  it('PDF: letterhead, period, every figure as printed, signature block', async () => {
    const file = await exportAs('pdf');
    const text = (await extractPdfText(file.bytes)).join('\n');
    expect(text).toContain('KECAMATAN TANAH ABANG');
    expect(text).toContain('REKAP BULANAN PROGRAM JAKPRENEUR');
    expect(text).toContain('Kecamatan Tanah Abang — November 2026');
    for (const { f } of allFigures()) {
      expect(text, f.label).toContain(f.label);
      expect(text, f.label).toContain(formatValue(f.value, f.type));
    }
    expect(text).toContain('Mengetahui,');
    expect(text).toContain('NIP. 197203151998032004');
  });

  it('records every export in the audit log', async () => {
    const rows = await app.db.selectFrom('audit_log').select(['method', 'after']).where('entity', '=', 'reports').execute();
    expect(rows.map((r) => (JSON.parse(r.after!) as { export: string }).export).sort()).toEqual(['csv', 'pdf', 'xlsx']);
  });

  it('defuses spreadsheet formulas in CSV text cells', async () => {
    const { csvCell } = await import('../../../src-main/features/reports/export-csv');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+62812')).toBe("'+62812");
    expect(csvCell('Toko; Roti')).toBe('"Toko; Roti"');
  });
});
