import { createPdfDocument, drawLetterhead, FONT, pdfToBuffer } from '../../core/pdf/document';
import { formatDateId, formatRupiah } from '../../core/format';
import { orderTotals } from './rules/money';
import { terbilangRupiah } from './rules/terbilang';

/** Everything the three documents of one assignment print; gathered by the API in one read. */
export interface AssignmentDocumentData {
  assignmentNo: string;
  orderNo: string;
  buyerOrderNo: string | null;
  budgetRef: string | null;
  orderDate: string;
  deliveryDate: string;
  deliveryTime: string | null;
  deliveryAddress: string;
  notes: string | null;
  /**
   * 'YYYY-MM-DD' of the event the document records: the assignment for the surat pesanan, the
   * hand-over for the BAST, the payment for the kwitansi. null while that event has not been
   * recorded: the document then prints as a form whose date is written in by hand.
   */
  documentDate: string | null;
  /** The actual hand-over (delivered_on), once recorded; the planned day is `deliveryDate`. */
  handedOverOn: string | null;
  ppnRateBp: number;
  line: { description: string; quantity: number; unit: string; unitPrice: number };
  buyer: { name: string; unit: string | null; address: string; ppkName: string | null; ppkNip: string | null; treasurerName: string | null };
  business: { name: string; ownerName: string; address: string; kelurahanNama: string | null; phone: string | null; npwp: string | null; nib: string | null };
  office: { letterheadLines: string[]; address: string; kecamatanNama: string; kotaNama: string; officerName: string };
}

export type DocumentKind = 'po' | 'bast' | 'invoice';

const DAYS_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
/** Where a date is still to be written in by hand. */
const BLANK_DATE = '.............................';
const dateOrBlank = (date: string | null) => (date ? formatDateId(date) : BLANK_DATE);

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|\s)\S/g, (c) => c.toUpperCase());
}

type Doc = PDFKit.PDFDocument;

function contentWidth(doc: Doc) {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function title(doc: Doc, text: string, number: string) {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font(FONT.sansBold, 13).text(text, left, doc.y, { width, align: 'center', underline: true });
  doc.font(FONT.sans, 10.5).text(`Nomor: ${number}`, left, doc.y + 2, { width, align: 'center' });
  doc.moveDown(1.2);
}

/** Label : value rows with aligned colons. */
function pairs(doc: Doc, rows: [string, string][], labelWidth = 130) {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font(FONT.sans, 10.5);
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.text(label, left, y, { width: labelWidth, lineBreak: false });
    doc.text(':', left + labelWidth, y, { lineBreak: false });
    doc.text(value || '-', left + labelWidth + 10, y, { width: width - labelWidth - 10 });
    doc.y = Math.max(doc.y, y + doc.currentLineHeight(true)) + 1;
  }
  doc.moveDown(0.5);
}

