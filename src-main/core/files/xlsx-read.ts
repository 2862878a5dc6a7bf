import { posix } from 'node:path';
import { readZipDirectory, readZipEntries, ZipProblem } from './zip';
import { FileProblem } from './problem';

// The first worksheet of an XLSX file as rows of cell text, read with limits that hold before
// the work: the archive's directory is checked first (see zip.ts), then the sheet is scanned
// once, counting rows and columns as it goes. A full spreadsheet library builds a model of
// every cell and style in memory; an import needs only the text of the cells.

export interface SheetLimits {
  maxUncompressedBytes: number;
  /** Rows with data, the header row included. */
  maxRows: number;
  maxColumns: number;
}

/** A limit exceeded or a broken file, in words for the user (the caller names the field). */
export class SheetProblem extends FileProblem {}

/** Excel keeps 16-digit NIKs typed as numbers only to 15 significant digits: flag them. */
export const NUMBER_PRECISION_LOST = '\u0000angka-terpotong';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#')) {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

const attr = (attrs: string, name: string): string | undefined => {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1]) : undefined;
};

/** The text of every <t> run in a fragment (shared string or inline string), phonetic runs left out. */
function runsText(fragment: string): string {
  const plain = fragment.includes('<rPh') ? fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : fragment;
  let text = '';
  for (const m of plain.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += decodeXml(m[1]);
  return text;
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) out.push(m[1] ? runsText(m[1]) : '');
  return out;
}

// Built-in number formats that show a date (ECMA-376 18.8.30), and custom ones whose code has
// day, month or year parts once quoted text, escapes and [colour]/[locale] brackets are removed.
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const isDateCode = (code: string) =>
  /[dmy]/i.test(
    code
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .replace(/\[[^\]]*\]/g, ''),
  );

/** For each cell style index: does it show the number as a date? */
function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) custom.set(Number(attr(m[1], 'numFmtId')), attr(m[1], 'formatCode') ?? '');
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<xf\b([^>]*?)(?:\/>|>)/g)) {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    const code = custom.get(id);
    out.push(BUILTIN_DATE_FORMATS.has(id) || (code !== undefined && isDateCode(code)));
  }
  return out;
}

/** 'AB' -> 27 (1-based). */
function columnNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** An Excel serial day as YYYY-MM-DD (the 1900 system counts a 29 Feb 1900 that never was). */
function serialDate(serial: number, date1904: boolean): string {
  const days = date1904 ? serial + 24107 : serial - 25569;
  return new Date(Math.round(days * 86_400_000)).toISOString().slice(0, 10);
}

function numberText(v: string): string {
  const n = Number(v);
  if (!Number.isFinite(n)) return v;
  if (Number.isInteger(n) && Math.abs(n) > 999_999_999_999_999) return NUMBER_PRECISION_LOST + String(BigInt(Math.round(n)));
  return String(n);
}

interface Parts {
  sheet: string;
  sharedStrings?: string;
  styles?: string;
  date1904: boolean;
}

function relationships(xml: string | undefined, base: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  for (const m of (xml ?? '').matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (!id || !target || attr(m[1], 'TargetMode') === 'External') continue;
    out.set(id, { type: attr(m[1], 'Type') ?? '', target: target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base, target)) });
  }
  return out;
}

/** The text of a part already found in the directory (read by name, so it is there). */
function partText(got: Map<string, Buffer>, name: string): string {
  const buf = got.get(name);
  if (!buf) throw new SheetProblem({ id: 'berkas XLSX rusak atau tidak dapat dibaca', en: 'the XLSX file is damaged or cannot be read' });
  return buf.toString('utf8');
}

function locateParts(
  names: Map<string, unknown>,
  read: (names: string[]) => Map<string, Buffer>,
): { sheet: string; sharedStrings?: string; styles?: string; workbook: string } {
  const root = relationships(read(['_rels/.rels']).get('_rels/.rels')?.toString('utf8'), '');
  const workbook = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  if (!names.has(workbook)) throw new SheetProblem({ id: 'bukan berkas XLSX (buku kerja tidak ditemukan)', en: 'not an XLSX file (no workbook found)' });
  const dir = posix.dirname(workbook);
  const relsName = posix.join(dir, '_rels', `${posix.basename(workbook)}.rels`);
  const got = read([workbook, relsName]);
  const wbXml = partText(got, workbook);
  const rels = relationships(got.get(relsName)?.toString('utf8'), dir);
  const first = /<sheet\b([^>]*?)\/?>/.exec(wbXml);
  // The relationship id is r:id, whatever prefix the writer gave the namespace.
  const rid = first ? /\b\w+:id="([^"]*)"/.exec(first[1])?.[1] : undefined;
  const sheet = rid ? rels.get(rid)?.target : undefined;
  if (!sheet || !names.has(sheet)) throw new SheetProblem({ id: 'berkas XLSX tidak memuat lembar kerja', en: 'the XLSX file holds no worksheet' });
  const ofType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;
  return { workbook, sheet, sharedStrings: ofType('/sharedStrings'), styles: ofType('/styles') };
}

