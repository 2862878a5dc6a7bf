import { FileProblem } from '../../core/files/problem';
import { streamingWorkbook } from '../../core/files/xlsx-write';
import type { TaskControl } from '../../core/work/task';
import { readXlsxRows } from '../../core/files/xlsx-read';

export { NUMBER_PRECISION_LOST } from '../../core/files/xlsx-read';

/** A cell a spreadsheet would run as a formula is prefixed with ' (CSV injection). */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
        ? String(value)
        : JSON.stringify(value);
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

/**
 * A one-sheet workbook: bold frozen header, columns sized to the first rows, streamed row by row.
 */
export async function toXlsx(sheetName: string, header: string[], rows: unknown[][], control?: TaskControl): Promise<Buffer> {
  const { workbook, finish } = streamingWorkbook();
  const ws = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = header.map((h, i) => {
    const longest = Math.max(h.length, ...rows.slice(0, 200).map((r) => String((r[i] as string | number | null | undefined) ?? '').length));
    return { width: Math.min(50, Math.max(10, longest + 2)) };
  });
  const head = ws.addRow(header);
  head.font = { bold: true };
  head.commit();
  for (let i = 0; i < rows.length; i++) {
    ws.addRow(rows[i].map((c) => c ?? '')).commit();
    if (control && i % 1000 === 999) {
      control.throwIfCancelled();
      control.progress(i + 1, rows.length);
    }
  }
  ws.commit();
  return finish();
}

/** A table as an XLSX or CSV file, base64: the work of an export, run in the worker pool. */
export async function writeTable(
  input: { format: 'xlsx' | 'csv'; sheetName: string; header: string[]; rows: unknown[][] },
  control: TaskControl,
): Promise<string> {
  const buffer = input.format === 'csv' ? toCsv(input.header, input.rows) : await toXlsx(input.sheetName, input.header, input.rows, control);
  control.progress(input.rows.length, input.rows.length);
  return buffer.toString('base64');
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

/** How much of an uploaded spreadsheet is read at most: checked before the work. */
export interface UploadLimits {
  /** The file as uploaded (for an XLSX: compressed). */
  maxFileBytes: number;
  /** An XLSX's worksheet, strings and styles once unpacked, together. */
  maxUncompressedBytes: number;
  /** Rows with data, the header row included. */
  maxRows: number;
  maxColumns: number;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/**
 * Reads a spreadsheet (first sheet) or a CSV into rows of cell text, within the limits; a file
 * over a limit is refused with the reason (a FileProblem, in words for the user).
 */
export function readTable(buffer: Buffer, fileName: string, limits: UploadLimits, onProgress?: (done: number, total: number) => void): string[][] {
  if (buffer.length > limits.maxFileBytes)
    throw new FileProblem({
      id: `berkas ${mb(buffer.length)}; paling banyak ${mb(limits.maxFileBytes)}`,
      en: `the file is ${mb(buffer.length)}; at most ${mb(limits.maxFileBytes)}`,
    });
  const isXlsx = buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b; // ZIP: PK
  if (isXlsx) return readXlsxRows(buffer, limits, onProgress);
  if (/\.xlsx?$/i.test(fileName))
    throw new FileProblem({ id: 'bukan XLSX yang sah (simpan ulang sebagai .xlsx atau .csv)', en: 'not a valid XLSX (save it again as .xlsx or .csv)' });
  const rows = parseCsv(decodeText(buffer), limits.maxRows + 1, limits.maxColumns);
  if (rows.length > limits.maxRows)
    throw new FileProblem({
      id: `berkas memuat lebih dari ${limits.maxRows - 1} baris data; pecah berkasnya`,
      en: `the file holds more than ${limits.maxRows - 1} data rows; split it`,
    });
  if (rows.some((r) => r.length > limits.maxColumns))
    throw new FileProblem({ id: `berkas memuat lebih dari ${limits.maxColumns} kolom`, en: `the file holds more than ${limits.maxColumns} columns` });
  return rows;
}

function decodeText(buffer: Buffer): string {
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Old Excel saves CSV in Windows-1252: undecodable bytes show as U+FFFD; read as latin1 then.
  if (text.includes('\ufffd')) text = buffer.toString('latin1');
  if (text.includes('\u0000')) throw new FileProblem({ id: 'bukan teks CSV', en: 'not CSV text' });
  return text;
}

/**
 * RFC 4180 CSV with the separator guessed from the header line (; , or tab). Stops after
 * `maxRows` rows, and at the first row longer than `maxColumns` (returned as it is so far).
 */
export function parseCsv(text: string, maxRows = Infinity, maxColumns = Infinity): string[][] {
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
      if (row.length > maxColumns) {
        rows.push(row);
        return rows;
      }
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      if (row.some((c) => c.trim() !== '')) rows.push(row);
      if (rows.length >= maxRows) return rows;
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    if (row.some((c) => c.trim() !== '')) rows.push(row);
  }
  return rows;
}
