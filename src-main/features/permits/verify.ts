import { inflateSync } from 'node:zlib';
import { maskNik } from '../../core/masking';
import { hashNik, verifySignedText, MAX_SIGNED_TEXT_LENGTH, type SignedPayload } from '../../core/signing';

/**
 * Reading and checking the signed QR text of a certificate. No database here: the callers (the
 * API method and the `verify` command) pass a key lookup and a register lookup, so the same
 * logic runs in the office app and on a laptop holding only the public keys.
 *
 * Generic over certificate kinds: the payload's `t` names the kind (IUMK, SERT for training
 * certificates); another kind registers itself with `registerCertificateKind`.
 */

const SIGNED_TEXT = /JPD1\.[A-Za-z0-9_-]{10,2900}\.[A-Za-z0-9_-]{80,90}/g;
/** A PDF this large is not one of our certificates; refusing keeps the verifier predictable. */
export const MAX_PDF_BYTES = 30 * 1024 * 1024;

/** A signing key and the office it belongs to, as the verifier knows it. */
export interface IssuerKey {
  pem: string;
  officeName: string | null;
  kecamatanKode: string | null;
}

/** The issuing office's register entry for one certificate. */
export interface CertificateRecord {
  status: 'aktif' | 'dicabut' | 'diganti' | 'belum_terbit';
  validUntil: string | null;
  /** When it was revoked or replaced, and why. */
  endedOn: string | null;
  endReason: string | null;
  /** The holder's NIK in the register, to match the last six digits a caller gives. */
  holderNik: string | null;
}

export type RecordState = 'aktif' | 'dicabut' | 'diganti' | 'kedaluwarsa' | 'belum_terbit' | 'tidak_ditemukan';

/** One kind of signed document. */
export interface CertificateKind {
  /** The payload's `t`. */
  code: string;
  /** The register key of the document in the payload (its number). */
  keyOf(payload: SignedPayload): string | null;
  /** One line about the document from its payload, e.g. 'IUMK 503/0001/… atas usaha "X", terbit 2026-11-30'. */
  describe(payload: SignedPayload): string;
}

const kinds = new Map<string, CertificateKind>();

export function registerCertificateKind(kind: CertificateKind): void {
  kinds.set(kind.code, kind);
}

export function certificateKind(code: unknown): CertificateKind | undefined {
  return typeof code === 'string' ? kinds.get(code) : undefined;
}

/** A payload field, or undefined where the signed text has none (payloads are plain records). */
const field = (payload: SignedPayload, key: string): string | number | undefined => payload[key];

// Training certificates (P2), numbered and signed by the programme feature.
registerCertificateKind({
  code: 'SERT',
  keyOf: (p) => (typeof p.n === 'string' && p.n ? p.n : null),
  describe: (p) => `Sertifikat pelatihan ${String(p.n)} "${String(field(p, 'p') ?? '')}", tanggal ${String(field(p, 'd') ?? '')}`,
});

registerCertificateKind({
  code: 'IUMK',
  keyOf: (p) => (typeof p.n === 'string' && p.n ? p.n : null),
  describe: (p) => `IUMK ${String(p.n)} atas usaha "${String(field(p, 'b') ?? '')}", terbit ${String(field(p, 'd') ?? '')}`,
});

export type Headline =
  'SAH' | 'TANDA TANGAN SAH' | 'TIDAK SAH' | 'DICABUT' | 'TIDAK BERLAKU' | 'NIK TIDAK COCOK' | 'TIDAK TERDAFTAR' | 'BELUM TERBIT' | 'JENIS TIDAK DIKENAL';

