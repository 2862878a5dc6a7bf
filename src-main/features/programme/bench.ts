// Programme 7P on the large office: the turnover grid of a pendamping and the "my members"
// list through the API (session, validation, transaction, Kysely) beside the same SQL as raw
// better-sqlite3 prepared statements; a whole session's certificates beside raw pdfkit writing
// the same pages with the same embedded fonts.
import PDFDocument from 'pdfkit';
import type { Api, MethodName } from '../../api';
import type { BenchContext } from '../../bench/suites';
import { measure, type BenchLine } from '../../bench/measure';
import { jakartaDate } from '../../core/clock';
import { fontData, FONT, type FontName } from '../../core/pdf/fonts';
import { addMonths, monthOf } from '../../../src-shared/rules/months';

async function call<M extends MethodName>(ctx: BenchContext, method: M, input: unknown): Promise<Api[M]['output']> {
  const res = await ctx.app.dispatch({ method, input, sessionToken: ctx.tokens.petugas, checkCsrf: false });
  if (!res.body.ok) throw new Error(`${method}: ${res.body.error.message}`);
  // The registry answers each method with that method's output.
  return res.body.value as Api[M]['output'];
}

/** The certificate's text, same fonts, sizes and widths, drawn with plain pdfkit calls only. */
function rawPdf(names: string[], topic: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', layout: 'landscape', autoFirstPage: false, margins: { top: 60, bottom: 45, left: 69, right: 69 } });
    for (const name of Object.values(FONT) as FontName[]) doc.registerFont(name, fontData(name));
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.once('end', () => resolve(Buffer.concat(chunks)));
    doc.once('error', reject);
    const width = 842 - 138;
    for (const [i, name] of names.entries()) {
      doc.addPage();
      doc.lineWidth(3).rect(27, 27, 788, 541).stroke();
      doc.font(FONT.sansBold, 13).text('PEMERINTAH PROVINSI DAERAH KHUSUS JAKARTA', 69, 60, { width, align: 'center' });
      doc.text('KOTA ADMINISTRASI JAKARTA PUSAT', { width, align: 'center' });
      doc.font(FONT.sansBold, 15).text('KECAMATAN TANAH ABANG', { width, align: 'center' });
      doc
        .font(FONT.sans, 9)
        .text('Jl. K.H. Mas Mansyur No. 7, Kebon Kacang, Tanah Abang, Jakarta Pusat · 10240 · Telp. (021) 3102345', { width, align: 'center' });
      doc.font(FONT.serifBold, 32).text('SERTIFIKAT', { width, align: 'center' });
      doc.font(FONT.sans, 10).text(`Nomor: ${String(i + 1).padStart(3, '0')}/SERT-P2/31.71.07/11/2026`, { width, align: 'center' });
      doc.font(FONT.sans, 12).text('diberikan kepada', { width, align: 'center' });
      doc.font(FONT.serifBold, 24).text(name, { width, align: 'center' });
      doc.font(FONT.sans, 10).text(`Nomor Anggota Jakpreneur: ${i}`, { width, align: 'center' });
      doc.font(FONT.sans, 12).text('atas partisipasinya sebagai peserta pelatihan', { width, align: 'center' });
      doc.font(FONT.sansBold, 15).text(topic, { width, align: 'center' });
      doc
        .font(FONT.sans, 11)
        .text(
          `Program Jakpreneur tahap P2 (Pelatihan), diselenggarakan oleh Kantor Kecamatan Tanah Abang bersama Dinas PPKUKM (UKM), pada 28 November 2026 secara luring di Aula Kantor Kecamatan Tanah Abang.`,
          129,
          doc.y,
          { width: width - 120, align: 'center' },
        );
      for (const line of [
        'Ditetapkan di : Tanah Abang',
        'pada tanggal : 28 November 2026',
        'Camat Tanah Abang',
        'Dra. Maria Ulfa, M.Si.',
        'NIP. 197203151998032004',
      ])
        doc.text(line, 520, doc.y, { width: 250, align: 'center' });
      doc.text('Pelatih,', 89, 430, { width: 250, align: 'center' });
      doc.font(FONT.sansBold, 11).text('Dewi Lestari, S.E.', 89, 510, { width: 250, align: 'center' });
    }
    doc.end();
  });
}

