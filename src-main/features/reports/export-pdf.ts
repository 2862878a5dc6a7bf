import { createPdfDocument, drawLetterhead, FONT, pdfToBuffer } from '../../core/pdf/document';
import { formatDateId } from '../../core/format';
import { formatValue, stateWord, statusText } from './format';
import type { MonthlySummary, ReportTable } from './model';
import { drawRow, measureTable } from './pdf-table';

export { formatValue };

export interface ReportOffice {
  letterheadLines: string[];
  address: string;
  kecamatanNama: string;
  signatoryTitle: string;
  signatoryName: string;
  signatoryNip: string;
}

const ACCENT = '#0b4f8a';
const HEADER_FILL = '#e8eef5';
const SIGNATURE_WIDTH = 230;
const BAR_HEIGHT = 9;
const BAR_GAP = 4;

/** A section's headline figures as a two-column table, each value printed by its own type. */
function figuresTable(section: MonthlySummary['sections'][number]): ReportTable {
  return {
    id: `${section.id}-figures`,
    title: 'Indikator utama',
    columns: [
      { key: 'label', label: 'Indikator', type: 'text' },
      { key: 'value', label: 'Nilai', type: 'int', typeKey: 'type' },
    ],
    rows: section.figures.map((f) => ({ label: f.label, value: f.value, type: f.type })),
  };
}

/**
 * The monthly summary as a printable A4 report: letterhead, period and status, tables (columns
 * sized to their content, long labels wrapped in their cell, the header repeated on every page
 * a table continues on), bar charts, and the signature block. A pure function of its data.
 */
