import { jakartaDate } from '../../core/clock';
import { formatDateId } from '../../core/format';
import { createPdfDocument, drawLetterhead, drawSignatureBlock, FONT, pdfToBuffer } from '../../core/pdf/document';
import { drawQrImage } from '../../core/pdf/qr';

/** One certificate as printed: everything comes from the stored certificate and its training. */
export interface TrainingCertificate {
  number: string;
  /** 'YYYY-MM-DD': the day the training was completed. */
  issuedOn: string;
  /** Printed before: the page is marked SALINAN, otherwise identical. */
  copy: boolean;
  holder: { fullName: string; memberNo: string };
  training: { topic: string; startsAt: string; endsAt: string; mode: 'online' | 'offline'; place: string | null; trainer: string; organiser: string };
  /** The signed text of the QR code (JPD1...), also printed small for software to read. */
  qrText: string;
}

export interface CertificateOffice {
  name: string;
  letterheadLines: string[];
  address: string;
  postalCode: string | null;
  phone: string | null;
  email: string | null;
  kecamatanNama: string;
  signatoryTitle: string;
  signatoryName: string;
  signatoryNip: string;
}

const CM = 72 / 2.54;
const MARGIN = Math.round(1.6 * CM);
const BRAND = '#0b3d6b';
const ACCENT = '#c8962e';
/** At least 3 cm with its quiet zone, so a phone camera reads it from a desk. */
const QR_SIZE = 3.2 * CM;

/** "12 November 2026" or "12 s.d. 13 November 2026" for a training over several days. */
export function trainingDates(startsAt: string, endsAt: string): string {
  const from = jakartaDate(startsAt);
  const to = jakartaDate(endsAt);
  return from === to ? formatDateId(from) : `${formatDateId(from)} s.d. ${formatDateId(to)}`;
}

/**
 * Training certificates, one landscape A4 page each: a framed page with the office's letterhead,
 * "SERTIFIKAT", the stored number, the participant, the training, its dates and organiser, the
 * trainer and the signatory, and the office's signed QR code. A pure function of its data, so it
 * can run outside the database transaction (or in a worker).
 */
export function renderTrainingCertificates(list: TrainingCertificate[], office: CertificateOffice): Promise<Buffer> {
  const title = list.length === 1 ? `Sertifikat ${list[0].number}` : `Sertifikat Pelatihan (${list.length})`;
  const doc = createPdfDocument({
    layout: 'landscape',
    margins: { top: MARGIN + 14, bottom: MARGIN, left: MARGIN + 24, right: MARGIN + 24 },
    info: { Title: title, Author: office.name, Subject: 'Sertifikat Pelatihan Jakpreneur (P2)' },
  });
  list.forEach((c, index) => {
    if (index > 0) doc.addPage();
    drawCertificate(doc, c, office);
  });
  if (list.length === 0) doc.font(FONT.sans, 12).text('Belum ada peserta yang lulus pelatihan ini.');
  return pdfToBuffer(doc);
}

