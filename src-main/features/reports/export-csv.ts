import { cellType, type MonthlySummary, type ReportColumn, type ReportRow, type ReportValue, type ValueType } from './model';
import { formatPercentNumber, NO_VALUE, stateWord, statusText } from './format';

// CSV for other systems and for Excel in Indonesian settings: UTF-8 with a BOM (so Excel reads
// the encoding), semicolons (the list separator where the comma is the decimal mark), and every
// text cell that a spreadsheet would take for a formula defused with a leading apostrophe.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: ReportValue | undefined, type: ValueType = 'text'): string {
  let text: string;
  if (value === null || value === undefined) text = NO_VALUE;
  else if (typeof value === 'number') text = type === 'percent' ? formatPercentNumber(value) : String(value);
  else text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A row's cell, or undefined where the row has none for the column (rows are plain records). */
const cellAt = (row: ReportRow, key: string): ReportValue | undefined => row[key];

const line = (cells: string[]) => cells.join(';');

export function summaryToCsv(summary: MonthlySummary): Buffer {
  const lines: string[] = [
    line(['Rekap Bulanan Jakpreneur', csvCell(summary.scopeLabel), csvCell(summary.monthLabel), summary.month]),
    line(['Status', stateWord(summary.status), csvCell(statusText(summary.status))]),
    '',
  ];
  for (const section of summary.sections) {
    lines.push(line(['Bagian', csvCell(section.title)]));
    if (section.figures.length) {
      lines.push(line(['Indikator', 'Nilai']));
      for (const f of section.figures) lines.push(line([csvCell(f.label), csvCell(f.value, f.type)]));
    }
    for (const table of section.tables) {
      lines.push('');
      lines.push(line(['Tabel', csvCell(table.title)]));
      lines.push(line(table.columns.map((c: ReportColumn) => csvCell(c.label))));
      for (const row of table.rows) lines.push(line(table.columns.map((c) => csvCell(cellAt(row, c.key) === undefined ? '' : row[c.key], cellType(c, row)))));
    }
    lines.push('');
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]);
}