export async function summaryToPdf(summary: MonthlySummary, office: ReportOffice, printedOn: string): Promise<Buffer> {
  const doc = createPdfDocument({ bufferPages: true, info: { Title: `Rekap Bulanan Jakpreneur ${summary.monthLabel}`, Subject: summary.scopeLabel } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const pageHeight = () => bottom() - doc.page.margins.top;
  const ensure = (height: number) => {
    if (doc.y + height > bottom() && doc.y > doc.page.margins.top + 1) {
      doc.addPage();
      doc.y = doc.page.margins.top;
    }
  };

  drawLetterhead(doc, { lines: office.letterheadLines, address: office.address });
  doc.moveDown(0.6);
  doc.font(FONT.sansBold, 13).fillColor('#111111').text('REKAP BULANAN PROGRAM JAKPRENEUR', left, doc.y, { width, align: 'center' });
  doc.font(FONT.sans, 10.5).text(`${summary.scopeLabel} — ${summary.monthLabel}`, left, doc.y, { width, align: 'center' });
  doc
    .font(FONT.sansBold, 9)
    .fillColor(summary.status.state === 'closed' ? '#1d5a2e' : '#8a4b00')
    .text(statusText(summary.status), left, doc.y + 2, { width, align: 'center' });
  doc.fillColor('#111111');
  doc.moveDown(0.8);

  const titleHeight = (text: string, size: number, bold = true) => {
    doc.font(bold ? FONT.sansBold : FONT.sans, size);
    return doc.heightOfString(text, { width });
  };

  /** Height a table needs to start: its title, header and first two rows stay together. */
  const tableStart = (table: ReportTable) => {
    const m = measureTable(doc, table, width);
    return titleHeight(table.title, 9.5) + 3 + m.headerHeight + (m.rowHeights[0] ?? 0) + (m.rowHeights[1] ?? 0);
  };

  const chartHeight = (table: ReportTable) => table.rows.filter((r) => r[table.columns[0].key] !== 'Jumlah').length * (BAR_HEIGHT + BAR_GAP) + 14;

  /** Draws a table; `keep` is the height of what must follow its last rows on the same page. */
  const drawTable = (table: ReportTable, keep: number) => {
    const m = measureTable(doc, table, width);
    const heading = (continued: boolean) => {
      const title = continued ? `${table.title} (lanjutan)` : table.title;
      doc.font(FONT.sansBold, 9.5).fillColor('#111111').text(title, left, doc.y, { width });
      doc.y += 3;
      const top = doc.y;
      drawRow(doc, m, left, top, m.headerHeight, m.header, { bold: true, fill: HEADER_FILL, header: true });
      doc.y = top + m.headerHeight;
    };
    ensure(tableStart(table));
    heading(false);
    const last = m.rows.length - 1;
    m.rows.forEach((row, i) => {
      const h = m.rowHeights[i];
      // The last two rows go together, and with whatever must follow them (chart, signature).
      let need = h;
      if (i === last - 1) need = h + m.rowHeights[last] + keep;
      else if (i === last) need = h + keep;
      if (need > pageHeight() - 60) need = h;
      if (doc.y + need > bottom()) {
        doc.addPage();
        doc.y = doc.page.margins.top;
        heading(true);
      }
      const top = doc.y;
      drawRow(doc, m, left, top, h, row.cells, { bold: row.bold });
      doc.y = top + h;
    });
    doc.x = left;
    doc.y += 8;
  };

  // Horizontal bars: labels stay readable however many kelurahan or stages there are.
  const drawBars = (table: ReportTable, key: string, keep: number) => {
    const rows = table.rows.filter((r) => r[table.columns[0].key] !== 'Jumlah');
    const type = table.columns.find((c) => c.key === key)?.type ?? 'int';
    const max = Math.max(1, ...rows.map((r) => Number(r[key]) || 0));
    doc.font(FONT.sans, 7.5);
    const labels = rows.map((r) => String(r[table.columns[0].key]));
    const labelW = Math.min(width * 0.45, Math.max(...labels.map((l) => doc.widthOfString(l))) + 8);
    const valueW = Math.max(...rows.map((r) => doc.widthOfString(formatValue(Number(r[key]) || 0, type)))) + 6;
    const barW = width - labelW - valueW;
    ensure(chartHeight(table) + keep);
    let y = doc.y;
    rows.forEach((r, i) => {
      const value = Number(r[key]) || 0;
      doc.fillColor('#333333').text(labels[i], left, y + 1, { width: labelW - 8, align: 'right', lineBreak: false, ellipsis: true, height: BAR_HEIGHT + 1 });
      const w = Math.max(0.5, (value / max) * barW);
      doc
        .save()
        .rect(left + labelW, y, w, BAR_HEIGHT)
        .fill(ACCENT)
        .restore();
      doc.fillColor('#333333').text(formatValue(value, type), left + labelW + w + 4, y + 1, { lineBreak: false });
      y += BAR_HEIGHT + BAR_GAP;
    });
    doc.x = left;
    doc.y = y + 10;
  };

  // The signature block and its height, so that the last table or chart can keep it company.
  doc.font(FONT.sans, 10);
  const line = doc.currentLineHeight(true);
  const signatureHeight = 12 + line * 3 + line * 3.5 + line * 2;

  interface Block {
    height: () => number;
    draw: (keep: number) => void;
  }
  const blocks: { sectionTitle?: string; block: Block }[] = [];
  for (const section of summary.sections) {
    const tables = [...(section.figures.length ? [figuresTable(section)] : []), ...section.tables];
    tables.forEach((table, i) => {
      blocks.push({
        sectionTitle: i === 0 ? section.title : undefined,
        block: { height: () => tableStart(table), draw: (keep) => drawTable(table, table.chartKey ? 0 : keep) },
      });
      if (table.chartKey) {
        const key = table.chartKey;
        blocks.push({ block: { height: () => chartHeight(table), draw: (keep) => drawBars(table, key, keep) } });
      }
    });
  }
  blocks.forEach(({ sectionTitle, block }, i) => {
    const keep = i === blocks.length - 1 ? signatureHeight : 0;
    if (sectionTitle) {
      const h = titleHeight(sectionTitle.toUpperCase(), 11) + 8;
      ensure(h + block.height());
      doc.y += 4;
      doc.font(FONT.sansBold, 11).fillColor(ACCENT).text(sectionTitle.toUpperCase(), left, doc.y, { width });
      doc.fillColor('#111111');
      doc.y += 4;
    }
    block.draw(keep);
  });

  // Signature of the head of the office, who signs the report sent upward.
  ensure(signatureHeight);
  doc.y += 12;
  const sx = left + width - SIGNATURE_WIDTH;
  doc.font(FONT.sans, 10).fillColor('#111111');
  doc.text(`Jakarta, ${formatDateId(printedOn)}`, sx, doc.y, { width: SIGNATURE_WIDTH, align: 'center' });
  doc.text('Mengetahui,', sx, doc.y, { width: SIGNATURE_WIDTH, align: 'center' });
  doc.text(office.signatoryTitle, sx, doc.y, { width: SIGNATURE_WIDTH, align: 'center' });
  doc.y += line * 3.5;
  doc.font(FONT.sansBold, 10).text(office.signatoryName, sx, doc.y, { width: SIGNATURE_WIDTH, align: 'center', underline: true });
  doc.font(FONT.sans, 10).text(`NIP. ${office.signatoryNip}`, sx, doc.y, { width: SIGNATURE_WIDTH, align: 'center' });

  // Page numbers, so a printed report can be put back in order; the status on every page.
  const range = doc.bufferedPageRange();
  const state = stateWord(summary.status);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin meanwhile.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT.sans, 7.5)
      .fillColor('#666666')
      .text(`Rekap Bulanan ${summary.monthLabel} (${state}) — halaman ${i + 1} dari ${range.count}`, left, doc.page.height - 30, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
  return pdfToBuffer(doc);
}
