import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryToPdf, type ReportOffice } from '../../../src-main/features/reports/export-pdf';
import { formatValue } from '../../../src-main/features/reports/format';
import type { MonthlySummary, ReportTable } from '../../../src-main/features/reports/model';
import { makeTestApp, type TestApp } from '../../support/app';
import { extractPdfLayout, type PlacedText } from '../../support/pdf';

// The monthly report PDF measured as a reader sees it: where pdf.js places every run of text.
// It fails on text overlapping text (a wrapped amount running into the next row, a header over
// the first row), on a number split over two runs or lines ("Rp 45.000" / ".000"), on a table
// continued on a page without its header, and on a page holding only a stray value.

const office: ReportOffice = {
  letterheadLines: ['PEMERINTAH PROVINSI DAERAH KHUSUS JAKARTA', 'KOTA ADMINISTRASI JAKARTA PUSAT', 'KECAMATAN TANAH ABANG'],
  address: 'Jl. K.H. Mas Mansyur No. 7, Kebon Kacang, Tanah Abang, Jakarta Pusat',
  kecamatanNama: 'Tanah Abang',
  signatoryTitle: 'Camat Tanah Abang',
  signatoryName: 'Dra. Maria Ulfa, M.Si.',
  signatoryNip: '197203151998032004',
};

type Page = Awaited<ReturnType<typeof extractPdfLayout>>[number];

/** Two runs overlap when their boxes share more than a sliver (touching lines are fine). */
function overlaps(a: PlacedText, b: PlacedText): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0.5 && h > 1;
}

function overlapsOn(page: Page): string[] {
  const found: string[] = [];
  for (let i = 0; i < page.items.length; i++) {
    for (let j = i + 1; j < page.items.length; j++) {
      if (overlaps(page.items[i], page.items[j])) found.push(`"${page.items[i].str}" × "${page.items[j].str}"`);
    }
  }
  return found;
}

/** The page's lines: runs on the same baseline (within a point), left to right, joined by a space. */
function linesOf(page: Page): string[] {
  const sorted = [...page.items].sort((a, b) => a.top - b.top || a.x - b.x);
  const lines: PlacedText[][] = [];
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l[0].top - item.top) < 1);
    if (line) line.push(item);
    else lines.push([item]);
  }
  return lines.map((l) => l.sort((a, b) => a.x - b.x).map((i) => i.str).join(' '));
}

/** Every number printed in the tables: each must sit whole inside one run of text. */
function numbersOf(summary: MonthlySummary): string[] {
  const out = new Set<string>();
  for (const section of summary.sections) {
    for (const f of section.figures) if (f.type !== 'text') out.add(formatValue(f.value, f.type));
    for (const t of section.tables) for (const row of t.rows) for (const c of t.columns) if (c.type !== 'text' && row[c.key] !== null) out.add(formatValue(row[c.key], c.type));
  }
  return [...out].filter((n) => /\d/.test(n));
}

const FOOTER = /^Rekap Bulanan .* halaman \d+ dari \d+$/;

async function checkLayout(summary: MonthlySummary, longTables: ReportTable[] = []) {
  const pdf = await summaryToPdf(summary, office, '2026-12-01');
  const pages = await extractPdfLayout(pdf);
  const problems: string[] = [];
  pages.forEach((page, p) => {
    for (const o of overlapsOn(page)) problems.push(`page ${p + 1}: overlap ${o}`);
    for (const item of page.items) {
      if (item.x < 20 || item.x + item.width > page.width - 20 || item.top < 10 || item.top + item.height > page.height - 10) problems.push(`page ${p + 1}: "${item.str}" outside the page`);
      // A wrapped amount leaves a run that starts or ends inside the number.
      if (/^[.,]\d/.test(item.str.trim()) || /(^|\s)Rp$/.test(item.str.trim()) || /\d\.$/.test(item.str.trim())) problems.push(`page ${p + 1}: split number "${item.str}"`);
    }
    const content = page.items.filter((i) => !FOOTER.test(i.str.trim()));
    if (content.length < 6) problems.push(`page ${p + 1}: only ${content.map((i) => `"${i.str}"`).join(', ')}`);
  });
  const runs = pages.flatMap((page) => page.items.map((i) => i.str));
  for (const n of numbersOf(summary)) if (!runs.some((r) => r.includes(n))) problems.push(`number ${n} not printed whole`);

  // A table continued on a later page starts there with its header again. Rows are recognised
  // by labels no other table uses ("Jumlah" closes them all).
  const labelsOf = (t: ReportTable) => t.rows.map((r) => String(r[t.columns[0].key]));
  const allTables = summary.sections.flatMap((s) => s.tables);
  for (const table of longTables) {
    const header = table.columns.map((c) => c.label).join(' ');
    const own = table.rows.filter((r) => {
      const l = String(r[table.columns[0].key]);
      return l !== 'Jumlah' && allTables.every((t) => t === table || !labelsOf(t).includes(l));
    });
    // A row's first line: the start of its label, then its first value on the same line.
    const rowStarts = own.map((r) => [String(r[table.columns[0].key]).split(' ').slice(0, 2).join(' '), formatValue(r[table.columns[1].key], table.columns[1].type)] as const);
    pages.forEach((page, p) => {
      const lines = linesOf(page);
      const rowLine = lines.findIndex((l) => rowStarts.some(([label, value]) => l.startsWith(label) && l.includes(` ${value}`)));
      if (rowLine < 0) return;
      // The header line(s) just above: every header word appears before the first row.
      const above = lines.slice(Math.max(0, rowLine - 4), rowLine).join(' ');
      if (!header.split(' ').every((w) => above.includes(w))) problems.push(`page ${p + 1}: rows of "${table.title}" without its header`);
    });
  }
  return { problems, pages };
}