/** The goods table with totals; returns the grand total. */
function goodsTable(doc: Doc, d: AssignmentDocumentData, withTax: boolean): number {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const cols = [
    { title: 'No', w: 26, align: 'center' as const },
    { title: 'Uraian barang', w: width - 26 - 55 - 60 - 95 - 100, align: 'left' as const },
    { title: 'Jumlah', w: 55, align: 'right' as const },
    { title: 'Satuan', w: 60, align: 'left' as const },
    { title: 'Harga satuan', w: 95, align: 'right' as const },
    { title: 'Total', w: 100, align: 'right' as const },
  ];
  const totals = orderTotals([{ qty: d.line.quantity, unitPrice: d.line.unitPrice }], withTax ? d.ppnRateBp : 0);
  const cells = ['1', d.line.description, String(d.line.quantity), d.line.unit, formatRupiah(d.line.unitPrice), formatRupiah(totals.lines[0].total)];
  const pad = 4;
  const drawRow = (values: string[], bold: boolean, fill?: string) => {
    doc.font(bold ? FONT.sansBold : FONT.sans, 10);
    const h = Math.max(...values.map((v, i) => doc.heightOfString(v, { width: cols[i].w - 2 * pad }))) + 2 * pad;
    const y = doc.y;
    let x = left;
    if (fill) doc.save().rect(left, y, width, h).fill(fill).restore();
    values.forEach((v, i) => {
      doc.rect(x, y, cols[i].w, h).lineWidth(0.6).stroke('#444444');
      doc.fillColor('black').text(v, x + pad, y + pad, { width: cols[i].w - 2 * pad, align: cols[i].align });
      x += cols[i].w;
    });
    doc.x = left;
    doc.y = y + h;
  };
  drawRow(
    cols.map((c) => c.title),
    true,
    '#e8edf2',
  );
  drawRow(cells, false);
  const sumRow = (label: string, amount: number, bold = false) => {
    const y = doc.y;
    const labelW = width - cols[5].w;
    doc.font(bold ? FONT.sansBold : FONT.sans, 10);
    const h = doc.currentLineHeight(true) + 2 * pad;
    doc.rect(left, y, labelW, h).lineWidth(0.6).stroke('#444444');
    doc
      .rect(left + labelW, y, cols[5].w, h)
      .lineWidth(0.6)
      .stroke('#444444');
    doc.fillColor('black').text(label, left + pad, y + pad, { width: labelW - 2 * pad, align: 'right' });
    doc.text(formatRupiah(amount), left + labelW + pad, y + pad, { width: cols[5].w - 2 * pad, align: 'right' });
    doc.x = left;
    doc.y = y + h;
  };
  if (withTax && d.ppnRateBp > 0) {
    sumRow('Subtotal (dasar pengenaan pajak)', totals.subtotal);
    sumRow(`PPN ${(d.ppnRateBp / 100).toLocaleString('id-ID')}%`, totals.tax);
  }
  sumRow('Jumlah', totals.total, true);
  doc.moveDown(0.6);
  doc.font(FONT.sans, 10.5).text(`Terbilang: ${capitalise(terbilangRupiah(totals.total))}`, left, doc.y, { width, oblique: true });
  doc.moveDown(0.8);
  return totals.total;
}

/** Two signature columns side by side (left and right halves). */
function twoSignatures(doc: Doc, leftSig: SigColumn, rightSig: SigColumn) {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const colW = width / 2 - 10;
  const needed = 150;
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y + 6;
  const draw = (sig: SigColumn, x: number) => {
    doc.font(FONT.sans, 10.5);
    let y = top;
    for (const line of sig.heading) {
      doc.text(line, x, y, { width: colW, align: 'center' });
      y = doc.y;
    }
    y += 58;
    // No name yet (or an empty one): a dotted line to sign and write the name on.
    const name = sig.name;
    const named = name !== null && name !== '';
    doc.font(FONT.sansBold, 10.5).text(named ? name : '(.................................)', x, y, { width: colW, align: 'center', underline: named });
    if (sig.sub) doc.font(FONT.sans, 10).text(sig.sub, x, doc.y, { width: colW, align: 'center' });
    return doc.y;
  };
  const b1 = draw(leftSig, left);
  const b2 = draw(rightSig, left + width / 2 + 10);
  doc.x = left;
  doc.y = Math.max(b1, b2);
}

interface SigColumn {
  heading: string[];
  name: string | null;
  sub?: string;
}

function businessLetterhead(doc: Doc, d: AssignmentDocumentData) {
  const b = d.business;
  const parts = [
    b.address,
    b.kelurahanNama ? `Kel. ${titleCase(b.kelurahanNama)}` : null,
    b.phone ? `Telp. ${b.phone}` : null,
    b.nib ? `NIB ${b.nib}` : null,
  ].filter(Boolean);
  drawLetterhead(doc, { lines: [b.name.toUpperCase()], address: parts.join(' · ') });
}

