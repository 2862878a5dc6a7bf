import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NUMBER_PRECISION_LOST, readXlsxRows, SheetProblem } from '../../../src-main/core/files/xlsx-read';

const limits = { maxUncompressedBytes: 10 * 1024 * 1024, maxRows: 100, maxColumns: 20 };

async function workbook(fill: (ws: ExcelJS.Worksheet) => void, options: { sharedStrings?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Pertama'));
  wb.addWorksheet('Kedua').addRow(['tidak dibaca']);
  if (options.sharedStrings === false) {
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const w = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
    const ws = w.addWorksheet('Pertama');
    fill(ws);
    ws.commit();
    await w.commit();
    return Buffer.concat(chunks);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading the first worksheet of an XLSX', () => {
  for (const sharedStrings of [true, false]) {
    it(`reads text, numbers, dates, booleans, rich text and formula results as cell text (${sharedStrings ? 'shared' : 'inline'} strings)`, async () => {
      const file = await workbook(
        (ws) => {
          ws.addRow(['NIK', 'Nama', 'Lahir', 'Modal', 'Aktif', 'Catatan', 'Rumus']);
          const r = ws.addRow([
            '3171075204850001',
            'Siti & "Aminah" <Bu>',
            new Date(Date.UTC(1985, 3, 12)),
            1500000.5,
            true,
            { richText: [{ text: 'Warung ' }, { font: { bold: true }, text: 'Bu Siti' }] },
            { formula: 'D2*2', result: 3000001 },
          ]);
          r.getCell(3).numFmt = 'dd/mm/yyyy';
          ws.addRow([]);
          ws.addRow([3171075204850001, 'Angka', null, null, false]);
          const gap = ws.getRow(5);
          gap.getCell(1).value = 'A';
          gap.getCell(4).value = 'D';
          gap.commit();
        },
        { sharedStrings },
      );
      const rows = readXlsxRows(file, limits);
      expect(rows[0]).toEqual(['NIK', 'Nama', 'Lahir', 'Modal', 'Aktif', 'Catatan', 'Rumus']);
      expect(rows[1]).toEqual(['3171075204850001', 'Siti & "Aminah" <Bu>', '1985-04-12', '1500000.5', 'ya', 'Warung Bu Siti', '3000001']);
      // The empty row is left out; a 16-digit number lost its last digit in Excel: flagged.
      expect(rows[2][0].startsWith(NUMBER_PRECISION_LOST)).toBe(true);
      expect(rows[2].slice(1)).toEqual(['Angka', '', '', 'tidak']);
      expect(rows[3]).toEqual(['A', '', '', 'D']);
      expect(rows).toHaveLength(4);
    });
  }

  it('counts rows and columns as it reads and refuses past the limits', async () => {
    const many = await workbook((ws) => {
      for (let i = 0; i < 101; i++) ws.addRow([`baris ${i}`]);
    });
    expect(() => readXlsxRows(many, limits)).toThrow(
      new SheetProblem({
        id: 'lembar kerja memuat lebih dari 99 baris data; pecah berkasnya',
        en: 'the worksheet holds more than 99 data rows; split the file',
      }),
    );
    const wide = await workbook((ws) => {
      ws.getRow(1).getCell(21).value = 'jauh di kanan';
    });
    expect(() => readXlsxRows(wide, limits)).toThrow(
      new SheetProblem({ id: 'lembar kerja memuat lebih dari 20 kolom', en: 'the worksheet holds more than 20 columns' }),
    );
  });

  it('refuses what is not an XLSX', () => {
    expect(() => readXlsxRows(Buffer.from('PK\u0003\u0004garbage'), limits)).toThrow(SheetProblem);
    expect(() => readXlsxRows(Buffer.alloc(100), limits)).toThrow(/direktori ZIP tidak ditemukan/);
  });
});