export async function programmeBench(ctx: BenchContext, runs = { query: 100, pdf: 20 }): Promise<BenchLine[]> {
  const { app } = ctx;
  const lines: BenchLine[] = [];
  const pendamping = await app.db.selectFrom('users').select('id').where('is_pendamping', '=', 1).orderBy('username').executeTakeFirst();
  if (!pendamping) {
    ctx.log('Tidak ada pendamping: suite Program 7P dilewati.');
    return lines;
  }
  const month = addMonths(monthOf(jakartaDate(app.services.clock.nowIso())), -1);
  const grid = await call(ctx, 'turnover.grid', { month, pendampingId: pendamping.id });

  const businessesStmt = app.sqlite
    .prepare(`select b.id, b.name, m.id as member_id, m.full_name, m.member_no from businesses b join members m on m.id = b.member_id
    where m.pendamping_id = ? and m.status = 'aktif' and b.status = 'aktif' order by m.name_key, m.id, b.name_key limit 2001`);
  const reportsStmt = app.sqlite.prepare(
    `select business_id, month, turnover, profit, employees from turnover_reports where business_id in (select value from json_each(?)) and month >= ? and month <= ?`,
  );
  const ours = await measure(`turnover.grid (${grid.rows.length} usaha)`, runs.query, () => call(ctx, 'turnover.grid', { month, pendampingId: pendamping.id }));
  const baseline = await measure('raw', runs.query, () => {
    const rows = businessesStmt.all(pendamping.id) as { id: string }[];
    reportsStmt.all(JSON.stringify(rows.map((r) => r.id)), addMonths(month, -6), month);
  });
  lines.push({ name: ours.name, ours, baseline, target: 'p95 < 100 ms', met: ours.p95 < 100 });

  const mineOurs = await measure('mentoring.myMembers (perlu dikunjungi, 25 baris)', runs.query, () =>
    call(ctx, 'mentoring.myMembers', { pendampingId: pendamping.id, overdueOnly: true }),
  );
  const mineStmt = app.sqlite
    .prepare(`select m.id, m.full_name, (select max(v.visited_on) from mentoring_visits v where v.member_id = m.id) as last_visit from members m
    where m.pendamping_id = ? and m.status = 'aktif' and (last_visit is null or last_visit <= ?) order by coalesce(last_visit, '') limit 25`);
  const cutoff = addMonths(month, -1) + '-01';
  const mineBase = await measure('raw', runs.query, () => mineStmt.all(pendamping.id, cutoff));
  lines.push({ name: mineOurs.name, ours: mineOurs, baseline: mineBase, target: 'p95 < 50 ms', met: mineOurs.p95 < 50 });

  const training = await app.db.selectFrom('trainings').select('id').where('status', '=', 'selesai').orderBy('starts_at', 'desc').executeTakeFirst();
  if (training) {
    const first = await call(ctx, 'trainings.certificates', { trainingId: training.id });
    const graduates = await app.db
      .selectFrom('training_enrolments as e')
      .innerJoin('members as m', 'm.id', 'e.member_id')
      .innerJoin('trainings as t', 't.id', 'e.training_id')
      .select(['m.full_name', 't.topic'])
      .where('e.training_id', '=', training.id)
      .where('e.completed', '=', 1)
      .execute();
    const pdfOurs = await measure(`trainings.certificates (${first.count} halaman)`, runs.pdf, () =>
      call(ctx, 'trainings.certificates', { trainingId: training.id }),
    );
    const pdfBase = await measure('raw pdfkit', runs.pdf, () =>
      rawPdf(
        graduates.map((g) => g.full_name),
        graduates[0]?.topic ?? '',
      ),
    );
    lines.push({ name: pdfOurs.name, ours: pdfOurs, baseline: pdfBase, target: '≤ 3× raw pdfkit', met: pdfOurs.p95 <= 3 * pdfBase.p95 });
  }
  return lines;
}