function purchaseOrder(doc: Doc, d: AssignmentDocumentData) {
  drawLetterhead(doc, { lines: d.office.letterheadLines, address: d.office.address });
  title(doc, 'SURAT PESANAN', d.assignmentNo);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font(FONT.sans, 10.5).text('Kepada Yth.', left, doc.y);
  doc.font(FONT.sansBold, 10.5).text(`${d.business.ownerName} (${d.business.name})`, left, doc.y);
  doc.font(FONT.sans, 10.5).text(d.business.address, left, doc.y, { width });
  doc.moveDown(0.8);
  doc.text(
    `Melalui program e-order Jakpreneur, bersama ini kami sampaikan pesanan dari ${d.buyer.name}${d.buyer.unit ? ` (${d.buyer.unit})` : ''} untuk dikerjakan oleh usaha Saudara dengan rincian sebagai berikut:`,
    left,
    doc.y,
    { width, align: 'justify' },
  );
  doc.moveDown(0.6);
  pairs(
    doc,
    [
      ['Nomor pesanan', d.orderNo],
      ['Nomor pesanan pembeli', d.buyerOrderNo ?? '-'],
      ['Paket anggaran', d.budgetRef ?? '-'],
      ['Tanggal pesanan', formatDateId(d.orderDate)],
      ['Dikirim pada', `${formatDateId(d.deliveryDate)}${d.deliveryTime ? `, pukul ${d.deliveryTime} WIB` : ''}`],
      ['Alamat pengiriman', d.deliveryAddress],
      ['Catatan', d.notes ?? '-'],
    ],
    145,
  );
  goodsTable(doc, d, false);
  doc
    .font(FONT.sans, 10.5)
    .text(
      'Mohon konfirmasi kesanggupan kepada petugas e-order kecamatan paling lambat 1 (satu) hari kerja setelah surat ini diterima. Barang diserahkan bersama Berita Acara Serah Terima untuk ditandatangani pejabat pembuat komitmen (PPK) pembeli.',
      left,
      doc.y,
      { width, align: 'justify' },
    );
  doc.moveDown(0.5);
  twoSignatures(
    doc,
    { heading: ['Diterima oleh,', 'Pelaku usaha'], name: d.business.ownerName },
    { heading: [`${titleCase(d.office.kecamatanNama)}, ${dateOrBlank(d.documentDate)}`, 'Petugas e-order'], name: d.office.officerName },
  );
}

function bast(doc: Doc, d: AssignmentDocumentData) {
  businessLetterhead(doc, d);
  title(doc, 'BERITA ACARA SERAH TERIMA BARANG', `BAST/${d.assignmentNo}`);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const day = d.documentDate ? DAYS_ID[new Date(`${d.documentDate}T00:00:00Z`).getUTCDay()] : '................';
  doc
    .font(FONT.sans, 10.5)
    .text(`Pada hari ini, ${day} tanggal ${dateOrBlank(d.documentDate)}, kami yang bertanda tangan di bawah ini:`, left, doc.y, { width });
  doc.moveDown(0.5);
  doc.font(FONT.sansBold, 10.5).text('PIHAK PERTAMA (penyerah barang)', left, doc.y);
  pairs(doc, [
    ['Nama', d.business.ownerName],
    ['Nama usaha', d.business.name],
    ['Alamat', d.business.address],
  ]);
  doc.font(FONT.sansBold, 10.5).text('PIHAK KEDUA (penerima barang)', left, doc.y);
  pairs(doc, [
    ['Nama', d.buyer.ppkName ?? '-'],
    ['NIP', d.buyer.ppkNip ?? '-'],
    ['Jabatan', 'Pejabat Pembuat Komitmen (PPK)'],
    ['Instansi', `${d.buyer.name}${d.buyer.unit ? ` - ${d.buyer.unit}` : ''}`],
  ]);
  doc
    .font(FONT.sans, 10.5)
    .text(
      `PIHAK PERTAMA telah menyerahkan kepada PIHAK KEDUA, dan PIHAK KEDUA telah menerima dari PIHAK PERTAMA, barang pesanan nomor ${d.orderNo}${d.budgetRef ? ` (paket anggaran ${d.budgetRef})` : ''} di ${d.deliveryAddress}, dalam keadaan baik dan lengkap, dengan rincian:`,
      left,
      doc.y,
      { width, align: 'justify' },
    );
  doc.moveDown(0.5);
  goodsTable(doc, d, false);
  doc
    .font(FONT.sans, 10.5)
    .text('Demikian berita acara ini dibuat dengan sebenarnya dalam rangkap 2 (dua) untuk dipergunakan sebagaimana mestinya.', left, doc.y, {
      width,
      align: 'justify',
    });
  doc.moveDown(0.5);
  twoSignatures(
    doc,
    { heading: ['PIHAK PERTAMA', 'Yang menyerahkan,'], name: d.business.ownerName, sub: d.business.name },
    { heading: ['PIHAK KEDUA', 'Yang menerima,'], name: d.buyer.ppkName, sub: d.buyer.ppkNip ? `NIP. ${d.buyer.ppkNip}` : 'PPK' },
  );
}

