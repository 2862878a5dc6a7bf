import type { Database } from '../../core/api/registry';
import { formatDateId, formatRupiah } from '../../core/format';
import { createPdfDocument, drawLetterhead, drawSignatureBlock, FONT, pdfToBuffer } from '../../core/pdf/document';
import { drawReusable } from '../../core/pdf/reusable';
import { create as createQr } from 'qrcode';
import { hashNik, signPayload } from '../../core/signing';
import { KBLI_VERSION } from '../reference';
import { formatNpwp } from '../../../src-shared/rules/npwp';
import { formatPhone } from '../../../src-shared/rules/phone';
import { groupVerificationCode } from './rules/verification-code';
import type { PermitSettings } from './settings';

const CM = 72 / 2.54;
/** The QR code, quiet zone included: at least 3.5 cm so phone cameras read it from a desk. */
export const CERTIFICATE_QR_SIZE = 3.6 * CM;

export const legalFormLabels: Record<string, string> = {
  perorangan: 'Perorangan',
  cv: 'Persekutuan Komanditer (CV)',
  firma: 'Firma',
  koperasi: 'Koperasi',
  pt: 'Perseroan Terbatas (PT)',
  pt_perorangan: 'PT Perorangan',
  lainnya: 'Lainnya',
};

export const CERTIFICATE_SENTENCE =
  'untuk mendirikan Usaha Mikro dan Kecil yang mencakup perizinan dasar berupa menempati lokasi/domisili, ' +
  'melakukan kegiatan usaha baik produksi maupun penjualan barang/jasa, dengan identitas:';

/** Everything printed on one certificate. */
export interface CertificateData {
  permitId: string;
  number: string;
  issuedOn: string;
  validUntil: string | null;
  nib: string | null;
  facility: string | null;
  copiesPrinted: number;
  /** The short code printed under the QR (and signed in it), read out on the phone to check. */
  verificationCode: string | null;
  holder: { name: string; nik: string; address: string; phone: string | null };
  business: {
    name: string;
    legalForm: string;
    npwp: string | null;
    kbliKode: string;
    kbliJudul: string | null;
    address: string;
    kelurahan: string;
    kecamatan: string;
    postalCode: string | null;
    phone: string | null;
    capital: number;
  };
}

export interface CertificateOffice {
  letterheadLines: string[];
  address: string;
  postalCode: string | null;
  phone: string | null;
  email: string | null;
  signatoryName: string;
  signatoryTitle: string;
  signatoryNip: string;
  keyId: string;
  privateKeyPem: string;
}

export async function loadCertificateOffice(db: Database): Promise<CertificateOffice> {
  const o = await db.selectFrom('office').selectAll().executeTakeFirstOrThrow();
  return {
    letterheadLines: JSON.parse(o.letterhead_lines) as string[],
    address: o.address,
    postalCode: o.postal_code,
    phone: o.phone,
    email: o.email,
    signatoryName: o.signatory_name,
    signatoryTitle: o.signatory_title,
    signatoryNip: o.signatory_nip,
    keyId: o.key_id,
    privateKeyPem: o.private_key,
  };
}

function address(street: string, rt: string | null, rw: string | null): string {
  const parts = [street];
  if (rt || rw) parts.push(`RT ${rt ?? '-'}/RW ${rw ?? '-'}`);
  return parts.join(' ');
}

