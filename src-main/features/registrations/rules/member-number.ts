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

/** Null when the template is usable, else the reason in Indonesian. */
export function memberTemplateProblem(template: string): string | null {
  if (template.length === 0) return 'wajib diisi';
  if (template.length > 60) return 'maksimal 60 karakter';
  const literal = template.replace(PLACEHOLDER, '');
  if (/[{}]/.test(literal)) return 'kurung kurawal hanya untuk penanda seperti {seq:6}';
  if (!/^[A-Za-z0-9./_-]*$/.test(literal)) return 'selain penanda, hanya huruf, angka, titik, garis miring, garis bawah dan tanda hubung';
  let seqCount = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (!KNOWN.has(m[1])) return `penanda {${m[1]}} tidak dikenal (pilihan: {kecamatan}, {kota}, {kelurahan}, {tahun}, {bulan}, {seq:N})`;
    if (m[1] === 'seq') {
      seqCount += 1;
      const width = m[2] === undefined ? 1 : Number(m[2]);
      if (width < 1 || width > 10) return 'lebar nomor urut {seq:N} harus 1 sampai 10';
    } else if (m[2] !== undefined) return `penanda {${m[1]}} tidak memakai lebar`;
  }
  if (seqCount !== 1) return 'harus memuat nomor urut {seq} atau {seq:N} tepat satu kali';
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