function invoice(doc: Doc, d: AssignmentDocumentData) {
  businessLetterhead(doc, d);
  title(doc, 'KWITANSI / INVOICE', `INV/${d.assignmentNo}`);
  const left = doc.page.margins.left;
  const totals = orderTotals([{ qty: d.line.quantity, unitPrice: d.line.unitPrice }], d.ppnRateBp);
  pairs(
    doc,
    [
      ['Telah terima dari', `${d.buyer.name}${d.buyer.unit ? ` - ${d.buyer.unit}` : ''}`],
      ['Uang sejumlah', capitalise(terbilangRupiah(totals.total))],
      [
        'Untuk pembayaran',
        `${d.line.description}, ${d.line.quantity} ${d.line.unit}, pesanan ${d.orderNo}${d.budgetRef ? `, paket anggaran ${d.budgetRef}` : ''}`,
      ],
      ['Tanggal serah terima', dateOrBlank(d.handedOverOn)],
    ],
    120,
  );
  goodsTable(doc, d, true);
  const boxY = doc.y;
  doc.font(FONT.sansBold, 14);
  const amount = formatRupiah(totals.total);
  const boxW = doc.widthOfString(amount) + 28;
  doc.rect(left, boxY, boxW, 28).lineWidth(1.2).stroke('black');
  doc.text(amount, left + 14, boxY + 7, { lineBreak: false });
  doc.x = left;
  doc.y = boxY + 36;
  if (d.business.npwp) doc.font(FONT.sans, 10).text(`NPWP penerima: ${d.business.npwp}`, left, doc.y);
  doc.moveDown(0.3);
  twoSignatures(
    doc,
    { heading: ['Mengetahui,', 'Bendahara pembeli'], name: d.buyer.treasurerName },
    { heading: [`Jakarta, ${dateOrBlank(d.documentDate)}`, 'Yang menerima,'], name: d.business.ownerName, sub: d.business.name },
  );
}

const documentTitles: Record<DocumentKind, string> = { po: 'Surat Pesanan', bast: 'Berita Acara Serah Terima', invoice: 'Kwitansi' };

/** A reprint says so: a pale diagonal word under the content and a boxed label at the top right. */
function markCopy(doc: Doc) {
  doc.save();
  doc.rotate(-35, { origin: [doc.page.width / 2, doc.page.height / 2] });
  doc.font(FONT.sansBold, 110).fillColor('#000000').fillOpacity(0.07);
  doc.text('SALINAN', 0, doc.page.height / 2 - 60, { width: doc.page.width, align: 'center', lineBreak: false });
  doc.restore();
  doc.save().fillOpacity(1).fillColor('black').font(FONT.sansBold, 10);
  const w = doc.widthOfString('SALINAN') + 16;
  const x = doc.page.width - doc.page.margins.right - w;
  const y = doc.page.margins.top - 26;
  doc.rect(x, y, w, 18).lineWidth(1).stroke();
  doc.text('SALINAN', x, y + 4, { width: w, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillColor('black').fillOpacity(1);
}

/**
 * One document of an assignment as PDF bytes: a pure function of its data, so a reprint from
 * the stored data of the first print is the same document, marked SALINAN when `copy` is set.
 */
export async function renderAssignmentDocument(kind: DocumentKind, d: AssignmentDocumentData, options: { copy?: boolean } = {}): Promise<Buffer> {
  const doc = createPdfDocument({
    info: { Title: `${documentTitles[kind]} ${d.assignmentNo}${options.copy ? ' (salinan)' : ''}`, Subject: 'E-order Jakpreneur' },
  });
  if (options.copy) markCopy(doc);
  doc.x = doc.page.margins.left;
  doc.y = doc.page.margins.top;
  if (kind === 'po') purchaseOrder(doc, d);
  else if (kind === 'bast') bast(doc, d);
  else invoice(doc, d);
  return pdfToBuffer(doc);
}