export interface CertificateCheck {
  /** The text as found (shortened for display when long). */
  text: string;
  signatureValid: boolean;
  reason: 'ok' | 'format' | 'unknown_key' | 'signature';
  message: string;
  kid: string | null;
  payload: SignedPayload | null;
  /** The payload's kind (`t`), when the signature is valid. */
  kind: string | null;
  /** The office that signed, from the key (never from the payload). */
  issuer: { keyId: string; officeName: string | null; kecamatanKode: string | null } | null;
  /** The issuing office's register entry, when this verifier holds that register. */
  record: { state: RecordState; record: CertificateRecord | null } | null;
  /** The NIK check, when a NIK (or its last 6 digits) was given. */
  holder: { given: 'nik' | 'last6'; masked: string; matches: boolean | null; message: string } | null;
  /** The first word(s) of the verdict; SAH only for a valid, active certificate of the person asked about. */
  headline: Headline;
  /** Valid, not revoked or expired, and (when asked) of this person. */
  good: boolean;
  /** One line for people. */
  verdict: string;
}

export interface CheckOptions {
  keyById(kid: string): IssuerKey | undefined;
  /** The key whose register this verifier holds (the office's own): its records are authoritative. */
  ownKeyId?: string | null;
  findRecord?(kind: string, key: string): CertificateRecord | undefined;
  /** 'YYYY-MM-DD' (WIB), for certificates with an end date. */
  today?: string;
  /** The holder's NIK, or its last 6 digits, to match against the certificate. */
  nik?: string | null;
}

export function recordState(record: CertificateRecord | undefined, today?: string): RecordState {
  if (!record) return 'tidak_ditemukan';
  if (record.status !== 'aktif') return record.status;
  if (record.validUntil && today && record.validUntil < today) return 'kedaluwarsa';
  return 'aktif';
}

/** 16 digits: the NIK; 6 digits: its last six. Spaces, dots and dashes are ignored. Null otherwise. */
export function parseHolderNik(text: string | null | undefined): { given: 'nik' | 'last6'; digits: string } | null {
  const digits = (text ?? '').replace(/[\s.-]/g, '');
  if (/^\d{16}$/.test(digits)) return { given: 'nik', digits };
  if (/^\d{6}$/.test(digits)) return { given: 'last6', digits };
  return null;
}

function issuerText(issuer: NonNullable<CertificateCheck['issuer']>): string {
  if (!issuer.officeName) return `pemilik kunci ${issuer.keyId} (nama kantor tidak tercantum pada kunci)`;
  return `${issuer.officeName}${issuer.kecamatanKode ? ` (kode kecamatan ${issuer.kecamatanKode})` : ''}, kunci ${issuer.keyId}`;
}

function matchHolder(nik: string | null | undefined, payload: SignedPayload, kid: string, record: CertificateRecord | null): CertificateCheck['holder'] {
  if (nik === undefined || nik === null || nik.trim() === '') return null;
  const parsed = parseHolderNik(nik);
  if (!parsed) return { given: 'nik', masked: '', matches: null, message: 'NIK tidak diperiksa: isi 16 angka NIK atau 6 angka terakhirnya.' };
  const signedHash = typeof payload.h === 'string' ? payload.h : null;
  if (parsed.given === 'nik') {
    const masked = maskNik(parsed.digits);
    if (!signedHash) return { given: 'nik', masked, matches: null, message: 'Surat ini tidak memuat NIK pemegang, sehingga NIK tidak dapat dicocokkan.' };
    const matches = hashNik(parsed.digits, kid) === signedHash;
    return { given: 'nik', masked, matches, message: matches ? `NIK ${masked} COCOK dengan pemegang surat.` : `NIK ${masked} bukan NIK pemegang surat ini.` };
  }
  const masked = `••••••••••${parsed.digits}`;
  // Six digits are too few to test against the signed hash (anyone could try them all), so they
  // are matched against the register, whose NIK must itself hash to the signed value.
  if (!record?.holderNik) {
    return {
      given: 'last6',
      masked,
      matches: null,
      message: '6 angka terakhir NIK hanya dapat dicocokkan di kantor penerbit; untuk memeriksa di tempat lain, isi 16 angka NIK.',
    };
  }
  const registerMatchesSignature = !signedHash || hashNik(record.holderNik, kid) === signedHash;
  const matches = registerMatchesSignature && record.holderNik.endsWith(parsed.digits);
  return {
    given: 'last6',
    masked,
    matches,
    message: matches
      ? `6 angka terakhir NIK (${parsed.digits}) COCOK dengan pemegang surat.`
      : `6 angka terakhir NIK (${parsed.digits}) bukan milik pemegang surat ini.`,
  };
}

