import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const execFileAsync = promisify(execFile);

/**
 * Text of each page, as pdfjs (the engine of Firefox's viewer) extracts it: the check that a
 * document's fonts carry a usable Unicode mapping. Text items are joined as they come; a line
 * break follows every item pdfjs marks as ending a line.
 */
export async function extractPdfText(buf: Buffer | Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(buf),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      pages.push(text);
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/**
 * Renders one page (1-based) to a PNG with poppler's pdftoppm, an independent renderer from the
 * one that extracts text. Requires poppler-utils (Debian: apt-get install poppler-utils); a
 * missing pdftoppm fails the test rather than skipping it.
 */
export async function renderPdfPageToPng(
  buf: Buffer | Uint8Array,
  pageNumber: number,
  outFile: string,
  dpi = 150,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jpd-pdf-'));
  try {
    const input = join(dir, 'in.pdf');
    await writeFile(input, buf);
    const prefix = join(dir, 'page');
    const page = String(pageNumber);
    try {
      await execFileAsync('pdftoppm', ['-png', '-r', String(dpi), '-f', page, '-l', page, '-singlefile', input, prefix]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error('pdftoppm tidak ditemukan: pasang poppler-utils (apt-get install -y poppler-utils).');
      }
      throw error;
    }
    // rename() cannot cross file systems (tmpfs to the project); copy through memory then.
    await rename(`${prefix}.png`, outFile).catch(async () => {
      await writeFile(outFile, await readFile(`${prefix}.png`));
    });
    return outFile;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of the QR code found in a PNG, or null when there is none that jsQR can read. */
export function decodeQrFromPng(file: string): string | null {
  const png = PNG.sync.read(readFileSync(file));
  const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height, {
    inversionAttempts: 'dontInvert',
  });
  return found ? found.data : null;
}
