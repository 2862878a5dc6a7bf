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
      doc.rect(x + (quiet + start) * moduleSize, y + (quiet + row) * moduleSize, (col - start) * moduleSize, moduleSize);
    }
  }
  doc.fill('black');
  doc.restore();
}

let qrImageCount = 0;

/**
 * The same code as one 1-bit image, one pixel per module, drawn without interpolation: as sharp
 * as the vector squares in print, but a few hundred bytes and one operator instead of a thousand
 * rectangles, which matters when a whole session's certificates print as one document.
 */
export function drawQrImage(doc: PDFKit.PDFDocument, text: string, placement: QrPlacement): void {
  const quiet = placement.quietZone ?? 4;
  const matrix = create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' }).modules;
  const side = matrix.size + 2 * quiet;
  const stride = Math.ceil(side / 8);
  // DeviceGray, 1 bit per pixel: 1 is white. Start all white and clear the dark modules' bits.
  const pixels = Buffer.alloc(stride * side, 0xff);
  for (let row = 0; row < matrix.size; row++) {
    for (let col = 0; col < matrix.size; col++) {
      if (!matrix.get(row, col)) continue;
      const x = col + quiet;
      pixels[(row + quiet) * stride + (x >> 3)] &= ~(0x80 >> (x & 7));
    }
  }
  const ref = doc.ref({ Type: 'XObject', Subtype: 'Image', Width: side, Height: side, BitsPerComponent: 1, ColorSpace: 'DeviceGray', Interpolate: false });
  ref.end(pixels);
  // pdfkit draws an already embedded image object handed to it with its size and resource name.
  const image = { width: side, height: side, label: `IQrImg${++qrImageCount}`, obj: ref, orientation: 1, embed: () => undefined };
  doc.image(image as never, placement.x, placement.y, { width: placement.size, height: placement.size });
}
