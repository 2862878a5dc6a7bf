import type ExcelJS from 'exceljs';
import { streamingWorkbook } from '../../core/files/xlsx-write';
import { cellType, type MonthlySummary, type ReportRow, type ReportValue, type ValueType } from './model';
import { NO_VALUE, statusText } from './format';

// Number formats Excel and LibreOffice show with the reader's own separators (1.500.000 in id-ID).
const NUM_FMT: Record<ValueType, string | undefined> = {
  text: undefined,
  int: '#,##0',
  rupiah: '"Rp" #,##0',
  percent: '0.0%',
};

/**
 * Percentages arrive as exact ratios and are stored as they are, with a percent format, so the
 * spreadsheet computes with the true value; a share of nothing is the text "–", never 0%.
 */
const cellValue = (value: ReportValue | undefined): string | number => value ?? NO_VALUE;

/** A row's cell, or undefined where the row has none for the column (rows are plain records). */
const cellAt = (row: ReportRow, key: string): ReportValue | undefined => row[key];

/** Whole words only, within a spreadsheet's 31 characters: "Pendampingan dan omzet", not "…omzet bul". */
export function wholeWords(text: string, max: number): string {
  const clean = text
    .replace(/[\\/?*[\]:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length <= max) return clean;
  const words = clean.split(' ');
  let out = '';
  for (const w of words) {
    if ((out ? `${out} ${w}` : w).length > max) break;
    out = out ? `${out} ${w}` : w;
  }
  return out || clean.slice(0, max);
}

const sheetName = (section: { title: string; shortTitle?: string }, used: Set<string>) => {
  const base = wholeWords(section.shortTitle ?? section.title, 31);
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${wholeWords(base, 31 - String(i).length - 1)} ${i}`;
  used.add(name);
  return name;
};

/**
 * The summary as a workbook, one sheet per section, written with exceljs's streaming writer:
 * rows are committed as they are written, so memory does not grow with the data.
 */
export async function summaryToXlsx(summary: MonthlySummary): Promise<Buffer> {
  const { workbook, finish } = streamingWorkbook();
  workbook.created = new Date(summary.generatedAt);
  const used = new Set<string>();

  for (const section of summary.sections) {
    // The first header row: rows above it (titles, status and that header) stay in view when scrolling.
    const firstHeader = section.figures.length ? 5 : 6;
    const sheet = workbook.addWorksheet(sheetName(section, used), { views: [{ state: 'frozen', ySplit: firstHeader }] });
    sheet.columns = [{ width: 46 }, { width: 20 }, { width: 22 }, { width: 18 }, { width: 18 }, { width: 18 }];
    let r = 1;
    const add = (values: (string | number)[], style?: (row: ExcelJS.Row) => void) => {
      const row = sheet.getRow(r++);
      row.values = values;
      style?.(row);
      row.commit();
      return row;
    };
    const bold = (row: ExcelJS.Row) => {
      row.font = { bold: true };
    };
    add([section.title], (row) => {
      row.font = { bold: true, size: 13 };
    });
    add([`${summary.scopeLabel} — ${summary.monthLabel}`]);
    add([statusText(summary.status)], (row) => {
      row.font = { bold: true, color: { argb: summary.status.state === 'closed' ? 'FF1D5A2E' : 'FF8A4B00' } };
    });
    add([]);
    if (section.figures.length) {
      add(['Indikator', 'Nilai'], bold);
      for (const f of section.figures) {
        add([f.label, cellValue(f.value)], (row) => {
          const numFmt = NUM_FMT[f.type];
          if (numFmt && f.value !== null) row.getCell(2).numFmt = numFmt;
          if (f.value === null) row.getCell(2).alignment = { horizontal: 'right' };
        });
      }
      add([]);
    }
    for (const table of section.tables) {
      add([table.title], bold);
      add(
        table.columns.map((c) => c.label),
        (row) => {
          row.font = { bold: true };
          row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
        },
      );
      for (const data of table.rows) {
        add(
          table.columns.map((c) => (cellAt(data, c.key) === undefined ? '' : cellValue(data[c.key]))),
          (row) => {
            table.columns.forEach((c, i) => {
              const numFmt = NUM_FMT[cellType(c, data)];
              if (numFmt && typeof data[c.key] === 'number') row.getCell(i + 1).numFmt = numFmt;
              if (data[c.key] === null) row.getCell(i + 1).alignment = { horizontal: 'right' };
            });
            if (data[table.columns[0].key] === 'Jumlah') row.font = { bold: true };
          },
        );
      }
      add([]);
    }
    sheet.commit();
  }
  return finish();
}