/** Checks one scanned or extracted text. Never throws. */
export function checkCertificateText(text: unknown, opts: CheckOptions): CertificateCheck {
  const shown = typeof text === 'string' ? (text.length > 120 ? `${text.slice(0, 117)}...` : text) : '';
  let result;
  try {
    result = verifySignedText(text, (kid) => opts.keyById(kid)?.pem);
  } catch {
    result = { ok: false as const, reason: 'format' as const, message: 'Kode QR tidak dapat dibaca.' };
  }
  const base = { text: shown, kind: null, issuer: null, record: null, holder: null };
  if (!result.ok) {
    return {
      ...base,
      signatureValid: false,
      reason: result.reason,
      message: result.message,
      kid: null,
      payload: null,
      headline: 'TIDAK SAH',
      good: false,
      verdict: `TIDAK SAH: ${result.message}`,
    };
  }
  const { payload, kid } = result;
  const key = opts.keyById(kid);
  const issuer = { keyId: kid, officeName: key?.officeName ?? null, kecamatanKode: key?.kecamatanKode ?? null };
  const signed = {
    ...base,
    signatureValid: true,
    reason: 'ok' as const,
    message: 'Tanda tangan elektronik sah.',
    kid,
    payload,
    issuer,
    kind: typeof payload.t === 'string' ? payload.t : null,
  };
  const kind = certificateKind(payload.t);
  const registerKey = kind?.keyOf(payload) ?? null;
  if (!kind || !registerKey) {
    return {
      ...signed,
      headline: 'JENIS TIDAK DIKENAL',
      good: false,
      verdict: `JENIS TIDAK DIKENAL: tanda tangan ${issuerText(issuer)} sah, tetapi jenis dokumen "${String(field(payload, 't') ?? '')}" tidak dikenal pemeriksa ini.`,
    };
  }
  const about = `${kind.describe(payload)}, diterbitkan ${issuerText(issuer)}`;

  let record: CertificateCheck['record'] = null;
  if (opts.findRecord && opts.ownKeyId === kid) {
    let found: CertificateRecord | undefined;
    try {
      found = opts.findRecord(kind.code, registerKey);
    } catch {
      found = undefined;
    }
    record = { state: recordState(found, opts.today), record: found ?? null };
  }
  const holder = matchHolder(opts.nik, payload, kid, record?.record ?? null);
  const nikNote = holder ? ` ${holder.message}` : '';

  const r = record?.record;
  switch (record?.state) {
    case 'dicabut':
      return {
        ...signed,
        record,
        holder,
        headline: 'DICABUT',
        good: false,
        verdict: `DICABUT pada ${r?.endedOn ?? '-'}${r?.endReason ? `: ${r.endReason}` : ''}. Surat ini tidak berlaku lagi (${about}).${nikNote}`,
      };
    case 'diganti':
      return {
        ...signed,
        record,
        holder,
        headline: 'TIDAK BERLAKU',
        good: false,
        verdict: `TIDAK BERLAKU sejak ${r?.endedOn ?? '-'}: diganti${r?.endReason ? ` (${r.endReason})` : ''} (${about}).${nikNote}`,
      };
    case 'kedaluwarsa':
      return {
        ...signed,
        record,
        holder,
        headline: 'TIDAK BERLAKU',
        good: false,
        verdict: `TIDAK BERLAKU sejak ${r?.validUntil ?? '-'}: masa berlaku berakhir (${about}).${nikNote}`,
      };
    case 'belum_terbit':
      return {
        ...signed,
        record,
        holder,
        headline: 'BELUM TERBIT',
        good: false,
        verdict: `BELUM TERBIT: register kantor ini mencatat dokumen tersebut belum terbit (${about}).${nikNote}`,
      };
    case 'tidak_ditemukan':
      return {
        ...signed,
        record,
        holder,
        headline: 'TIDAK TERDAFTAR',
        good: false,
        verdict: `TIDAK TERDAFTAR: tanda tangan sah, tetapi nomor ${registerKey} tidak ada di register kantor ini (${about}). Hubungi kantor penerbit.${nikNote}`,
      };
    default:
      break;
  }
  if (holder?.matches === false) {
    return {
      ...signed,
      record,
      holder,
      headline: 'NIK TIDAK COCOK',
      good: false,
      verdict: `NIK TIDAK COCOK: surat ini asli (${about}), tetapi NIK ${holder.masked} bukan milik pemegangnya. Periksa kembali NIK pada KTP; bila memang berbeda, surat ini bukan milik orang tersebut.`,
    };
  }
  if (record?.state === 'aktif') {
    return { ...signed, record, holder, headline: 'SAH', good: true, verdict: `SAH: ${about}. Status di kantor ini: AKTIF.${nikNote}` };
  }
  return {
    ...signed,
    record,
    holder,
    headline: 'TANDA TANGAN SAH',
    good: true,
    verdict: `TANDA TANGAN SAH: ${about}. Status (aktif atau dicabut) hanya dapat diperiksa di kantor penerbit.${nikNote}`,
  };
}

