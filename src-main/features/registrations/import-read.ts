// Reading an uploaded member spreadsheet and checking every row against the rules: pure work
// that runs in the worker pool (see tasks.ts). What needs the database (NIKs already
// registered, likely duplicates) is checked afterwards by the caller.
import { AppError } from '../../core/api/errors';
import { FileProblem } from '../../core/files/problem';
import { joinPhrases, type Phrase } from '../../../src-shared/i18n';
import type { TaskControl } from '../../core/work/task';
import type { Reference } from './checks';
import { readTable, type UploadLimits } from './files';
import {
  convertRow,
  importFields,
  kelurahanIndex,
  suggestMapping,
  type ImportDefaults,
  type ImportFieldKey,
  type Mapping,
  type RowResult,
} from './import-rows';

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

/** "Berkas: <what is wrong>" for a file that cannot be read. */
function unreadable(e: unknown): Phrase {
  const why = e instanceof FileProblem ? e.phrase : { id: 'tidak dapat dibaca', en: 'cannot be read' };
  return { id: `Berkas: ${why.id}`, en: `File: ${why.en}` };
}

const refuse = (message: Phrase, field = 'fileBase64', fieldMessage = message) => new AppError('bad_input', message, { [field]: fieldMessage });

export function readImport(input: ReadImportInput, control: TaskControl): ReadImport {
  // base64 of at most the limit's bytes: longer text is refused before it is decoded.
  if (input.fileBase64.length > Math.ceil(input.limits.maxFileBytes / 3) * 4 + 4) {
    throw refuse({
      id: `Berkas: lebih dari ${Math.round(input.limits.maxFileBytes / 1024 / 1024)} MB`,
      en: `File: more than ${Math.round(input.limits.maxFileBytes / 1024 / 1024)} MB`,
    });
  }
  let table: string[][];
  try {
    table = readTable(Buffer.from(input.fileBase64, 'base64'), input.fileName, input.limits, (done, total) => control.progress(done, total));
  } catch (e) {
    throw refuse(unreadable(e));
  }
  control.throwIfCancelled();
  if (table.length < 2)
    throw refuse({ id: 'Berkas: tidak ada baris data di bawah baris judul kolom.', en: 'File: no data rows below the row of column headings.' }, 'fileBase64', {
      id: 'Berkas: tidak ada baris data',
      en: 'File: no data rows',
    });
  const headers = table[0].map((h) => h.trim());
  const suggested = suggestMapping(headers);
  const given: Mapping = { ...suggested, ...(input.mapping ?? {}) };
  // A column mapped to '' is left out.
  const mapping: Mapping = Object.fromEntries(Object.entries(given).filter(([, h]) => h !== ''));
  for (const [k, h] of Object.entries(mapping)) {
    if (!headers.includes(h))
      throw refuse({ id: `Pemetaan kolom: kolom "${h}" tidak ada di berkas.`, en: `Column mapping: column "${h}" is not in the file.` }, `mapping.${k}`, {
        id: `Pemetaan kolom: kolom "${h}" tidak ada`,
        en: `Column mapping: no column "${h}"`,
      });
  }
  const missing = importFields.filter((f) => f.required && !mapping[f.key] && !(f.key === 'birthDate' && mapping.birthPlaceDate));
  if (missing.length) {
    const names = joinPhrases(
      missing.map((f) => f.label),
      ', ',
    );
    throw refuse(
      { id: `Pemetaan kolom: kolom wajib belum dipetakan: ${names.id}.`, en: `Column mapping: required columns not mapped yet: ${names.en}.` },
      'mapping',
      { id: `Pemetaan kolom: belum dipetakan: ${names.id}`, en: `Column mapping: not mapped yet: ${names.en}` },
    );
  }
  const columns = Object.entries(mapping).map(([k, h]) => [k as ImportFieldKey, headers.indexOf(h)] as [ImportFieldKey, number]);
  const body = table.slice(1);
  const conv = { ref: input.ref, kelurahanByName: kelurahanIndex(input.ref, input.officeKecamatan), today: input.today, defaults: input.defaults };
  const results: RowResult[] = [];
  for (let i = 0; i < body.length; i++) {
    results.push(convertRow(i + 2, cellsOf(body[i], columns), conv));
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
