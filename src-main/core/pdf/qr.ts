import { create } from 'qrcode';

export interface QrPlacement {
  x: number;
  y: number;
  /** Side of the whole square in points, quiet zone included. */
  size: number;
  /** Width of the quiet zone in modules; the standard asks for 4. */
  quietZone?: number;
}

/**
 * Draws `text` as a QR code (error correction M) made of vector rectangles, so it stays sharp
 * at any print resolution and adds no raster image to the file. The square, quiet zone
 * included, is painted white first so the code also scans when drawn over a tinted background.
 * Throws if the text is too long for any QR version.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, placement: QrPlacement): void {
  const { x, y, size } = placement;
  const quiet = placement.quietZone ?? 4;
  const matrix = create(text, { errorCorrectionLevel: 'M' }).modules;
  const count = matrix.size;
  const moduleSize = size / (count + 2 * quiet);

  doc.save();
  doc.rect(x, y, size, size).fill('white');

  // Dark modules of a row are merged into runs and the whole code filled as one path: adjacent
  // rectangles filled one by one leave hairline seams in anti-aliased viewers.
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!matrix.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && matrix.get(row, col)) col++;
      doc.rect(
        x + (quiet + start) * moduleSize,
        y + (quiet + row) * moduleSize,
        (col - start) * moduleSize,
        moduleSize,
      );
    }
  }
  doc.fill('black');
  doc.restore();
}
