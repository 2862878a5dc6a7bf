import ExcelJS from 'exceljs';

/** A cell a spreadsheet would run as a formula is prefixed with ' (CSV injection). */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** CSV as Indonesian Excel opens it: UTF-8 with BOM, semicolons, CRLF, formula-safe cells. */
export function toCsv(header: string[], rows: unknown[][]): Buffer {
  const line = (cells: unknown[]) =>
    cells
      .map((c) => {
        const s = safeCell(c);
        return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(';');
  const text = [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

export async function toXlsx(sheetName: string, header: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jakpreneur Desk';
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((c) => (c === null || c === undefined ? '' : c)));
  ws.columns.forEach((col, i) => {
    const longest = Math.max(header[i]?.length ?? 8, ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
    col.width = Math.min(50, Math.max(10, longest + 2));
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface FileOut {
  fileName: string;
  mimeType: string;
  base64: string;
}

export const mimeTypes = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Reads a spreadsheet (first sheet) or a CSV into rows of cell text. */
export async function readTable(buffer: Buffer, fileName: string): Promise<string[][]> {
  const isXlsx = buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b; // ZIP: PK
  if (isXlsx) return readXlsx(buffer);
  if (/\.xlsx?$/i.test(fileName)) throw new Error('Berkas bukan XLSX yang sah (simpan ulang sebagai .xlsx atau .csv).');
  return parseCsv(decodeText(buffer));
}

function decodeText(buffer: Buffer): string {
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Old Excel saves CSV in Windows-1252: undecodable bytes show as U+FFFD; read as latin1 then.
  if (text.includes('\ufffd')) text = buffer.toString('latin1');
  if (text.includes('\u0000')) throw new Error('Berkas bukan teks CSV.');
  return text;
}

/** RFC 4180 CSV with the separator guessed from the header line (; , or tab). */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [';', ',', '\t'].map((s) => [s, firstLine.split(s).length] as const);
  const sep = counts.sort((a, b) => b[1] - a[1])[0][0];
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new Error('Berkas XLSX rusak atau tidak dapat dibaca.');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('Berkas XLSX tidak memuat lembar kerja.');
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (r) => {
    const cells: string[] = [];
    const count = r.cellCount;
    for (let c = 1; c <= count; c++) cells.push(cellText(r.getCell(c).value));
    if (cells.some((c) => c.trim() !== '')) rows.push(cells);
  });
  return rows;
}

/** Excel keeps 16-digit NIKs typed as numbers only to 15 significant digits: flag them. */
export const NUMBER_PRECISION_LOST = '\u0000angka-terpotong';

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) > 999_999_999_999_999) return NUMBER_PRECISION_LOST + String(BigInt(Math.round(v)));
    return Number.isInteger(v) ? String(v) : String(v);
  }
  if (typeof v === 'boolean') return v ? 'ya' : 'tidak';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  }
  return String(v);
}
