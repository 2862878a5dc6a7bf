import { join } from 'node:path';
import jsQR from 'jsqr';
// Types only: pdf.js itself is loaded on first use.
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof PdfJsModule;

// pdf.js falls back to these for any font a document does not embed (ours embed all of theirs).
const STANDARD_FONTS = join(import.meta.dirname, '..', '..', 'node_modules', 'pdfjs-dist', 'standard_fonts') + '/';

/** Opens a PDF with pdf.js (the engine of Firefox's viewer), runs `work`, and frees it. */
async function withPdf<T>(buf: Buffer | Uint8Array, work: (pdf: Awaited<ReturnType<PdfJs['getDocument']>['promise']>) => Promise<T>): Promise<T> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(buf),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    standardFontDataUrl: STANDARD_FONTS,
    verbosity: 0,
  });
  try {
    return await work(await task.promise);
  } finally {
    await task.destroy();
  }
}

/**
 * Text of each page, as pdf.js extracts it: the check that a document's fonts carry a usable
 * Unicode mapping. Text items are joined as they come; a line break follows every item pdf.js
 * marks as ending a line.
 */
export function extractPdfText(buf: Buffer | Uint8Array): Promise<string[]> {
  return withPdf(buf, async (pdf) => {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      pages.push(text);
    }
    return pages;
  });
}

/** One run of text where pdf.js places it, in points from the page's top left corner. */
export interface PlacedText {
  str: string;
  x: number;
  /** Top of the run's glyph box. */
  top: number;
  width: number;
  height: number;
}

/** Every non-blank text run of every page with its box, for layout checks (overlaps, wraps). */
export function extractPdfLayout(buf: Buffer | Uint8Array): Promise<{ width: number; height: number; items: PlacedText[] }[]> {
  return withPdf(buf, async (pdf) => {
    const pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [, , width, height] = page.view;
      const items: PlacedText[] = [];
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [, , , scaleY, x, baseline] = item.transform as number[];
        const size = Math.abs(scaleY);
        items.push({ str: item.str, x, top: height - baseline - size * 0.8, width: item.width, height: size });
      }
      pages.push({ width, height, items });
    }
    return pages;
  });
}

/** A rendered page: PNG bytes to look at, RGBA pixels to read a QR code from. */
export interface RenderedPage {
  png: Buffer;
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

/**
 * Renders one page (1-based) with pdf.js onto a canvas from the npm package @napi-rs/canvas
 * (its prebuilt binary comes inside the package): nothing outside npm is needed.
 */
export function renderPdfPage(buf: Buffer | Uint8Array, pageNumber: number, dpi = 150): Promise<RenderedPage> {
  return withPdf(buf, async (pdf) => {
    const page = await pdf.getPage(pageNumber);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    const { createCanvas } = await import('@napi-rs/canvas');
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    const rgba = context.getImageData(0, 0, width, height).data;
    return { png: canvas.toBuffer('image/png'), width, height, rgba };
  });
}

/** The text of the QR code on a rendered page, or null when there is none that jsQR can read. */
export function decodeQr(page: Pick<RenderedPage, 'rgba' | 'width' | 'height'>): string | null {
  const found = jsQR(page.rgba, page.width, page.height, { inversionAttempts: 'dontInvert' });
  return found ? found.data : null;
}
