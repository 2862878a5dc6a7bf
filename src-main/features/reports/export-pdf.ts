import { createPdfDocument, drawLetterhead, FONT, pdfToBuffer } from '../../core/pdf/document';
import { formatDateId, formatRupiah } from '../../core/format';
import type { MonthlySummary, ReportTable, ValueType } from './model';

export interface ReportOffice {
  letterheadLines: string[];
  address: string;
  kecamatanNama: string;
  signatoryTitle: string;
  signatoryName: string;
  signatoryNip: string;
}

const nf = new Intl.NumberFormat('id-ID');
/** A value as printed: 1.500.000, Rp 1.500.000, 87,5%. */
export function formatValue(value: string | number, type: ValueType): string {
  if (typeof value !== 'number') return value;
  if (type === 'rupiah') return formatRupiah(value);
  if (type === 'percent') return `${value.toFixed(1).replace('.', ',')}%`;
  return nf.format(value).replace(/\u00a0/g, ' ');
}

const ACCENT = '#0b4f8a';

/** The monthly summary as a printable A4 report: letterhead, period, tables, charts, signature. */
export async function summaryToPdf(summary: MonthlySummary, office: ReportOffice, printedOn: string): Promise<Buffer> {
  const doc = createPdfDocument({ bufferPages: true, info: { Title: `Rekap Bulanan Jakpreneur ${summary.monthLabel}`, Subject: summary.scopeLabel } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  drawLetterhead(doc, { lines: office.letterheadLines, address: office.address });
  doc.moveDown(0.6);
  doc.font(FONT.sansBold, 13).text('REKAP BULANAN PROGRAM JAKPRENEUR', left, doc.y, { width, align: 'center' });
  doc.font(FONT.sans, 10.5).text(`${summary.scopeLabel} — ${summary.monthLabel}`, { width, align: 'center' });
  doc.moveDown(0.8);

  const drawTable = (table: ReportTable) => {
    const colWidths = table.columns.map((c, i) => (i === 0 ? width * 0.46 : (width * 0.54) / (table.columns.length - 1)));
    const rowH = 15;
    const drawRow = (cells: string[], opts: { bold?: boolean; fill?: string }) => {
      ensure(rowH);
      const y = doc.y;
      if (opts.fill) doc.rect(left, y, width, rowH).fill(opts.fill);
      let x = left;
      doc.fillColor('#111').font(opts.bold ? FONT.sansBold : FONT.sans, 8.5);
      cells.forEach((cell, i) => {
        doc.text(cell, x + 3, y + 3.5, { width: colWidths[i] - 6, align: i === 0 ? 'left' : 'right', lineBreak: false, ellipsis: true });
        x += colWidths[i];
      });
      doc.moveTo(left, y + rowH).lineTo(left + width, y + rowH).lineWidth(0.4).strokeColor('#c8d0da').stroke();
      doc.x = left;
      doc.y = y + rowH;
    };
    ensure(rowH * 3 + 14);
    doc.font(FONT.sansBold, 9.5).fillColor('#111').text(table.title, left, doc.y);
    doc.moveDown(0.2);
    drawRow(table.columns.map((c) => c.label), { bold: true, fill: '#e8eef5' });
    for (const row of table.rows) {
      const isTotal = row[table.columns[0].key] === 'Jumlah';
      drawRow(table.columns.map((c) => formatValue(row[c.key] ?? '', c.type)), { bold: isTotal });
    }
    doc.moveDown(0.5);
    if (table.chartKey) drawBars(table, table.chartKey);
  };

  // Horizontal bars: labels stay readable however many kelurahan or stages there are.
  const drawBars = (table: ReportTable, key: string) => {
    const rows = table.rows.filter((r) => r[table.columns[0].key] !== 'Jumlah');
    const max = Math.max(1, ...rows.map((r) => Number(r[key]) || 0));
    const barH = 9;
    const gap = 4;
    const labelW = width * 0.34;
    const barW = width - labelW - 60;
    ensure(rows.length * (barH + gap) + 10);
    let y = doc.y;
    doc.font(FONT.sans, 7.5);
    for (const r of rows) {
      const value = Number(r[key]) || 0;
      doc.fillColor('#333').text(String(r[table.columns[0].key]), left, y + 1, { width: labelW - 6, align: 'right', lineBreak: false, ellipsis: true });
      doc.rect(left + labelW, y, Math.max(0.5, (value / max) * barW), barH).fill(ACCENT);
      doc.fillColor('#333').text(formatValue(value, table.columns.find((c) => c.key === key)?.type ?? 'int'), left + labelW + (value / max) * barW + 4, y + 1, { lineBreak: false });
      y += barH + gap;
    }
    doc.x = left;
    doc.y = y + 8;
  };

  for (const section of summary.sections) {
    ensure(60);
    doc.moveDown(0.3);
    doc.font(FONT.sansBold, 11).fillColor(ACCENT).text(section.title.toUpperCase(), left, doc.y, { width });
    doc.fillColor('#111');
    doc.moveDown(0.3);
    if (section.figures.length) {
      drawTable({
        id: `${section.id}-figures`,
        title: 'Indikator utama',
        columns: [
          { key: 'label', label: 'Indikator', type: 'text' },
          { key: 'value', label: 'Nilai', type: 'text' },
        ],
        rows: section.figures.map((f) => ({ label: f.label, value: formatValue(f.value, f.type) })),
      });
    }
    for (const table of section.tables) drawTable(table);
  }

  // Signature of the head of the office, who signs the report sent upward.
  ensure(120);
  doc.moveDown(1);
  const sx = left + width - 230;
  const sy = doc.y;
  doc.font(FONT.sans, 10).fillColor('#111');
  doc.text(`Jakarta, ${formatDateId(printedOn)}`, sx, sy, { width: 230, align: 'center' });
  doc.text('Mengetahui,', { width: 230, align: 'center' });
  doc.text(office.signatoryTitle, { width: 230, align: 'center' });
  doc.moveDown(3.5);
  doc.font(FONT.sansBold, 10).text(office.signatoryName, { width: 230, align: 'center', underline: true });
  doc.font(FONT.sans, 10).text(`NIP. ${office.signatoryNip}`, { width: 230, align: 'center' });

  // Page numbers, so a printed report can be put back in order.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin meanwhile.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT.sans, 7.5).fillColor('#666').text(`Rekap Bulanan ${summary.monthLabel} — halaman ${i + 1} dari ${range.count}`, left, doc.page.height - 30, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  return pdfToBuffer(doc);
}