function drawCertificate(doc: PDFKit.PDFDocument, c: TrainingCertificate, office: CertificateOffice): void {
  const W = doc.page.width;
  const H = doc.page.height;
  const left = doc.page.margins.left;
  const width = W - left - doc.page.margins.right;
  const address = [office.address, office.postalCode, office.phone ? `Telp. ${office.phone}` : null, office.email].filter(Boolean).join(' · ');
  const t = c.training;
  const where = t.mode === 'online' ? 'secara daring' : `secara luring di ${t.place ?? office.name}`;

  // Frame: a thick brand line with a thin gold line inside it.
  doc.save();
  doc
    .lineWidth(3)
    .strokeColor(BRAND)
    .rect(MARGIN - 18, MARGIN - 18, W - 2 * (MARGIN - 18), H - 2 * (MARGIN - 18))
    .stroke();
  doc
    .lineWidth(1)
    .strokeColor(ACCENT)
    .rect(MARGIN - 11, MARGIN - 11, W - 2 * (MARGIN - 11), H - 2 * (MARGIN - 11))
    .stroke();
  doc.restore();

  if (c.copy) {
    // A reprint says so, under the content and in a box at the top right; nothing else changes.
    doc.save();
    doc.rotate(-18, { origin: [W / 2, H / 2] });
    doc.font(FONT.sansBold, 96).fillColor('#000000').fillOpacity(0.06);
    doc.text('SALINAN', 0, H / 2 - 56, { width: W, align: 'center', lineBreak: false });
    doc.restore();
    doc.fillOpacity(1).fillColor('black');
  }

  const y = drawLetterhead(doc, { lines: office.letterheadLines, address });
  if (c.copy) {
    doc.save().font(FONT.sansBold, 10);
    const w = doc.widthOfString('SALINAN') + 16;
    const x = left + width - w;
    doc
      .rect(x, y + 2, w, 18)
      .lineWidth(1)
      .stroke();
    doc.text('SALINAN', x, y + 6, { width: w, align: 'center', lineBreak: false });
    doc.restore();
  }

  doc
    .font(FONT.serifBold, 32)
    .fillColor(BRAND)
    .text('SERTIFIKAT', left, y + 2, { width, align: 'center' });
  doc
    .font(FONT.sans, 10)
    .fillColor('black')
    .text(`Nomor: ${c.number}`, left, doc.y + 1, { width, align: 'center' });

  doc.font(FONT.sans, 12).text('diberikan kepada', left, doc.y + 10, { width, align: 'center' });
  doc
    .font(FONT.serifBold, 24)
    .fillColor(BRAND)
    .text(c.holder.fullName, left, doc.y + 3, { width, align: 'center' });
  const nameBottom = doc.y;
  doc
    .save()
    .lineWidth(0.75)
    .strokeColor(ACCENT)
    .moveTo(W / 2 - 170, nameBottom + 2)
    .lineTo(W / 2 + 170, nameBottom + 2)
    .stroke()
    .restore();
  doc
    .font(FONT.sans, 10)
    .fillColor('black')
    .text(`Nomor Anggota Jakpreneur: ${c.holder.memberNo}`, left, nameBottom + 6, { width, align: 'center' });

  doc.font(FONT.sans, 12).text('atas partisipasinya sebagai peserta pelatihan', left, doc.y + 8, { width, align: 'center' });
  doc.font(FONT.sansBold, 15).text(t.topic, left + 40, doc.y + 3, { width: width - 80, align: 'center' });
  doc
    .font(FONT.sans, 11)
    .text(
      `Program Jakpreneur tahap P2 (Pelatihan), diselenggarakan oleh ${office.name} bersama ${t.organiser}, pada ${trainingDates(t.startsAt, t.endsAt)} ${where}.`,
      left + 60,
      doc.y + 5,
      { width: width - 120, align: 'center' },
    );

  // Bottom band: the trainer at the left, the QR code in the middle, the signatory at the right;
  // the trainer's title and name sit level with the signatory's.
  const bandTop = Math.max(doc.y + 12, H - doc.page.margins.bottom - 150);
  const signature = drawSignatureBlock(doc, {
    place: office.kecamatanNama,
    date: formatDateId(c.issuedOn),
    title: office.signatoryTitle,
    name: office.signatoryName,
    nip: office.signatoryNip,
    y: bandTop,
    width: 250,
    x: W - doc.page.margins.right - 260,
  });
  doc.font(FONT.sans, 11);
  const lineHeight = doc.currentLineHeight(true);
  const area = signature.signatureArea;
  doc.text('Pelatih,', left + 10, area.y - lineHeight, { width: 250, align: 'center' });
  doc.font(FONT.sansBold, 11).text(t.trainer, left + 10, area.y + area.height, { width: 250, align: 'center' });

  const qrX = W / 2 - QR_SIZE / 2;
  const qrY = bandTop + 4;
  drawQrImage(doc, c.qrText, { x: qrX, y: qrY, size: QR_SIZE });
  doc
    .font(FONT.sans, 7)
    .fillColor('#333333')
    .text('Pindai untuk memeriksa keaslian', qrX - 20, qrY + QR_SIZE + 1, { width: QR_SIZE + 40, align: 'center', lineBreak: false });

  // The QR text once more in small type, so software can read it from the PDF without a camera.
  const footY = H - doc.page.margins.bottom + 1;
  doc.font(FONT.sans, 6).fillColor('#444444');
  const label = 'Kode verifikasi: ';
  const labelWidth = doc.widthOfString(label);
  const avail = width - labelWidth;
  const size = Math.min(5, avail / (0.6 * c.qrText.length));
  doc.text(label, left, footY, { lineBreak: false });
  doc.font('Courier', size).text(c.qrText, left + labelWidth, footY + (6 - size) / 2, { lineBreak: false });
  doc.fillColor('black').font(FONT.sans, 11);
}
