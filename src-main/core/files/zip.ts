import { FileProblem } from './problem';
import { inflateRawSync } from 'node:zlib';

// Reading a ZIP archive (an XLSX is one) that a stranger may have crafted: the central
// directory is read first and its sizes checked against the limits before anything is
// inflated, and inflating stops at the size the directory declared, so a small file that
// unpacks to gigabytes (a zip bomb) costs nothing.

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** A problem with the archive, in words for the user (the caller names the field). */
export class ZipProblem extends FileProblem {}

const BROKEN_DIRECTORY = { id: 'direktori ZIP rusak', en: 'the ZIP directory is damaged' };
const BROKEN_CONTENT = { id: 'isi arsip ZIP rusak', en: 'the content of the ZIP archive is damaged' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 10_000;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0).replace('.', ',')} MB`;

/** The entries listed in the archive's central directory. */
export function readZipDirectory(buf: Buffer): Map<string, ZipEntry> {
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 64 KiB.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new ZipProblem({ id: 'bukan arsip XLSX yang utuh (direktori ZIP tidak ditemukan)', en: 'not a whole XLSX archive (no ZIP directory found)' });
  const count = buf.readUInt16LE(eocd + 10);
  const dirSize = buf.readUInt32LE(eocd + 12);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff)
    throw new ZipProblem({ id: 'arsip ZIP64 tidak didukung untuk lembar kerja', en: 'ZIP64 archives are not supported for spreadsheets' });
  if (count > MAX_ENTRIES) throw new ZipProblem({ id: `arsip memuat terlalu banyak berkas (${count})`, en: `the archive holds too many files (${count})` });
  if (dirOffset + dirSize > buf.length) throw new ZipProblem(BROKEN_DIRECTORY);
  const entries = new Map<string, ZipEntry>();
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipProblem(BROKEN_DIRECTORY);
    const nameLength = buf.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
    };
    entries.set(entry.name, entry);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/**
 * The bytes of one entry, inflated at most to the size the directory declares (which the
 * caller has checked against its limits): a stream that would inflate further is refused.
 */
export function readZipEntry(buf: Buffer, entry: ZipEntry): Buffer {
  if (entry.flags & 1)
    throw new ZipProblem({
      id: 'berkas dilindungi kata sandi; simpan ulang tanpa kata sandi',
      en: 'the file is password-protected; save it again without a password',
    });
  const p = entry.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw new ZipProblem(BROKEN_CONTENT);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipProblem({ id: 'isi arsip ZIP terpotong', en: 'the content of the ZIP archive is cut short' });
  const raw = buf.subarray(start, end);
  if (entry.method === 0) {
    if (raw.length !== entry.size) throw new ZipProblem(BROKEN_CONTENT);
    return raw;
  }
  if (entry.method !== 8)
    throw new ZipProblem({ id: `cara pemampatan ZIP ${entry.method} tidak didukung`, en: `ZIP compression method ${entry.method} is not supported` });
  let out: Buffer;
  try {
    // One byte of room: a stream that fills it is larger than declared, and stops right there.
    out = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size + 1) });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new ZipProblem({
        id: `isi "${entry.name}" lebih besar daripada yang dinyatakan arsipnya`,
        en: `"${entry.name}" is larger than its archive declares`,
      });
    throw new ZipProblem(BROKEN_CONTENT);
  }
  if (out.length !== entry.size)
    throw new ZipProblem({
      id: `isi "${entry.name}" tidak sesuai dengan ukuran yang dinyatakan arsipnya`,
      en: `"${entry.name}" does not match the size its archive declares`,
    });
  return out;
}

export interface ZipLimits {
  /** Total of the entries read, once inflated. */
  maxUncompressedBytes: number;
}

/** Reads the named entries (those present), refusing before inflating when they are too large together. */
export function readZipEntries(buf: Buffer, entries: Map<string, ZipEntry>, names: string[], limits: ZipLimits): Map<string, Buffer> {
  const wanted = names.map((n) => entries.get(n)).filter((e): e is ZipEntry => e !== undefined);
  const total = wanted.reduce((s, e) => s + e.size, 0);
  if (total > limits.maxUncompressedBytes) {
    throw new ZipProblem({
      id: `isi lembar kerja terlalu besar setelah dibuka (${mb(total)}; paling banyak ${mb(limits.maxUncompressedBytes)})`,
      en: `the spreadsheet is too large once unpacked (${mb(total)}; at most ${mb(limits.maxUncompressedBytes)})`,
    });
  }
  return new Map(wanted.map((e) => [e.name, readZipEntry(buf, e)]));
}
