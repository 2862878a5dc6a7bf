/**
 * Permit number templates.
 *
 * No DKI-wide format was found, so each office configures a template such as
 * `503/{seq:4}/IUMK/{kelurahan}/{bulan_romawi}/{tahun}`. This module only validates and fills
 * templates; handing out the sequence number (per office, per year, never twice) is the job of
 * the storage layer.
 *
 * Placeholders:
 *   {seq}          sequence number as is
 *   {seq:N}        sequence number zero-padded to N digits (1-9); longer numbers are never cut
 *   {kelurahan}    kelurahan code or short code ({kode_kelurahan} is accepted as an alias)
 *   {kecamatan}    kecamatan code or short code ({kode_kecamatan} is accepted as an alias)
 *   {klasifikasi}  archive classification code, e.g. 503
 *   {bulan}        month, 2 digits (01-12)
 *   {bulan_romawi} month in Roman numerals (I-XII), as in Indonesian letter numbers
 *   {tahun}        4-digit year
 *
 * Required: {seq} (otherwise every permit gets the same number) and {tahun} (the sequence starts
 * again every year, so without the year the numbers of two years would collide).
 */
import type { Phrase } from '../../../../src-shared/i18n';

export type PlaceholderName = 'seq' | 'kelurahan' | 'kecamatan' | 'klasifikasi' | 'bulan' | 'bulan_romawi' | 'tahun';

/** Accepted spellings, mapped to the placeholder they stand for. */
const PLACEHOLDER_NAMES: Readonly<Record<string, PlaceholderName>> = {
  seq: 'seq',
  kelurahan: 'kelurahan',
  kode_kelurahan: 'kelurahan',
  kecamatan: 'kecamatan',
  kode_kecamatan: 'kecamatan',
  klasifikasi: 'klasifikasi',
  bulan: 'bulan',
  bulan_romawi: 'bulan_romawi',
  tahun: 'tahun',
};

/** For help texts in the settings screen. */
export const PERMIT_NUMBER_PLACEHOLDERS: readonly string[] = [
  '{seq}',
  '{seq:N}',
  '{kelurahan}',
  '{kecamatan}',
  '{klasifikasi}',
  '{bulan}',
  '{bulan_romawi}',
  '{tahun}',
];

export const DEFAULT_PERMIT_NUMBER_TEMPLATE = '503/{seq:4}/IUMK/{kelurahan}/{bulan_romawi}/{tahun}';

const MAX_SEQ_WIDTH = 9;
const FIELD: Phrase = { id: 'Format nomor', en: 'Number format' };

export interface PermitNumberValues {
  /** Sequence number, 1 or more. */
  seq: number;
  /** Four-digit year of issue. */
  year: number;
  /** Month of issue, 1-12 (not 0-based). */
  month: number;
  kelurahan?: string;
  kecamatan?: string;
  klasifikasi?: string;
}

export type TemplateCheck = { ok: true } | { ok: false; errors: Phrase[] };

type Token = { kind: 'text'; text: string } | { kind: 'placeholder'; name: PlaceholderName; width?: number; raw: string };

interface ParseResult {
  tokens: Token[];
  errors: Phrase[];
}