/** Loads the certificate data of issued permits, in the order of `ids`. */
export async function loadCertificateData(db: Database, ids: string[]): Promise<CertificateData[]> {
  const out = new Map<string, CertificateData>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('permits as p')
      .innerJoin('members as m', 'm.id', 'p.member_id')
      .innerJoin('businesses as b', 'b.id', 'p.business_id')
      .innerJoin('regions as mk', 'mk.kode', 'm.kelurahan_kode')
      .innerJoin('regions as bk', 'bk.kode', 'b.kelurahan_kode')
      .innerJoin('regions as bc', 'bc.kode', 'bk.parent_kode')
      .leftJoin('kbli as k', (j) => j.onRef('k.kode', '=', 'b.kbli_kode').onRef('k.versi', '=', 'b.kbli_versi'))
      .leftJoin('kelurahan_postal_codes as kp', 'kp.kelurahan_kode', 'b.kelurahan_kode')
      .select([
        'p.id',
        'p.postal_code as p_postal_code',
        'p.verification_code',
        'kp.postal_code as kelurahan_postal_code',
        'p.number',
        'p.issued_on',
        'p.valid_until',
        'p.nib',
        'p.facility',
        'p.copies_printed',
        'm.full_name',
        'm.nik',
        'm.address_street as m_street',
        'm.rt',
        'm.rw',
        'm.phone as m_phone',
        'mk.nama as m_kelurahan',
        'b.name as b_name',
        'b.legal_form',
        'b.npwp',
        'b.kbli_kode',
        'k.judul as kbli_judul',
        'b.address_street as b_street',
        'bk.nama as b_kelurahan',
        'bc.nama as b_kecamatan',
        'b.postal_code',
        'b.phone as b_phone',
        'b.capital',
      ])
      .where('p.id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      if (!r.number || !r.issued_on) continue;
      out.set(r.id, {
        permitId: r.id,
        number: r.number,
        issuedOn: r.issued_on,
        validUntil: r.valid_until,
        nib: r.nib,
        facility: r.facility,
        copiesPrinted: r.copies_printed,
        verificationCode: r.verification_code,
        holder: {
          name: r.full_name,
          nik: r.nik,
          address: `${address(r.m_street, r.rt, r.rw)}, Kel. ${r.m_kelurahan}`,
          phone: r.m_phone,
        },
        business: {
          name: r.b_name,
          legalForm: legalFormLabels[r.legal_form] ?? r.legal_form,
          npwp: r.npwp,
          kbliKode: r.kbli_kode,
          kbliJudul: r.kbli_judul,
          address: r.b_street,
          kelurahan: r.b_kelurahan,
          kecamatan: r.b_kecamatan,
          // As taken at intake; else the business's own, else the office's code for its kelurahan.
          postalCode: r.p_postal_code ?? r.postal_code ?? r.kelurahan_postal_code,
          phone: r.b_phone,
          capital: r.capital,
        },
      });
    }
  }
  return ids.flatMap((id) => {
    const data = out.get(id);
    return data ? [data] : [];
  });
}

/**
 * The signed QR text of a certificate: kind (t), number, issue date, business name, hashed NIK,
 * the verification code printed under the QR, and the key id.
 */
export function certificateQrText(data: CertificateData, key: Pick<CertificateOffice, 'keyId' | 'privateKeyPem'>): string {
  const payload: Record<string, string> = {
    t: 'IUMK',
    n: data.number,
    d: data.issuedOn,
    b: data.business.name.slice(0, 120),
    h: hashNik(data.holder.nik, key.keyId),
  };
  if (data.verificationCode) payload.c = data.verificationCode;
  return signPayload(payload, { keyId: key.keyId, privateKeyPem: key.privateKeyPem });
}

function safeNpwp(npwp: string | null): string {
  if (!npwp) return '-';
  try {
    return formatNpwp(npwp);
  } catch {
    return npwp;
  }
}

function phoneText(phone: string | null): string {
  return phone ? formatPhone(phone) : '-';
}

const BODY = 10.5;
const LABEL_WIDTH = 150;
/** Printed sizes under the QR, in points: at least 7 pt so a person can read the code out. */
export const VERIFICATION_CODE_SIZE = 10;
export const VERIFICATION_LABEL_SIZE = 7;

/**
 * Draws one certificate on the current page. `copy` marks a reprint (SALINAN): a pale diagonal
 * watermark under the content and a boxed label at the top right.
 */
