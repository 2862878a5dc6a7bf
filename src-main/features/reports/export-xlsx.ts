import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { MonthlySummary, ValueType } from './model';

// Number formats Excel and LibreOffice show with the reader's own separators (1.500.000 in id-ID).
const NUM_FMT: Record<ValueType, string | undefined> = {
  text: undefined,
  int: '#,##0',
  rupiah: '"Rp" #,##0',
  percent: '0.0%',
};

/** Percentages are stored as fractions so the cell is a real percentage in the spreadsheet. */
const cellValue = (value: string | number, type: ValueType) => (type === 'percent' && typeof value === 'number' ? value / 100 : value);

const sheetName = (title: string, used: Set<string>) => {
  let name = title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31).trim();
  for (let i = 2; used.has(name); i++) name = `${name.slice(0, 28)} ${i}`;
  used.add(name);
  return name;
};

/**
 * The summary as a workbook, one sheet per section, written with exceljs's streaming writer:
 * rows are committed as they are written, so memory does not grow with the data.
 */
export async function summaryToXlsx(summary: MonthlySummary): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Jakpreneur Desk';
  workbook.created = new Date(summary.generatedAt);
  const used = new Set<string>();

  for (const section of summary.sections) {
    // The first header row: rows above it (titles and that header) stay in view when scrolling.
    const firstHeader = section.figures.length ? 4 : 5;
    const sheet = workbook.addWorksheet(sheetName(section.title, used), { views: [{ state: 'frozen', ySplit: firstHeader }] });
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
    add([]);
    if (section.figures.length) {
      add(['Indikator', 'Nilai'], bold);
      for (const f of section.figures) {
        add([f.label, cellValue(f.value, f.type)], (row) => {
          if (NUM_FMT[f.type]) row.getCell(2).numFmt = NUM_FMT[f.type]!;
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
          table.columns.map((c) => cellValue(data[c.key] ?? '', c.type)),
          (row) => {
            table.columns.forEach((c, i) => {
              if (NUM_FMT[c.type]) row.getCell(i + 1).numFmt = NUM_FMT[c.type]!;
            });
            if (data[table.columns[0].key] === 'Jumlah') row.font = { bold: true };
          },
        );
      }
      add([]);
    }
    sheet.commit();
  }
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