function parseTemplate(template: string): ParseResult {
  const tokens: Token[] = [];
  const errors: Phrase[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    const strayClose = template.indexOf('}', i);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      errors.push({ id: `${FIELD.id} memuat tanda "}" tanpa pasangan "{".`, en: `${FIELD.en} has a "}" without its "{".` });
      break;
    }
    if (open === -1) {
      tokens.push({ kind: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) tokens.push({ kind: 'text', text: template.slice(i, open) });
    const close = template.indexOf('}', open + 1);
    const nextOpen = template.indexOf('{', open + 1);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      errors.push({ id: `${FIELD.id} memuat tanda "{" tanpa pasangan "}".`, en: `${FIELD.en} has a "{" without its "}".` });
      break;
    }
    const raw = template.slice(open, close + 1);
    const inner = template.slice(open + 1, close);
    const seqWidth = /^seq:(\d+)$/.exec(inner);
    if (seqWidth) {
      const width = Number(seqWidth[1]);
      if (width < 1 || width > MAX_SEQ_WIDTH) {
        errors.push({
          id: `${FIELD.id}: lebar nomor urut pada ${raw} harus 1 sampai ${MAX_SEQ_WIDTH} digit.`,
          en: `${FIELD.en}: the serial number width in ${raw} must be 1 to ${MAX_SEQ_WIDTH} digits.`,
        });
      } else {
        tokens.push({ kind: 'placeholder', name: 'seq', width, raw });
      }
    } else if (Object.hasOwn(PLACEHOLDER_NAMES, inner)) {
      tokens.push({ kind: 'placeholder', name: PLACEHOLDER_NAMES[inner], raw });
    } else {
      errors.push({
        id: `${FIELD.id} memuat bagian yang tidak dikenal: ${raw}. Bagian yang dapat dipakai: ${PERMIT_NUMBER_PLACEHOLDERS.join(', ')}.`,
        en: `${FIELD.en} has an unknown part: ${raw}. The parts that can be used: ${PERMIT_NUMBER_PLACEHOLDERS.join(', ')}.`,
      });
    }
    i = close + 1;
  }
  return { tokens, errors };
}

/** Checks a template before it is saved in settings; returns every problem at once. */
export function validateTemplate(template: string): TemplateCheck {
  if (template.trim() === '') return { ok: false, errors: [{ id: `${FIELD.id} wajib diisi.`, en: `${FIELD.en} is required.` }] };
  const { tokens, errors } = parseTemplate(template);
  const used = new Set(tokens.flatMap((t) => (t.kind === 'placeholder' ? [t.name] : [])));
  if (!used.has('seq')) {
    errors.push({
      id: `${FIELD.id} harus memuat {seq} atau {seq:N} (nomor urut) agar setiap izin bernomor berbeda.`,
      en: `${FIELD.en} must hold {seq} or {seq:N} (the serial number) so that every permit gets its own number.`,
    });
  }
  if (!used.has('tahun')) {
    errors.push({
      id: `${FIELD.id} harus memuat {tahun} karena nomor urut dimulai lagi setiap tahun.`,
      en: `${FIELD.en} must hold {tahun} (the year), as serial numbers start again every year.`,
    });
  }
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/**
 * Month 1-12 in Roman numerals. Only months are accepted: a 0 or 13 here almost always means a
 * 0-based month slipped through, and printing a wrong month on a legal document is worse than
 * failing.
 */
export function toRoman(month: number): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Bulan harus 1 sampai 12: ${month}.`);
  }
  return ROMAN_MONTHS[month - 1];
}

const TEXT_LABELS: Record<'kelurahan' | 'kecamatan' | 'klasifikasi', string> = {
  kelurahan: 'kode kelurahan',
  kecamatan: 'kode kecamatan',
  klasifikasi: 'kode klasifikasi',
};

/** Fills a template. Throws a RangeError (a programming error: templates are checked when saved). */
export function formatPermitNumber(template: string, values: PermitNumberValues): string {
  const check = validateTemplate(template);
  if (!check.ok) throw new RangeError(check.errors.map((e) => e.id).join(' '));
  const { seq, year, month } = values;
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Nomor urut harus bilangan bulat mulai 1: ${seq}.`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Tahun harus 4 digit: ${year}.`);
  const romanMonth = toRoman(month);

  return parseTemplate(template)
    .tokens.map((token) => {
      if (token.kind === 'text') return token.text;
      switch (token.name) {
        case 'seq':
          // padStart never truncates: cutting digits would create duplicate numbers.
          return token.width ? String(seq).padStart(token.width, '0') : String(seq);
        case 'bulan':
          return String(month).padStart(2, '0');
        case 'bulan_romawi':
          return romanMonth;
        case 'tahun':
          return String(year);
        default: {
          const value = values[token.name]?.trim();
          if (!value) {
            throw new RangeError(`${FIELD.id} memakai ${token.raw}, tetapi ${TEXT_LABELS[token.name]} belum diisi.`);
          }
          return value;
        }
      }
    })
    .join('');
}