export function drawCertificatePage(
  doc: PDFKit.PDFDocument,
  data: CertificateData,
  office: CertificateOffice,
  settings: Pick<PermitSettings, 'documentTitle' | 'legalBasis'>,
  options: { copy: boolean; qrText?: string },
): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const qrText = options.qrText ?? certificateQrText(data, office);

  if (options.copy) {
    doc.save();
    doc.rotate(-35, { origin: [doc.page.width / 2, doc.page.height / 2] });
    doc.font(FONT.sansBold, 110).fillColor('#000000').fillOpacity(0.07);
    doc.text('SALINAN', 0, doc.page.height / 2 - 60, { width: doc.page.width, align: 'center', lineBreak: false });
    doc.restore();
    doc.fillOpacity(1).fillColor('black');
  }

  const contact = [office.address, office.postalCode, office.phone ? `Telp. ${office.phone}` : null, office.email].filter(Boolean).join(' · ');
  // What is the same on every page of a batch is drawn once and placed again (see reusable.ts).
  drawReusable(doc, 'letterhead', doc.page.margins.top, () => drawLetterhead(doc, { lines: office.letterheadLines, address: contact }));

  if (options.copy) {
    doc.save();
    doc.font(FONT.sansBold, 11);
    const w = doc.widthOfString('SALINAN') + 16;
    const x = left + width - w;
    doc
      .rect(x, doc.y - 10, w, 20)
      .lineWidth(1)
      .stroke();
    doc.text('SALINAN', x, doc.y - 5, { width: w, align: 'center', lineBreak: false });
    doc.restore();
  }

  let y = doc.y + (options.copy ? 14 : 4);
  drawReusable(doc, 'title', y, (top) => doc.font(FONT.sansBold, 13).text(settings.documentTitle, left, top, { width, align: 'center' }));
  doc.font(FONT.sans, 11).text(`Nomor: ${data.number}`, left, doc.y + 2, { width, align: 'center' });
  y = doc.y + 12;

  drawReusable(doc, 'legalBasis', y, (top) => doc.font(FONT.sans, BODY).text(settings.legalBasis, left, top, { width, align: 'justify', lineGap: 1 }));
  y = doc.y + 6;

  const rows = (items: [string, string][], top: number): number => {
    let yy = top;
    const valueX = left + 16 + LABEL_WIDTH + 10;
    const valueWidth = width - (valueX - left);
    doc.font(FONT.sans, BODY);
    const lineHeight = doc.currentLineHeight(true);
    for (const [labelText, value] of items) {
      doc.text(labelText, left + 16, yy, { lineBreak: false });
      doc.text(':', left + 16 + LABEL_WIDTH, yy, { lineBreak: false });
      // Most values fit on one line: drawn without the line wrapper, which costs far more.
      if (doc.widthOfString(value) <= valueWidth) {
        doc.text(value, valueX, yy, { lineBreak: false });
        yy += lineHeight + 1.5;
      } else {
        doc.text(value, valueX, yy, { width: valueWidth });
        yy = Math.max(doc.y, yy + lineHeight) + 1.5;
      }
    }
    return yy;
  };

  y = rows(
    [
      ['Nama', data.holder.name],
      ['NIK', data.holder.nik],
      ['Alamat', data.holder.address],
      ['Nomor Telepon', phoneText(data.holder.phone)],
    ],
    y,
  );
  y += 4;
  drawReusable(doc, 'sentence', y, (top) => doc.font(FONT.sans, BODY).text(CERTIFICATE_SENTENCE, left, top, { width, align: 'justify', lineGap: 1 }));
  y = doc.y + 6;

  const b = data.business;
  const businessRows: [string, string][] = [
    ['Nama Usaha', b.name],
    ['Bentuk Usaha', b.legalForm],
    ['NPWP', safeNpwp(b.npwp)],
    ['Kegiatan Usaha', `KBLI ${b.kbliKode}${b.kbliJudul ? ` - ${b.kbliJudul}` : ''} (KBLI ${KBLI_VERSION})`],
    ['Sarana Usaha', data.facility ?? '-'],
    ['Alamat Usaha', `${b.address}, Kel. ${b.kelurahan}, Kec. ${b.kecamatan}${b.postalCode ? `, Kode Pos ${b.postalCode}` : ''}`],
    ['Nomor Telepon', phoneText(b.phone)],
    ['Modal Usaha', formatRupiah(b.capital)],
  ];
  if (data.nib) businessRows.push(['NIB (OSS)', data.nib]);
  if (data.validUntil) businessRows.push(['Berlaku sampai', formatDateId(data.validUntil)]);
  y = rows(businessRows, y) + 14;

  // Bottom band: photo frame, QR code, signature block side by side.
  const photoW = 4 * CM;
  const photoH = 6 * CM;
  const sigWidth = 220;
  const sigX = left + width - sigWidth;
  const bandBottomLimit = doc.page.height - doc.page.margins.bottom - 20;
  const bandTop = Math.min(y, bandBottomLimit - photoH);

  // The band's fixed parts (photo frame, the signatory's block) depend only on the issue date:
  // one drawing for a day's batch.
  drawReusable(doc, `band:${data.issuedOn}`, bandTop, (top) => {
    doc.save();
    doc.lineWidth(0.75).dash(3, { space: 2 }).rect(left, top, photoW, photoH).stroke().undash();
    doc.restore();
    doc
      .font(FONT.sans, 8)
      .fillColor('#555555')
      .text('Pas foto\n4 x 6 cm', left, top + photoH / 2 - 10, { width: photoW, align: 'center' });
    doc.fillColor('black');
    drawSignatureBlock(doc, {
      place: 'Jakarta',
      date: formatDateId(data.issuedOn),
      title: office.signatoryTitle,
      name: office.signatoryName,
      nip: office.signatoryNip,
      x: sigX,
      y: top,
      width: sigWidth,
    });
  });

  const qrX = left + photoW + (sigX - left - photoW - CERTIFICATE_QR_SIZE) / 2;
  drawSignedQr(doc, qrText, qrX, bandTop, CERTIFICATE_QR_SIZE);
  // The code under the QR: large enough to read out on the phone, in groups of four.
  const captionX = qrX - 14;
  const captionW = CERTIFICATE_QR_SIZE + 28;
  let captionY = bandTop + CERTIFICATE_QR_SIZE + 2;
  if (data.verificationCode) {
    doc.font(FONT.sans, VERIFICATION_LABEL_SIZE).text('Kode verifikasi', captionX, captionY, { width: captionW, align: 'center', lineBreak: false });
    captionY += VERIFICATION_LABEL_SIZE + 2;
    doc
      .font('Courier-Bold', VERIFICATION_CODE_SIZE)
      .text(groupVerificationCode(data.verificationCode), captionX, captionY, { width: captionW, align: 'center', lineBreak: false });
    captionY += VERIFICATION_CODE_SIZE + 3;
  }
  drawReusable(doc, 'scanCaption', captionY, (top) =>
    doc.font(FONT.sans, VERIFICATION_LABEL_SIZE).text('Pindai kode QR atau sebutkan kode ini untuk memeriksa keaslian', captionX, top, {
      width: captionW,
      align: 'center',
    }),
  );

  // The QR text once more in small type, so software can read it from the PDF without a camera.
  const footY = doc.page.height - doc.page.margins.bottom + 8;
  doc.font(FONT.sans, 6).fillColor('#444444');
  doc.text('Tanda tangan elektronik:', left, footY, { lineBreak: false });
  const labelW = doc.widthOfString('Tanda tangan elektronik: ');
  const avail = width - labelW;
  const size = Math.min(5, avail / (0.6 * qrText.length));
  doc.font('Courier', size).text(qrText, left + labelW, footY + (6 - size) / 2, { lineBreak: false });
  doc.fillColor('black').font(FONT.sans, 11);
}

