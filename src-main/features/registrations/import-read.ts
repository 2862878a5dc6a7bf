// Reading an uploaded member spreadsheet and checking every row against the rules: pure work
// that runs in the worker pool (see tasks.ts). What needs the database (NIKs already
// registered, likely duplicates) is checked afterwards by the caller.
import { AppError } from '../../core/api/errors';
import type { TaskControl } from '../../core/work/task';
import type { Reference } from './checks';
import { readTable, type UploadLimits } from './files';
import { convertRow, importFields, kelurahanIndex, suggestMapping, type ImportDefaults, type ImportFieldKey, type Mapping, type RowResult } from './import-rows';

export interface ReadImportInput {
  fileName: string;
  fileBase64: string;
  mapping?: Mapping;
  defaults: ImportDefaults;
  ref: Reference;
  officeKecamatan: string;
  today: string;
  limits: UploadLimits;
}

export interface ReadImport {
  headers: string[];
  suggested: Mapping;
  mapping: Mapping;
  /** The data rows as read (for the report of rows not imported). */
  body: string[][];
  /** Column of each mapped field. */
  columns: [ImportFieldKey, number][];
  results: RowResult[];
}

const refuse = (message: string, field = 'fileBase64', fieldMessage = message) => new AppError('bad_input', message, { [field]: fieldMessage });

export function readImport(input: ReadImportInput, control: TaskControl): ReadImport {
  // base64 of at most the limit's bytes: longer text is refused before it is decoded.
  if (input.fileBase64.length > Math.ceil(input.limits.maxFileBytes / 3) * 4 + 4) {
    throw refuse(`Berkas: lebih dari ${Math.round(input.limits.maxFileBytes / 1024 / 1024)} MB`);
  }
  let table: string[][];
  try {
    table = readTable(Buffer.from(input.fileBase64, 'base64'), input.fileName, input.limits, (done, total) => control.progress(done, total));
  } catch (e) {
    const message = `Berkas: ${e instanceof Error ? e.message : 'tidak dapat dibaca'}`;
    throw refuse(message);
  }
  control.throwIfCancelled();
  if (table.length < 2) throw refuse('Berkas: tidak ada baris data di bawah baris judul kolom.', 'fileBase64', 'Berkas: tidak ada baris data');
  const headers = table[0].map((h) => h.trim());
  const suggested = suggestMapping(headers);
  const mapping: Mapping = { ...suggested, ...(input.mapping ?? {}) };
  for (const [k, h] of Object.entries(mapping)) {
    if (h === '') delete mapping[k as ImportFieldKey];
    else if (!headers.includes(h)) throw refuse(`Pemetaan kolom: kolom "${h}" tidak ada di berkas.`, `mapping.${k}`, `Pemetaan kolom: kolom "${h}" tidak ada`);
  }
  const missing = importFields.filter((f) => f.required && !mapping[f.key] && !(f.key === 'birthDate' && mapping.birthPlaceDate));
  if (missing.length) {
    const names = missing.map((f) => f.label).join(', ');
    throw refuse(`Pemetaan kolom: kolom wajib belum dipetakan: ${names}.`, 'mapping', `Pemetaan kolom: belum dipetakan: ${names}`);
  }
  const columns = Object.entries(mapping).map(([k, h]) => [k as ImportFieldKey, headers.indexOf(h!)] as [ImportFieldKey, number]);
  const body = table.slice(1);
  const conv = { ref: input.ref, kelurahanByName: kelurahanIndex(input.ref, input.officeKecamatan), today: input.today, defaults: input.defaults };
  const results: RowResult[] = new Array(body.length);
  for (let i = 0; i < body.length; i++) {
    results[i] = convertRow(i + 2, cellsOf(body[i], columns), conv);
    if (i % 500 === 499) {
      control.throwIfCancelled();
      control.progress(i + 1, body.length);
    }
  }
  return { headers, suggested, mapping, body, columns, results };
}

export function cellsOf(row: string[], columns: [ImportFieldKey, number][]): Partial<Record<ImportFieldKey, string>> {
  const cells: Partial<Record<ImportFieldKey, string>> = {};
  for (const [k, col] of columns) cells[k] = row[col] ?? '';
  return cells;
}
