import type { Phrase } from '../../../../src-shared/i18n';
// Member numbers (nomor anggota) from the template the office configures, for example
// JP-{kecamatan}-{tahun}-{seq:6} -> JP-317107-2026-000042.
//
// Placeholders:
//   {kecamatan}  the office's kecamatan code without dots (317107)
//   {kota}       the office's kota code without dots (3171)
//   {kelurahan}  the member's kelurahan code without dots (3171071006)
//   {tahun}      year of registration (2026)
//   {bulan}      month of registration, two digits (11)
//   {seq} / {seq:N}  the counter, zero-padded to N digits (1-10); required exactly once
//
// The counter's scope is the template with the counter left out, rendered: a new year (when
// {tahun} is used) starts again at 1, and the same scope always continues its counter, so a
// number is never handed out twice.

export interface MemberNumberVars {
  kecamatan: string;
  kota: string;
  kelurahan: string;
  /** 'YYYY-MM-DD' of registration. */
  registeredOn: string;
}

const PLACEHOLDER = /\{([a-z]+)(?::(\d+))?\}/g;
const KNOWN = new Set(['kecamatan', 'kota', 'kelurahan', 'tahun', 'bulan', 'seq']);

export const DEFAULT_MEMBER_NUMBER_TEMPLATE = 'JP-{kecamatan}-{tahun}-{seq:6}';

/** Null when the template is usable, else the reason. */
export function memberTemplateProblem(template: string): Phrase | null {
  if (template.length === 0) return { id: 'wajib diisi', en: 'required' };
  if (template.length > 60) return { id: 'maksimal 60 karakter', en: 'at most 60 characters' };
  const literal = template.replace(PLACEHOLDER, '');
  if (/[{}]/.test(literal)) return { id: 'kurung kurawal hanya untuk penanda seperti {seq:6}', en: 'curly brackets only for placeholders such as {seq:6}' };
  if (!/^[A-Za-z0-9./_-]*$/.test(literal)) {
    return {
      id: 'selain penanda, hanya huruf, angka, titik, garis miring, garis bawah dan tanda hubung',
      en: 'besides placeholders, only letters, digits, dots, slashes, underscores and hyphens',
    };
  }
  let seqCount = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (!KNOWN.has(m[1])) {
      return {
        id: `penanda {${m[1]}} tidak dikenal (pilihan: {kecamatan}, {kota}, {kelurahan}, {tahun}, {bulan}, {seq:N})`,
        en: `unknown placeholder {${m[1]}} (choices: {kecamatan}, {kota}, {kelurahan}, {tahun}, {bulan}, {seq:N})`,
      };
    }
    if (m[1] === 'seq') {
      seqCount += 1;
      const given = m.at(2);
      const width = given === undefined ? 1 : Number(given);
      if (width < 1 || width > 10) return { id: 'lebar nomor urut {seq:N} harus 1 sampai 10', en: 'the width of the serial number {seq:N} must be 1 to 10' };
    } else if (m.at(2) !== undefined) return { id: `penanda {${m[1]}} tidak memakai lebar`, en: `placeholder {${m[1]}} takes no width` };
  }
  if (seqCount !== 1)
    return { id: 'harus memuat nomor urut {seq} atau {seq:N} tepat satu kali', en: 'must hold the serial number {seq} or {seq:N} exactly once' };
  return null;
}

function fill(template: string, vars: MemberNumberVars, seq: (width: number) => string): string {
  const digits = (s: string) => s.replace(/\D/g, '');
  return template.replace(PLACEHOLDER, (_all, name: string, width?: string) => {
    switch (name) {
      case 'kecamatan':
        return digits(vars.kecamatan);
      case 'kota':
        return digits(vars.kota);
      case 'kelurahan':
        return digits(vars.kelurahan);
      case 'tahun':
        return vars.registeredOn.slice(0, 4);
      case 'bulan':
        return vars.registeredOn.slice(5, 7);
      default:
        return seq(width === undefined ? 1 : Number(width));
    }
  });
}

/** The counter scope of a template for these values (the rendered template minus the counter). */
export function memberNumberScope(template: string, vars: MemberNumberVars): string {
  return fill(template, vars, () => '{seq}');
}

export function formatMemberNumber(template: string, vars: MemberNumberVars, seq: number): string {
  return fill(template, vars, (width) => String(seq).padStart(width, '0'));
}

// The one masking rule lives in core so every feature shows identifiers alike.
export { maskNik } from '../../../core/masking';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Reads a number back against a template: the counter scope and counter value that would
 * produce it, or null when the template can never produce it. With it, a template change is
 * checked against the numbers already issued: a number the template could produce again is one
 * whose scope's counter has not passed it yet.
 */
export function parseMemberNumber(template: string, office: { kecamatan: string; kota: string }) {
  const digits = (s: string) => s.replace(/\D/g, '');
  const groups: string[] = [];
  let pattern = '';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    pattern += escapeRegex(template.slice(last, m.index));
    last = m.index + m[0].length;
    const given = m.at(2);
    const width = given === undefined ? 1 : Number(given);
    switch (m[1]) {
      case 'kecamatan':
        pattern += escapeRegex(digits(office.kecamatan));
        break;
      case 'kota':
        pattern += escapeRegex(digits(office.kota));
        break;
      case 'kelurahan':
        groups.push('kelurahan');
        pattern += '(\\d{10})';
        break;
      case 'tahun':
        groups.push('tahun');
        pattern += '(\\d{4})';
        break;
      case 'bulan':
        groups.push('bulan');
        pattern += '(0[1-9]|1[0-2])';
        break;
      default:
        groups.push('seq');
        // padStart never adds zeros beyond the width; a larger value simply has more digits.
        pattern += `(\\d{${width}}|[1-9]\\d{${width},})`;
    }
  }
  pattern += escapeRegex(template.slice(last));
  const re = new RegExp(`^${pattern}$`);
  return (memberNo: string): { scope: string; seq: number } | null => {
    const m = re.exec(memberNo);
    if (!m) return null;
    const value = (name: string) => m[groups.indexOf(name) + 1];
    const vars: MemberNumberVars = {
      kecamatan: office.kecamatan,
      kota: office.kota,
      kelurahan: groups.includes('kelurahan') ? value('kelurahan') : '',
      registeredOn: `${groups.includes('tahun') ? value('tahun') : '0000'}-${groups.includes('bulan') ? value('bulan') : '01'}-01`,
    };
    return { scope: memberNumberScope(template, vars), seq: Number(value('seq')) };
  };
}

/** The fixed text before the template's first varying part, to narrow the search with LIKE. */
export function templatePrefix(template: string, office: { kecamatan: string; kota: string }): string {
  const digits = (s: string) => s.replace(/\D/g, '');
  let prefix = '';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    prefix += template.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[1] === 'kecamatan') prefix += digits(office.kecamatan);
    else if (m[1] === 'kota') prefix += digits(office.kota);
    else return prefix;
  }
  return prefix + template.slice(last);
}