/**
 * The signed texts inside a PDF, in order of appearance, without duplicates. Certificates print
 * the QR text in a standard font: its characters appear as hex strings in the (compressed)
 * page content, and the document information may carry it too. Tolerates any bytes.
 */
export function extractSignedTextsFromPdf(bytes: Uint8Array): string[] {
  const found: string[] = [];
  const add = (text: string) => {
    for (const m of text.matchAll(SIGNED_TEXT)) {
      if (m[0].length <= MAX_SIGNED_TEXT_LENGTH && !found.includes(m[0])) found.push(m[0]);
    }
  };
  try {
    if (bytes.length > MAX_PDF_BYTES) return [];
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const raw = buf.toString('latin1');
    add(raw);
    // Every stream: inflate when compressed, then read the text-showing operators.
    const streamRe = /(?<!end)stream\r?\n/g;
    let m: RegExpExecArray | null;
    let guard = 0;
    while ((m = streamRe.exec(raw)) && guard++ < 100_000) {
      const start = m.index + m[0].length;
      const end = raw.indexOf('endstream', start);
      if (end < 0) break;
      const chunk = buf.subarray(start, end);
      let content: string;
      try {
        content = inflateSync(chunk, { maxOutputLength: 64 * 1024 * 1024 }).toString('latin1');
      } catch {
        content = chunk.toString('latin1');
      }
      add(textOfContent(content));
      streamRe.lastIndex = end;
    }
  } catch {
    // Garbage in, nothing found.
  }
  return found;
}

/** A capture group of a match, undefined when that alternative did not take part. */
const group = (match: RegExpMatchArray, index: number): string | undefined => match[index];

/** Text of the Tj/TJ operators of a content stream (hex and literal strings), one line per operator. */
function textOfContent(content: string): string {
  const lines: string[] = [];
  const opRe = /\[((?:[^\]\\]|\\.)*)\]\s*TJ|(<[0-9A-Fa-f\s]*>|\((?:[^)\\]|\\.)*\))\s*Tj/g;
  for (const m of content.matchAll(opRe)) {
    const body = group(m, 1) ?? group(m, 2) ?? '';
    let line = '';
    for (const s of body.matchAll(/<([0-9A-Fa-f\s]*)>|\(((?:[^)\\]|\\.)*)\)/g)) {
      const hexDigits = group(s, 1);
      if (hexDigits !== undefined) {
        const hex = hexDigits.replace(/\s+/g, '');
        line += Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1');
      } else {
        line += s[2].replace(/\\(.)/g, '$1');
      }
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** Texts to check from user input: a PDF's signed texts, or the pasted text itself. */
export function textsToCheck(input: { text?: string | null; pdf?: Uint8Array | null }): string[] {
  if (input.pdf) return extractSignedTextsFromPdf(input.pdf);
  return input.text ? [input.text.trim()] : [];
}
