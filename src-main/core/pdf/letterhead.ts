import { FONT } from './fonts.js';

/** Kop surat: the heading of every official letter and certificate of the office. */
export interface Letterhead {
  /** e.g. ['PEMERINTAH PROVINSI DAERAH KHUSUS JAKARTA', 'KOTA ADMINISTRASI JAKARTA SELATAN', 'KECAMATAN KEBAYORAN BARU'] */
  lines: string[];
  /** Street, telephone, e-mail, postal code; printed smaller and wrapped if long. */
  address?: string;
}

const LINE_SIZE = 13;
// The last line names the issuing office itself, which the convention prints largest.
const OFFICE_LINE_SIZE = 15;
const ADDRESS_SIZE = 9;
const THICK_RULE = 2.5;
const THIN_RULE = 0.75;
const RULE_GAP = 1.5;
const SPACE_AFTER = 16;

/**
 * Draws the letterhead at the top margin of the current page: bold centred lines, the address
 * in small type, then the double rule (thick above thin) that closes an Indonesian kop surat,
 * from the left to the right margin. Leaves doc.y below the rule (also returned) and the font
 * at 'sans' 11 pt.
 */
export function drawLetterhead(doc: PDFKit.PDFDocument, letterhead: Letterhead): number {
  const lines = letterhead.lines.map((line) => line.trim()).filter((line) => line.length > 0);
  if (lines.length === 0) throw new Error('Kop surat memerlukan sedikitnya satu baris.');

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  let y = doc.page.margins.top;

  lines.forEach((line, index) => {
    const nominal = lines.length > 1 && index === lines.length - 1 ? OFFICE_LINE_SIZE : LINE_SIZE;
    doc.font(FONT.sansBold, nominal);
    // A heading line must stay on one line: shrink long office names instead of wrapping them.
    const natural = doc.widthOfString(line);
    if (natural > width) doc.fontSize((nominal * width) / natural);
    const lineWidth = doc.widthOfString(line);
    doc.text(line, left + (width - lineWidth) / 2, y, { lineBreak: false });
    y += doc.currentLineHeight(true);
  });

  const address = letterhead.address?.trim();
  if (address) {
    doc.font(FONT.sans, ADDRESS_SIZE);
    y += 1;
    doc.text(address, left, y, { width, align: 'center' });
    y = doc.y;
  }

  // The rule hangs a little below the text; line widths are centred on the path, hence the halves.
  y += 4;
  doc.save();
  doc.strokeColor('black').lineCap('butt');
  doc
    .lineWidth(THICK_RULE)
    .moveTo(left, y + THICK_RULE / 2)
    .lineTo(left + width, y + THICK_RULE / 2)
    .stroke();
  y += THICK_RULE + RULE_GAP;
  doc
    .lineWidth(THIN_RULE)
    .moveTo(left, y + THIN_RULE / 2)
    .lineTo(left + width, y + THIN_RULE / 2)
    .stroke();
  y += THIN_RULE;
  doc.restore();

  y += SPACE_AFTER;
  doc.font(FONT.sans, 11);
  doc.x = left;
  doc.y = y;
  return y;
}
