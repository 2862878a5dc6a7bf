import { jakartaDate } from '../../core/clock';
import { formatDateId } from '../../core/format';
import { createPdfDocument, drawLetterhead, drawSignatureBlock, FONT, pdfToBuffer } from '../../core/pdf/document';
import type { loadOffice } from '../office';
import type { Skpd } from '../registrations/tables';
import { SKPD_LABELS } from './common';

export interface CertificateParticipant {
  memberId: string;
  fullName: string;
  memberNo: string;
  /** Position among the session's graduates (by name): the certificate's number. */
  sequence: number;
}

export interface CertificateTraining {
  id: string;
  topic: string;
  startsAt: string;
  endsAt: string;
  mode: 'online' | 'offline';
  place: string | null;
  trainer: string;
  skpd: Skpd;
  completedOn: string | null;
}

/** The office as loaded for the certificate (letterhead, signatory, names). */
export type CertificateOffice = Awaited<ReturnType<typeof loadOffice>>;

const CM = 72 / 2.54;
const MARGIN = Math.round(1.6 * CM);
const BRAND = '#0b3d6b';
const ACCENT = '#c8962e';

/** "12 November 2026" or "12 s.d. 13 November 2026" for a training over several days. */
export function trainingDates(startsAt: string, endsAt: string): string {
  const from = jakartaDate(startsAt);
  const to = jakartaDate(endsAt);
  return from === to ? formatDateId(from) : `${formatDateId(from)} s.d. ${formatDateId(to)}`;
}

export function certificateNumber(training: CertificateTraining, p: CertificateParticipant, kecamatanKode: string): string {
  const date = jakartaDate(training.startsAt);
  return `${String(p.sequence).padStart(3, '0')}/SERT-P2/${kecamatanKode}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/**
 * Training certificates, one landscape A4 page per participant: a framed page with the office's
 * letterhead, "SERTIFIKAT", the number, the participant's name, the training, its dates and
 * organiser, and the signatory's block.
 */
export async function certificatePdf(office: CertificateOffice, training: CertificateTraining, list: CertificateParticipant[]): Promise<Buffer> {
  const doc = createPdfDocument({
    layout: 'landscape',
    margins: { top: MARGIN + 14, bottom: MARGIN, left: MARGIN + 24, right: MARGIN + 24 },
    info: { Title: `Sertifikat Pelatihan - ${training.topic}`, Author: office.name, Subject: 'Sertifikat Pelatihan Jakpreneur (P2)' },
  });
  const address = [office.address, office.postalCode, office.phone ? `Telp. ${office.phone}` : null, office.email].filter(Boolean).join(' · ');
  const where = training.mode === 'online' ? 'secara daring' : `secara luring di ${training.place ?? office.name}`;
  const dates = trainingDates(training.startsAt, training.endsAt);
  const signedOn = formatDateId(training.completedOn ?? jakartaDate(training.endsAt));

  list.forEach((p, index) => {
    if (index > 0) doc.addPage();
    const W = doc.page.width;
    const H = doc.page.height;
    const left = doc.page.margins.left;
    const width = W - left - doc.page.margins.right;

    // Frame: a thick brand line with a thin gold line inside it.
    doc.save();
    doc.lineWidth(3).strokeColor(BRAND).rect(MARGIN - 18, MARGIN - 18, W - 2 * (MARGIN - 18), H - 2 * (MARGIN - 18)).stroke();
    doc.lineWidth(1).strokeColor(ACCENT).rect(MARGIN - 11, MARGIN - 11, W - 2 * (MARGIN - 11), H - 2 * (MARGIN - 11)).stroke();
    doc.restore();

    let y = drawLetterhead(doc, { lines: office.letterheadLines, address });

    y += 2;
    doc.font(FONT.serifBold, 32).fillColor(BRAND).text('SERTIFIKAT', left, y, { width, align: 'center' });
    doc.font(FONT.sans, 10).fillColor('black').text(`Nomor: ${certificateNumber(training, p, office.kecamatanKode)}`, left, doc.y + 1, { width, align: 'center' });

    doc.font(FONT.sans, 12).text('diberikan kepada', left, doc.y + 12, { width, align: 'center' });
    doc.font(FONT.serifBold, 24).fillColor(BRAND).text(p.fullName, left, doc.y + 4, { width, align: 'center' });
    const nameBottom = doc.y;
    doc.save().lineWidth(0.75).strokeColor(ACCENT).moveTo(W / 2 - 170, nameBottom + 2).lineTo(W / 2 + 170, nameBottom + 2).stroke().restore();
    doc.font(FONT.sans, 10).fillColor('black').text(`Nomor Anggota Jakpreneur: ${p.memberNo}`, left, nameBottom + 6, { width, align: 'center' });

    doc.font(FONT.sans, 12).text('atas partisipasinya sebagai peserta pelatihan', left, doc.y + 10, { width, align: 'center' });
    doc.font(FONT.sansBold, 15).text(training.topic, left + 40, doc.y + 4, { width: width - 80, align: 'center' });
    doc
      .font(FONT.sans, 11)
      .text(
        `Program Jakpreneur tahap P2 (Pelatihan), diselenggarakan oleh ${office.name} bersama ${SKPD_LABELS[training.skpd]}, pada ${dates} ${where}.`,
        left + 60,
        doc.y + 6,
        { width: width - 120, align: 'center' },
      );

    // Signatory at the right; the trainer at the left, title and name level with the signatory's.
    const blockTop = Math.max(doc.y + 14, H - doc.page.margins.bottom - 150);
    const signature = drawSignatureBlock(doc, {
      place: office.kecamatanNama,
      date: signedOn,
      title: office.signatoryTitle,
      name: office.signatoryName,
      nip: office.signatoryNip,
      y: blockTop,
      width: 250,
      x: W - doc.page.margins.right - 270,
    });
    doc.font(FONT.sans, 11);
    const lineHeight = doc.currentLineHeight(true);
    const area = signature.signatureArea;
    doc.text('Pelatih,', left + 20, area.y - lineHeight, { width: 250, align: 'center' });
    doc.font(FONT.sansBold, 11).text(training.trainer, left + 20, area.y + area.height, { width: 250, align: 'center' });
  });
  if (list.length === 0) {
    doc.font(FONT.sans, 12).text('Belum ada peserta yang lulus pelatihan ini.');
  }
  return pdfToBuffer(doc);
}
