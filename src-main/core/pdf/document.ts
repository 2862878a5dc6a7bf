import PDFDocument from 'pdfkit';
import { FONT, fontData, type FontName } from './fonts.js';

export { FONT, type FontName } from './fonts.js';
export { drawLetterhead, type Letterhead } from './letterhead.js';
export { drawSignatureBlock, type SignatureBlock, type SignatureBlockResult } from './signature-block.js';

export interface PdfDocumentOptions {
  size?: 'A4';
  /** Points; defaults to 2 cm on every side (Indonesian official letters use 2-3 cm). */
  margins?: { top: number; bottom: number; left: number; right: number };
  layout?: 'portrait' | 'landscape';
  info?: { Title?: string; Author?: string; Subject?: string; Keywords?: string; CreationDate?: Date };
  /** Keep pages in memory until the end, to write page numbers ("halaman 1 dari 3") last. */
  bufferPages?: boolean;
}

const CM = 72 / 2.54;
const DEFAULT_MARGIN = Math.round(2 * CM);

/**
 * A pdfkit document with the DejaVu fonts registered as 'sans', 'sans-bold', 'serif' and
 * 'serif-bold'. pdfkit embeds TrueType fonts as subsets with a ToUnicode map, so the text of
 * every document can be extracted (and searched) again. The default font is 'sans' so that no
 * text ever falls back to the standard Helvetica, which is not embedded and lacks many glyphs.
 */
export function createPdfDocument(opts: PdfDocumentOptions = {}): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: opts.size ?? 'A4',
    layout: opts.layout ?? 'portrait',
    margins: opts.margins ?? {
      top: DEFAULT_MARGIN,
      bottom: DEFAULT_MARGIN,
      left: DEFAULT_MARGIN,
      right: DEFAULT_MARGIN,
    },
    lang: 'id-ID',
    bufferPages: opts.bufferPages ?? false,
    displayTitle: Boolean(opts.info?.Title),
    info: {
      Creator: 'Jakpreneur Desk',
      Producer: 'Jakpreneur Desk (pdfkit)',
      ...opts.info,
    },
  });
  for (const name of Object.values(FONT) as FontName[]) {
    doc.registerFont(name, fontData(name));
  }
  // Set here rather than through the constructor's `font` option: that option makes pdfkit
  // re-read the font file on every later doc.font('sans') call.
  return doc.font(FONT.sans);
}

/** Ends the document and resolves with its bytes. Call once, after the last drawing. */
export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.once('end', () => resolvePromise(Buffer.concat(chunks)));
    doc.once('error', reject);
    doc.end();
  });
}
