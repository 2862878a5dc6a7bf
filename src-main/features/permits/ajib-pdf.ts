// The AJIB day list as a printable PDF: one landscape page (or more) per officer, a table of the
// day's pickups and deliveries with a column for the receiver's name, time and signature.
// Data in, bytes out: drawn in the worker pool (see tasks.ts).
import { formatDateId } from '../../core/format';
import { createPdfDocument, drawLetterhead, FONT, pdfToBuffer } from '../../core/pdf/document';
import type { dayQuery } from './ajib';

export const ajibKindLabels = { pickup: 'Jemput berkas', delivery: 'Antar izin' } as const;

export interface AjibDayList {
  date: string;
  officer: string | null;
  rows: Awaited<ReturnType<ReturnType<typeof dayQuery>['execute']>>;
  office: { letterheadLines: string[]; address: string };
}

export function ajibDayPdf(list: AjibDayList): Promise<Buffer> {
  const doc = createPdfDocument({ layout: 'landscape', info: { Title: `Tugas AJIB ${list.date}` } });
  const officers = [...new Set(list.rows.map((r) => r.officerName))];
  if (officers.length === 0) officers.push(list.officer ?? '-');
  officers.forEach((officer, index) => {
    if (index > 0) doc.addPage();
    drawLetterhead(doc, { lines: list.office.letterheadLines, address: list.office.address });
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    doc.font(FONT.sansBold, 13).text('DAFTAR TUGAS ANTAR JEMPUT IZIN BERMOTOR (AJIB)', left, doc.y, { width, align: 'center' });
    doc.font(FONT.sans, 10).text(`Tanggal: ${formatDateId(list.date)}    Petugas: ${officer}`, left, doc.y + 4, { width, align: 'center' });
    const cols = [
      { title: 'No', w: 26 },
      { title: 'Tugas', w: 80 },
      { title: 'Pemohon / Usaha', w: 170 },
      { title: 'Alamat', w: 200 },
      { title: 'No. izin', w: 120 },
      { title: 'Penerima, waktu, tanda tangan', w: width - 26 - 80 - 170 - 200 - 120 },
    ];
    let y = doc.y + 12;
    const drawRow = (cells: string[], bold: boolean) => {
      doc.font(bold ? FONT.sansBold : FONT.sans, 9);
      const h = Math.max(26, ...cells.map((c, i) => doc.heightOfString(c, { width: cols[i].w - 8 }) + 8));
      if (y + h > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
        y = doc.page.margins.top;
      }
      let x = left;
      cells.forEach((c, i) => {
        doc.rect(x, y, cols[i].w, h).lineWidth(0.5).stroke();
        doc.text(c, x + 4, y + 4, { width: cols[i].w - 8 });
        x += cols[i].w;
      });
      y += h;
    };
    drawRow(
      cols.map((c) => c.title),
      true,
    );
    list.rows
      .filter((r) => r.officerName === officer)
      .forEach((r, i) =>
        drawRow(
          [
            String(i + 1),
            ajibKindLabels[r.kind],
            `${r.memberName}\n${r.businessName}${r.phone ? `\n${r.phone}` : ''}`,
            r.address,
            r.number ?? '-',
            r.status === 'selesai'
              ? `${r.receiverName ?? ''} (pukul ${r.doneAt ? new Date(Date.parse(r.doneAt) + 7 * 3600_000).toISOString().slice(11, 16) : ''} WIB)`
              : r.status === 'batal'
                ? 'Batal'
                : '',
          ],
          false,
        ),
      );
  });
  return pdfToBuffer(doc);
}