const long = 'Usaha kuliner rumahan dan katering nasi kotak untuk rapat kantor pemerintahan (binaan PPKUKM)';

function heavySummary(): { summary: MonthlySummary; table: ReportTable } {
  const table: ReportTable = {
    id: 'perPendamping',
    title: 'Rekap omzet per pendamping',
    columns: [
      { key: 'label', label: 'Pendamping', type: 'text' },
      { key: 'members', label: 'Anggota', type: 'int' },
      { key: 'reported', label: 'Usaha melapor', type: 'int' },
      { key: 'turnover', label: 'Omzet', type: 'rupiah' },
      { key: 'delivered', label: 'Nilai pengiriman diterima', type: 'rupiah' },
      { key: 'share', label: '% ketepatan', type: 'percent' },
    ],
    rows: Array.from({ length: 70 }, (_, i) => ({
      label: i % 4 === 0 ? `${long} ${i + 1}` : `Pendamping ${i + 1} Kelurahan Kebon Kacang`,
      members: 1234 + i,
      reported: 987 + i,
      turnover: 45_000 + i * 123_456_789,
      delivered: 98_765_432_100 + i,
      share: i % 5 === 0 ? null : (i % 7) / 7,
    })),
  };
  table.rows.push({ label: 'Jumlah', members: 99_999, reported: 88_888, turnover: 987_654_321_098, delivered: 9_876_543_210_987, share: 0.5 });
  const summary: MonthlySummary = {
    month: '2026-11',
    monthLabel: 'November 2026',
    scopeLabel: 'Kecamatan Tanah Abang',
    kelurahan: null,
    generatedAt: '2026-12-01T02:00:00.000Z',
    status: { state: 'closed', closedAt: '2026-12-01T02:00:00.000Z', closedBy: 'Hendra Wijaya, S.E.' },
    sections: [
      {
        id: 'orders',
        title: 'E-Order (P5)',
        figures: [
          { id: 'received', label: 'Pesanan diterima', value: 1234, type: 'int' },
          { id: 'orderedValue', label: 'Nilai pesanan diterima dari perangkat daerah dan badan usaha milik daerah selama bulan ini', value: 45_000_000_000, type: 'rupiah' },
          { id: 'onTimeShare', label: 'Pengiriman tepat waktu', value: null, type: 'percent' },
        ],
        tables: [table],
      },
      {
        id: 'stages',
        title: 'Anggota per tahap 7P',
        figures: [],
        tables: [
          {
            id: 'stages',
            title: 'Tahap 7P yang dicapai anggota',
            columns: [
              { key: 'label', label: 'Tahap', type: 'text' },
              { key: 'inMonth', label: 'Dicapai bulan ini', type: 'int' },
              { key: 'total', label: 'Dicapai s.d. akhir bulan', type: 'int' },
              { key: 'share', label: '% dari anggota', type: 'percent' },
            ],
            rows: ['P1 Pendaftaran', 'P2 Pelatihan', 'P3 Pendampingan', 'P4 Perizinan', 'P5 Pemasaran', 'P6 Pelaporan Keuangan', 'P7 Permodalan'].map((label, i) => ({ label, inMonth: 12 * i, total: 4500 - i * 300, share: (4500 - i * 300) / 4500 })),
            chartKey: 'total',
          },
        ],
      },
    ],
  };
  return { summary, table };
}

describe('monthly report PDF layout', () => {
  it('sizes columns to their content, wraps long labels in their cell, repeats the header on every page of a long table, leaves no stray page', async () => {
    const { summary, table } = heavySummary();
    const { problems, pages } = await checkLayout(summary, [table]);
    expect(problems).toEqual([]);
    expect(pages.length).toBeGreaterThan(2);
    // The long label is printed in full, over several lines of its cell.
    const text = pages.flatMap((p) => p.items.map((i) => i.str)).join(' ');
    for (const word of long.split(' ')) expect(text).toContain(word);
  });

  describe('with an office’s real figures', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await makeTestApp('2026-11-28T02:00:00.000Z');
      await app.setup();
    });
    afterAll(async () => {
      await app.dispose();
    });
    it('prints the summary of a month without overlaps or split numbers', async () => {
      const admin = await app.login('admin', 'RahasiaAdmin1');
      const summary = await app.ok<MonthlySummary>('reports.monthly', { month: '2026-11' }, admin);
      const { problems } = await checkLayout(summary, summary.sections.flatMap((s) => s.tables).filter((t) => t.rows.length > 0));
      expect(problems).toEqual([]);
    });
  });
});
