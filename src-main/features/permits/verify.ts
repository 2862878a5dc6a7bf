import { inflateSync } from 'node:zlib';
import { verifySignedText, MAX_SIGNED_TEXT_LENGTH, type SignedPayload } from '../../core/signing';

/**
 * Reading and checking the signed QR text of an IUMK certificate. No database here: the callers
 * (the API method and the `verify` command) pass a key lookup and a permit lookup, so the same
 * logic runs in the office app and on a laptop holding only the public keys.
 */

const SIGNED_TEXT = /JPD1\.[A-Za-z0-9_-]{10,2900}\.[A-Za-z0-9_-]{80,90}/g;
/** A PDF this large is not one of our certificates; refusing keeps the verifier predictable. */
export const MAX_PDF_BYTES = 30 * 1024 * 1024;

export type PermitRecordState = 'aktif' | 'dicabut' | 'belum_terbit' | 'tidak_ditemukan';

export interface PermitRecord {
  number: string;
  status: string;
  businessName: string;
  issuedOn: string | null;
  revokedReason: string | null;
  revokedOn: string | null;
}

export interface CertificateCheck {
  /** The text as found (shortened for display when long). */
  text: string;
  signatureValid: boolean;
  reason: 'ok' | 'format' | 'unknown_key' | 'signature';
  message: string;
  kid: string | null;
  payload: SignedPayload | null;
  /** This office's record of the permit, when the key is this office's. */
  record: { state: PermitRecordState; permit: PermitRecord | null } | null;
  /** One line for people: valid/invalid and active/revoked. */
  verdict: string;
}

export interface CheckOptions {
  keyById(kid: string): string | undefined;
  /** Only for the office's own key: this office's database is the authority on its permits. */
  ownKeyId?: string | null;
  findPermit?(number: string): PermitRecord | undefined;
}

export function recordState(permit: PermitRecord | undefined): PermitRecordState {
  if (!permit) return 'tidak_ditemukan';
  if (permit.status === 'dicabut') return 'dicabut';
  if (permit.status === 'terbit' || permit.status === 'diserahkan') return 'aktif';
  return 'belum_terbit';
}

/** Checks one scanned or extracted text. Never throws. */
export function checkCertificateText(text: unknown, opts: CheckOptions): CertificateCheck {
  const shown = typeof text === 'string' ? (text.length > 120 ? `${text.slice(0, 117)}...` : text) : '';
  let result;
  try {
    result = verifySignedText(text, (kid) => opts.keyById(kid));
  } catch {
    result = { ok: false as const, reason: 'format' as const, message: 'Kode QR tidak dapat dibaca.' };
  }
  if (!result.ok) {
    return {
      text: shown,
      signatureValid: false,
      reason: result.reason,
      message: result.message,
      kid: null,
      payload: null,
      record: null,
      verdict: `TIDAK SAH: ${result.message}`,
    };
  }
  const { payload, kid } = result;
  const number = typeof payload.n === 'string' ? payload.n : '';
  if (payload.t !== 'IUMK' || !number) {
    return {
      text: shown,
      signatureValid: true,
      reason: 'ok',
      message: 'Tanda tangan sah, tetapi dokumen ini bukan IUMK.',
      kid,
      payload,
      record: null,
      verdict: 'SAH, tetapi bukan dokumen IUMK.',
    };
  }
  let record: CertificateCheck['record'] = null;
  let verdict = `SAH: IUMK ${number} atas usaha "${payload.b}", terbit ${payload.d}, ditandatangani kunci ${kid}.`;
  if (opts.findPermit && opts.ownKeyId === kid) {
    let permit: PermitRecord | undefined;
    try {
      permit = opts.findPermit(number);
    } catch {
      permit = undefined;
    }
    const state = recordState(permit);
    record = { state, permit: permit ?? null };
    if (state === 'aktif') verdict += ' Status di kantor ini: AKTIF.';
    else if (state === 'dicabut') verdict += ` Status di kantor ini: DICABUT${permit?.revokedOn ? ` pada ${permit.revokedOn}` : ''}${permit?.revokedReason ? ` (${permit.revokedReason})` : ''}.`;
    else if (state === 'belum_terbit') verdict += ' Status di kantor ini: belum terbit.';
    else verdict += ' Nomor ini tidak ada di basis data kantor ini.';
  } else {
    verdict += ' Status izin hanya dapat diperiksa di kantor penerbit.';
  }
  return { text: shown, signatureValid: true, reason: 'ok', message: 'Tanda tangan elektronik sah.', kid, payload, record, verdict };
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

/** Text of the Tj/TJ operators of a content stream (hex and literal strings), one line per operator. */
function textOfContent(content: string): string {
  const lines: string[] = [];
  const opRe = /\[((?:[^\]\\]|\\.)*)\]\s*TJ|(<[0-9A-Fa-f\s]*>|\((?:[^)\\]|\\.)*\))\s*Tj/g;
  for (const m of content.matchAll(opRe)) {
    const body = m[1] ?? m[2] ?? '';
    let line = '';
    for (const s of body.matchAll(/<([0-9A-Fa-f\s]*)>|\(((?:[^)\\]|\\.)*)\)/g)) {
      if (s[1] !== undefined) {
        const hex = s[1].replace(/\s+/g, '');
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
