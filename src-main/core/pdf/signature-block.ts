import { FONT } from './fonts.js';

/** The signatory's part of a decision or certificate ("Ditetapkan di ..., pada tanggal ..."). */
export interface SignatureBlock {
  place: string;
  /** Already formatted, e.g. formatDateId('2026-11-28'). */
  date: string;
  /** Office title of the signatory, e.g. 'CAMAT KEBAYORAN BARU'. */
  title: string;
  name: string;
  nip: string;
  /** Left edge of the block; defaults to flush with the right margin. */
  x?: number;
  /** Top of the block; defaults to doc.y. */
  y?: number;
  /** Block width in points; default 230. */
  width?: number;
  /** Height left blank for the wet signature and stamp; default 64 pt (about 2.3 cm). */
  signatureSpace?: number;
}

export interface SignatureBlockResult {
  /** y just below the NIP line. */
  bottom: number;
  /** The blank space between title and name: where a stamp or a QR code may go. */
  signatureArea: { x: number; y: number; width: number; height: number };
}

const SIZE = 11;
const DEFAULT_WIDTH = 230;
const DEFAULT_SIGNATURE_SPACE = 64;

/**
 * Draws the signature block. Place and date sit at the block's left with aligned colons; title,
 * name (bold, underlined) and NIP are centred under them, as on Indonesian government letters.
 * The block is never split: if it does not fit above the bottom margin it moves to a new page.
 */
export function drawSignatureBlock(doc: PDFKit.PDFDocument, block: SignatureBlock): SignatureBlockResult {
  const width = block.width ?? DEFAULT_WIDTH;
  const space = block.signatureSpace ?? DEFAULT_SIGNATURE_SPACE;
  const x = block.x ?? doc.page.width - doc.page.margins.right - width;

  doc.font(FONT.sans, SIZE);
  const labels = ['Ditetapkan di', 'pada tanggal'];
  const labelWidth = Math.max(...labels.map((label) => doc.widthOfString(label))) + 4;
  const colonWidth = doc.widthOfString(': ');
  const valueWidth = width - labelWidth - colonWidth;
  const values = [block.place, block.date];

  const lineHeight = doc.currentLineHeight(true);
  const height =
    values.reduce((sum, value) => sum + Math.max(lineHeight, doc.heightOfString(value, { width: valueWidth })), 0) +
    8 +
    doc.heightOfString(block.title, { width, align: 'center' }) +
    space +
    2 * lineHeight;

  let y = block.y ?? doc.y;
  if (y + height > doc.page.height - doc.page.margins.bottom) {
    doc.addPage();
    y = doc.page.margins.top;
  }

  labels.forEach((label, index) => {
    doc.text(label, x, y, { lineBreak: false });
    doc.text(':', x + labelWidth, y, { lineBreak: false });
    doc.text(values[index], x + labelWidth + colonWidth, y, { width: valueWidth });
    y = Math.max(doc.y, y + lineHeight);
  });

  y += 8;
  doc.text(block.title, x, y, { width, align: 'center' });
  y = doc.y;

  const signatureArea = { x, y, width, height: space };
  y += space;

  doc.font(FONT.sansBold, SIZE).text(block.name, x, y, { width, align: 'center', underline: true });
  doc.font(FONT.sans, SIZE).text(`NIP. ${block.nip}`, x, doc.y, { width, align: 'center' });
  const bottom = doc.y;

  doc.x = doc.page.margins.left;
  return { bottom, signatureArea };
}
