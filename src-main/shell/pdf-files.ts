import { rmSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Batch prints of a month's certificates stay well below this; anything larger is a mistake. */
export const MAX_PDF_BYTES = 100 * 1024 * 1024;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** Only our own PDFs go to the viewer or to disk: anything else is refused at the boundary. */
export function isPdfBytes(bytes: unknown): bytes is Uint8Array {
  return bytes instanceof Uint8Array && bytes.length >= PDF_MAGIC.length && bytes.length <= MAX_PDF_BYTES && PDF_MAGIC.every((b, i) => bytes[i] === b);
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name from text the renderer chose (a document title): no folders, no characters that
 * Windows refuses, not too long, always ending in .pdf.
 */
export function pdfFileName(name: unknown, fallback = 'dokumen'): string {
  let base = typeof name === 'string' ? name : '';
  base = base
    .replace(/\.pdf$/i, '')
    // eslint-disable-next-line no-control-regex -- control characters are among those Windows refuses in a file name
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .slice(0, 100)
    .replace(/^[\s.-]+|[\s.]+$/g, '');
  if (!base) base = fallback;
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  return `${base}.pdf`;
}

let runDir: string | null = null;

/**
 * Writes a PDF for printing into this run's temp folder, one subfolder per print so the same
 * title can be printed again while the viewer still holds (and on Windows locks) the last one.
 */
export async function writeTempPdf(bytes: Uint8Array, fileName: string): Promise<string> {
  runDir ??= await mkdtemp(join(tmpdir(), 'jakpreneur-cetak-'));
  const dir = await mkdtemp(join(runDir, 'c-'));
  const path = join(dir, fileName);
  await writeFile(path, bytes);
  return path;
}

/** Best effort at quit: a viewer may still hold a file open, and the OS cleans its temp folder anyway. */
export function removeTempPdfs(): void {
  if (!runDir) return;
  try {
    rmSync(runDir, { recursive: true, force: true });
  } catch {
    // left for the OS
  }
  runDir = null;
}