let qrImages = 0;

/**
 * The QR code of a certificate as a 1-bit image, one pixel per module, quiet zone included,
 * drawn without interpolation: as sharp as vector squares at any resolution, but a few hundred
 * bytes instead of some 1,500 rectangle operators per page, which matters when a day's
 * certificates print as one document. Encoded as one byte segment (the signed base64url text is
 * byte mode anyway, so the segment search is skipped) with a fixed mask pattern (the mask search
 * was a quarter of the time per page; every mask is valid and the payload looks random, so
 * readability does not suffer).
 */
function drawSignedQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const matrix = createQr([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M', maskPattern: 2 }).modules;
  const count = matrix.size;
  const quiet = 4;
  const side = count + 2 * quiet;
  const rowBytes = Math.ceil(side / 8);
  // DeviceGray at 1 bit: 1 is white, 0 is black.
  const bits = Buffer.alloc(rowBytes * side, 0xff);
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (!matrix.get(row, col)) continue;
      const c = col + quiet;
      bits[(row + quiet) * rowBytes + (c >> 3)] &= ~(0x80 >> (c & 7));
    }
  }
  const obj = doc.ref({ Type: 'XObject', Subtype: 'Image', Width: side, Height: side, BitsPerComponent: 1, ColorSpace: 'DeviceGray', Interpolate: false });
  obj.end(bits);
  // pdfkit places any already-embedded image object given with its size and resource label.
  const image = { width: side, height: side, label: `IQr${++qrImages}`, obj, orientation: 1, embed: () => undefined };
  doc.image(image as never, x, y, { width: size, height: size });
}

