import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryToPdf, type ReportOffice } from '../../../src-main/features/reports/export-pdf';
import type { MonthlySummary, ReportTable } from '../../../src-main/features/reports/model';
import { makeTestApp, type TestApp } from '../../support/app';
import { reportLayoutProblems } from '../../support/report-layout';

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

async function checkLayout(summary: MonthlySummary, longTables: ReportTable[] = []) {
  return reportLayoutProblems(await summaryToPdf(summary, office, '2026-12-01'), summary, longTables);
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
          {
            id: 'orderedValue',
            label: 'Nilai pesanan diterima dari perangkat daerah dan badan usaha milik daerah selama bulan ini',
            value: 45_000_000_000,
            type: 'rupiah',
          },
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
            rows: ['P1 Pendaftaran', 'P2 Pelatihan', 'P3 Pendampingan', 'P4 Perizinan', 'P5 Pemasaran', 'P6 Pelaporan Keuangan', 'P7 Permodalan'].map(
              (label, i) => ({ label, inMonth: 12 * i, total: 4500 - i * 300, share: (4500 - i * 300) / 4500 }),
            ),
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
      const admin = await app.login('admin', 'KunciPintuDepan71');
      const summary = await app.ok('reports.monthly', { month: '2026-11' }, admin);
      const { problems } = await checkLayout(
        summary,
        summary.sections.flatMap((s) => s.tables).filter((t) => t.rows.length > 0),
      );
      expect(problems).toEqual([]);
    });
  });
});