/** Reads the first worksheet's rows (rows without any text left out), within the limits. */
export function readXlsxRows(buf: Buffer, limits: SheetLimits, onProgress?: (done: number, total: number) => void): string[][] {
  let parts: Parts;
  try {
    const entries = readZipDirectory(buf);
    const read = (names: string[]) => readZipEntries(buf, entries, names, limits);
    const located = locateParts(entries, read);
    const names = [located.sheet, located.sharedStrings, located.styles].filter((n): n is string => Boolean(n));
    // The parts that matter are checked together against the limit before any is inflated.
    const got = read(names);
    const wb = partText(read([located.workbook]), located.workbook);
    parts = {
      sheet: partText(got, located.sheet),
      sharedStrings: located.sharedStrings ? got.get(located.sharedStrings)?.toString('utf8') : undefined,
      styles: located.styles ? got.get(located.styles)?.toString('utf8') : undefined,
      date1904: /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(wb),
    };
  } catch (e) {
    if (e instanceof ZipProblem || e instanceof SheetProblem) throw new SheetProblem(e.phrase);
    throw new SheetProblem({ id: 'berkas XLSX rusak atau tidak dapat dibaca', en: 'the XLSX file is damaged or cannot be read' });
  }
  return scanSheet(parts, limits, onProgress);
}

function scanSheet(parts: Parts, limits: SheetLimits, onProgress?: (done: number, total: number) => void): string[][] {
  const strings = sharedStrings(parts.sharedStrings);
  const dates = dateStyles(parts.styles);
  const xml = parts.sheet;
  const data = xml.indexOf('<sheetData');
  const rows: string[][] = [];
  let row: string[] | null = null;
  let lastColumn = 0;
  const finishRow = () => {
    if (row?.some((c) => c.trim() !== '')) {
      // Cells left out of the XML between filled ones are empty text, as in the sheet.
      for (let i = 0; i < row.length; i++) row[i] ??= '';
      rows.push(row);
      if (rows.length > limits.maxRows)
        throw new SheetProblem({
          id: `lembar kerja memuat lebih dari ${limits.maxRows - 1} baris data; pecah berkasnya`,
          en: `the worksheet holds more than ${limits.maxRows - 1} data rows; split the file`,
        });
      if (rows.length % 1000 === 0) onProgress?.(token.lastIndex, xml.length);
    }
    row = null;
  };
  const token = /<row\b[^>]*?(\/?)>|<\/row>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)|<\/sheetData>/g;
  token.lastIndex = data < 0 ? 0 : data;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    const t = m[0];
    if (t.startsWith('<row')) {
      finishRow();
      row = [];
      lastColumn = 0;
      if (m[1] === '/') finishRow();
      continue;
    }
    if (t === '</row>') {
      finishRow();
      continue;
    }
    if (t === '</sheetData>') break;
    row ??= [];
    const attrs = m[2]; // a cell: its group always takes part, if only as ''
    const ref = attr(attrs, 'r');
    const column = ref ? columnNumber(ref) : lastColumn + 1;
    lastColumn = column;
    if (column > limits.maxColumns)
      throw new SheetProblem({
        id: `lembar kerja memuat lebih dari ${limits.maxColumns} kolom`,
        en: `the worksheet holds more than ${limits.maxColumns} columns`,
      });
    const inner = m.at(3); // undefined for a self-closing <c/>
    if (inner === undefined) continue;
    const text = cellText(inner, attr(attrs, 't'), Number(attr(attrs, 's') ?? 0), strings, dates, parts.date1904);
    if (text !== '') row[column - 1] = text;
  }
  finishRow();
  return rows;
}

function cellText(inner: string, type: string | undefined, style: number, strings: string[], dates: boolean[], date1904: boolean): string {
  if (type === 'inlineStr') return runsText(inner);
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (v === undefined) return '';
  switch (type) {
    case 's':
      return strings[Number(v)] ?? '';
    case 'str':
    case 'e':
      return decodeXml(v);
    case 'b':
      return v === '1' ? 'ya' : 'tidak';
    case 'd':
      return decodeXml(v).slice(0, 10);
    default: {
      const n = Number(v);
      if (dates[style] && Number.isFinite(n)) return serialDate(n, date1904);
      return numberText(v);
    }
  }
}