export interface RenderOptions {
  settings: Pick<PermitSettings, 'documentTitle' | 'legalBasis'>;
  office: CertificateOffice;
  /** A permit already printed before comes out as SALINAN. */
  copyOf?: (data: CertificateData) => boolean;
}

/**
 * Renders certificates into one PDF document, one page each, and resolves with its bytes.
 * `onPage` hears of each page drawn (progress; it may throw to stop a cancelled batch).
 */
export function renderCertificates(list: CertificateData[], opts: RenderOptions, onPage?: (done: number) => void): Promise<Buffer> {
  const doc = startCertificateDocument(list.length === 1 ? `IUMK ${list[0].number}` : `IUMK (${list.length} izin)`);
  list.forEach((data, index) => {
    if (index > 0) doc.addPage();
    drawCertificatePage(doc, data, opts.office, opts.settings, { copy: opts.copyOf ? opts.copyOf(data) : data.copiesPrinted > 0 });
    onPage?.(index + 1);
  });
  return pdfToBuffer(doc);
}

export function startCertificateDocument(title: string): PDFKit.PDFDocument {
  const doc = createPdfDocument({
    info: { Title: title, Author: 'Jakpreneur Desk', Subject: 'Surat Izin Usaha Mikro dan Kecil' },
    margins: { top: Math.round(1.5 * CM), bottom: Math.round(1.5 * CM), left: Math.round(2 * CM), right: Math.round(2 * CM) },
  });
  // pdfkit caches a font under the key it was first opened with. The document opened DejaVu
  // Sans from its path, so every later doc.font('sans') parsed the whole font file again and
  // then threw the copy away (about 10 ms each, many times per page). Caching the open font
  // under 'sans' as well makes those calls free.
  const internals = doc as unknown as { _font: unknown; _fontFamilies: Record<string, unknown> };
  internals._fontFamilies[FONT.sans] ??= internals._font;
  return doc;
}

/**
 * Streams certificates into `sink` page by page: pdfkit writes each finished page out, so a
 * batch of any size holds only the current page (and the font subsets) in memory.
 */
export function streamCertificates(list: Iterable<CertificateData>, opts: RenderOptions, sink: NodeJS.WritableStream, title = 'IUMK'): Promise<number> {
  return new Promise((resolve, reject) => {
    const doc = startCertificateDocument(title);
    let pages = 0;
    sink.once('error', reject);
    doc.once('error', reject);
    doc.once('end', () => resolve(pages));
    doc.pipe(sink);
    for (const data of list) {
      if (pages > 0) doc.addPage();
      drawCertificatePage(doc, data, opts.office, opts.settings, { copy: opts.copyOf ? opts.copyOf(data) : data.copiesPrinted > 0 });
      pages++;
    }
    doc.end();
  });
}
