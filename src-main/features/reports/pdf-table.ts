import { FONT } from '../../core/pdf/document';
import { formatValue } from './format';
import { cellType, type ReportRow, type ReportTable, type ReportValue } from './model';

// Tables of the monthly report, measured before they are drawn: every column as wide as its
// content needs (numbers on one line, always), text columns sharing what is left and wrapping
// inside their cell, every row as tall as its tallest cell. Drawing then never guesses.

const PAD_X = 4;
const PAD_Y = 3;
const SIZES = [8.5, 8, 7.5, 7, 6.5];
/** A label column narrower than this reads badly; numbers shrink the font before that happens. */
const MIN_TEXT_WIDTH = 110;

type Doc = PDFKit.PDFDocument;

export interface MeasuredTable {
  size: number;
  widths: number[];
  numeric: boolean[];
  header: string[];
  rows: { cells: string[]; bold: boolean }[];
  headerHeight: number;
  rowHeights: number[];
}

const isTotal = (table: ReportTable, row: ReportTable['rows'][number]) => row[table.columns[0].key] === 'Jumlah';

function widest(doc: Doc, texts: string[], font: string, size: number): number {
  doc.font(font, size);
  return texts.reduce((max, t) => Math.max(max, doc.widthOfString(t)), 0);
}

/** A row's cell, or undefined where the row has none for the column (rows are plain records). */
const cellAt = (row: ReportRow, key: string): ReportValue | undefined => row[key];

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** A layout at `size`, or null when it does not fit; forced, it always gives one (cells wrap as they must). */
function attempt(doc: Doc, table: ReportTable, width: number, size: number, force: true): MeasuredTable;
function attempt(doc: Doc, table: ReportTable, width: number, size: number, force: false): MeasuredTable | null;
function attempt(doc: Doc, table: ReportTable, width: number, size: number, force: boolean): MeasuredTable | null {
  const header = table.columns.map((c) => c.label);
  // A missing cell is empty; a null one is a share of nothing, printed "–".
  const rows = table.rows.map((row) => ({
    cells: table.columns.map((c) => (cellAt(row, c.key) === undefined ? '' : formatValue(row[c.key], cellType(c, row)))),
    bold: isTotal(table, row),
  }));
  const numeric = table.columns.map((c) => c.type !== 'text');
  const cellsOf = (i: number, bold: boolean) => rows.filter((r) => r.bold === bold).map((r) => r.cells[i]);
  const need = table.columns.map((_, i) => {
    const content = Math.max(widest(doc, cellsOf(i, false), FONT.sans, size), widest(doc, cellsOf(i, true), FONT.sansBold, size));
    const headerWord = widest(doc, words(header[i]), FONT.sansBold, size);
    const headerWhole = widest(doc, [header[i]], FONT.sansBold, size);
    if (numeric[i]) {
      // A number never wraps: its column is at least as wide as its widest value.
      return { min: Math.max(content, headerWord) + 2 * PAD_X, natural: Math.max(content, headerWhole) + 2 * PAD_X };
    }
    const longestWord = Math.max(headerWord, ...rows.map((r) => widest(doc, words(r.cells[i]), r.bold ? FONT.sansBold : FONT.sans, size)));
    const natural = Math.max(content, headerWhole) + 2 * PAD_X;
    return { min: Math.min(natural, Math.max(longestWord + 2 * PAD_X, MIN_TEXT_WIDTH)), natural };
  });
  const sum = (list: number[]) => list.reduce((s, n) => s + n, 0);
  const textIdx = table.columns.flatMap((_, i) => (numeric[i] ? [] : [i]));
  const numIdx = table.columns.flatMap((_, i) => (numeric[i] ? [i] : []));
  const textMin = sum(textIdx.map((i) => need[i].min));
  const numMin = sum(numIdx.map((i) => need[i].min));
  if (numMin + textMin > width && !force) return null;

  const widths = need.map((n) => n.min);
  // Spare room goes first to the labels (up to two fifths of the table, so they wrap less), then
  // to the numbers' headers (whole on one line), then to the labels again; the first label
  // column takes whatever is left.
  const grow = (cols: number[], target: (i: number) => number) => {
    const spare = width - sum(widths);
    const wanted = sum(cols.map((i) => Math.max(0, target(i) - widths[i])));
    if (spare <= 0 || wanted <= 0) return;
    const share = Math.min(spare, wanted);
    for (const i of cols) widths[i] += (Math.max(0, target(i) - widths[i]) / wanted) * share;
  };
  const textShare = (width * 0.4) / Math.max(1, textIdx.length);
  grow(textIdx, (i) => Math.min(need[i].natural, Math.max(need[i].min, textShare)));
  grow(numIdx, (i) => need[i].natural);
  grow(textIdx, (i) => need[i].natural);
  const left = width - sum(widths);
  if (left > 0) widths[textIdx[0] ?? 0] += left;

  const lineHeight = (bold: boolean) => doc.font(bold ? FONT.sansBold : FONT.sans, size).currentLineHeight(true);
  const heightOf = (text: string, i: number, bold: boolean) => {
    if (numeric[i] || text === '') return lineHeight(bold);
    doc.font(bold ? FONT.sansBold : FONT.sans, size);
    return doc.heightOfString(text, { width: widths[i] - 2 * PAD_X });
  };
  const headerHeight =
    Math.max(
      ...header.map((h, i) => {
        doc.font(FONT.sansBold, size);
        return doc.heightOfString(h, { width: widths[i] - 2 * PAD_X });
      }),
    ) +
    2 * PAD_Y;
  const rowHeights = rows.map((r) => Math.max(...r.cells.map((c, i) => heightOf(c, i, r.bold))) + 2 * PAD_Y);
  return { size, widths, numeric, header, rows, headerHeight, rowHeights };
}

/** Column widths and row heights of a table drawn `width` points wide, shrinking the type if needed. */
export function measureTable(doc: Doc, table: ReportTable, width: number): MeasuredTable {
  for (const size of SIZES) {
    const m = attempt(doc, table, width, size, false);
    if (m) return m;
  }
  return attempt(doc, table, width, SIZES[SIZES.length - 1], true);
}

/** Draws one row (header or data) at `y`; the row's height was measured beforehand. */
export function drawRow(
  doc: Doc,
  m: MeasuredTable,
  left: number,
  y: number,
  height: number,
  cells: string[],
  opts: { bold: boolean; fill?: string; header?: boolean },
): void {
  const width = m.widths.reduce((s, w) => s + w, 0);
  if (opts.fill) doc.save().rect(left, y, width, height).fill(opts.fill).restore();
  doc.font(opts.bold ? FONT.sansBold : FONT.sans, m.size).fillColor('#111111');
  let x = left;
  cells.forEach((cell, i) => {
    const inner = m.widths[i] - 2 * PAD_X;
    if (m.numeric[i] && !opts.header) {
      // Placed by hand at its measured width: a number is one run of text, never wrapped.
      doc.text(cell, x + m.widths[i] - PAD_X - doc.widthOfString(cell), y + PAD_Y, { lineBreak: false });
    } else {
      doc.text(cell, x + PAD_X, y + PAD_Y, { width: inner, align: m.numeric[i] ? 'right' : 'left' });
    }
    x += m.widths[i];
  });
  doc
    .save()
    .moveTo(left, y + height)
    .lineTo(left + width, y + height)
    .lineWidth(0.4)
    .strokeColor('#c8d0da')
    .stroke()
    .restore();
}
