import { z } from 'zod';
import { defineMethod } from '../../core/api/registry';
import { fieldMessage, label } from '../../core/api/validation';
import { conflict, signedInUser } from '../../core/api/errors';
import { jakartaDate } from '../../core/clock';
import { loadOffice } from '../../core/office';
import { buildDashboard } from './dashboard';
import { buildMonthlySummary } from './service';
import { renderReportTask } from './tasks';
import { prepareClosing, storeClosing } from './closing/close';
import { closableProblem, listClosings, loadPackage, reportingMonth } from './closing/closings';
import { packageFile } from './closing/package';
import { shiftMonth } from './period';
import { summaryIn } from './words';
import { monthName } from '../../../src-shared/i18n';

const month = label(
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, fieldMessage({ id: 'gunakan format TTTT-BB, misalnya 2026-11', en: 'use the format YYYY-MM, for example 2026-11' })),
  { id: 'Bulan', en: 'Month' },
);
const kelurahan = label(z.string().regex(/^31\.\d{2}\.\d{2}\.\d{4}$/, fieldMessage({ id: 'kode kelurahan tidak valid', en: 'invalid kelurahan code' })), {
  id: 'Kelurahan',
  en: 'Kelurahan',
}).nullish();
const supervisors = ['admin', 'supervisor'] as const;

/** The WIB calendar day of an instant. */
const dayOf = (iso: string) => jakartaDate(iso);

const MIME = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

export const reportMethods = {
  'reports.monthly': defineMethod({
    summary: 'Rekap bulanan untuk satu bulan, seluruh kecamatan atau satu kelurahan.',
    access: supervisors,
    mutation: false,
    input: z.strictObject({ month, kelurahan }),
    // The screen reads the summary in its own language; the exports below stay the office's (words.ts).
    handler: async ({ db, app, locale }, input) => summaryIn(await buildMonthlySummary(db, input, app.clock.nowIso()), locale),
  }),

  'reports.dashboard': defineMethod({
    summary: 'Dasbor: bulan ini dibanding bulan lalu dan bulan yang sama tahun lalu, tren, capaian target.',
    access: supervisors,
    mutation: false,
    input: z.strictObject({ month: month.optional() }),
    handler: ({ db, app, locale }, input) => {
      const now = app.clock.nowIso();
      return buildDashboard(db, input.month ?? jakartaDate(now).slice(0, 7), now, locale);
    },
  }),

  'reports.export': defineMethod({
    summary: 'Ekspor rekap bulanan sebagai PDF (untuk dicetak), XLSX atau CSV; setiap ekspor dicatat.',
    access: supervisors,
    // Who exported what is part of the audit trail, like any change.
    mutation: true,
    input: z.strictObject({ month, kelurahan, format: label(z.enum(['pdf', 'xlsx', 'csv']), { id: 'Format', en: 'Format' }) }),
    // The summary is read on a reader and drawn in the worker pool before the transaction, which
    // then only records the export.
    prepare: async (ctx, input) => {
      const now = ctx.app.clock.nowIso();
      ctx.job.progress(0, 1, 'read');
      const { summary, office } = await ctx.read(async (db) => ({ summary: await buildMonthlySummary(db, input, now), office: await loadOffice({ db }) }));
      // A closed month's report is dated by its closing, whenever it is printed again.
      const printedOn = summary.status.state === 'closed' && summary.status.closedAt ? dayOf(summary.status.closedAt) : jakartaDate(now);
      ctx.job.progress(0, 1, 'render');
      const base64 = await ctx.work(renderReportTask, { format: input.format, summary, office, printedOn });
      const fileName = `rekap-jakpreneur-${input.month}${input.kelurahan ? `-${input.kelurahan}` : ''}.${input.format}`;
      return { file: { fileName, mimeType: MIME[input.format], base64 }, state: summary.status.state };
    },
    handler: async (ctx, input, { file, state }) => {
      await ctx.audit({
        entity: 'reports',
        entityId: input.month,
        after: { export: input.format, kelurahan: input.kelurahan ?? null, fileName: file.fileName, state },
      });
      return file;
    },
  }),

  'reports.closings': defineMethod({
    summary: 'Bulan yang sudah ditutup (kapan, oleh siapa), bulan yang dapat ditutup berikutnya, dan bulan yang melaporkan koreksi.',
    access: supervisors,
    mutation: false,
    input: z.strictObject({}),
    handler: async ({ db, app, locale }) => {
      const currentMonth = jakartaDate(app.clock.nowIso()).slice(0, 7);
      const closings = await listClosings(db);
      const last = closings.at(-1)?.month ?? null;
      const candidate = last ? shiftMonth(last, 1) : shiftMonth(currentMonth, -1);
      const closable = (await closableProblem(db, candidate, currentMonth)) === null ? candidate : null;
      return {
        currentMonth,
        closings,
        nextToClose: closable,
        nextToCloseLabel: closable ? monthName(closable)[locale] : null,
        reportingMonth: await reportingMonth(db, currentMonth),
      };
    },
  }),

  'reports.closeMonth': defineMethod({
    summary:
      'Menutup bulan yang sudah berakhir: rekapnya dibekukan (kecamatan dan tiap kelurahan), ditandatangani kunci kantor; perubahan kemudian tampil sebagai koreksi.',
    access: ['supervisor'],
    mutation: true,
    input: z.strictObject({ month }),
    // The summaries (the kecamatan's and each kelurahan's) are read on a reader before the
    // transaction, which only signs and stores them.
    prepare: (ctx, input) => {
      // Only a signed-in supervisor reaches here (access above).
      const user = signedInUser(ctx);
      return ctx.read((db) => prepareClosing(db, input.month, ctx.app.clock.nowIso(), user));
    },
    handler: (ctx, _input, pkg) => storeClosing(ctx, pkg),
  }),

  'reports.closingPackage': defineMethod({
    summary: 'Paket bertanda tangan sebuah bulan yang ditutup (JSON), untuk dikirim ke tingkat provinsi; setiap unduhan dicatat.',
    access: supervisors,
    // Every download is audited: a write, so it runs on the writer.
    mutation: true,
    input: z.strictObject({ month }),
    handler: async (ctx, input) => {
      const row = await ctx.db.selectFrom('month_closings').select(['package', 'signature', 'key_id']).where('month', '=', input.month).executeTakeFirst();
      if (!row || !(await loadPackage(ctx.db, input.month)))
        throw conflict({
          id: `${monthName(input.month).id} belum ditutup; paket dibuat saat bulan ditutup.`,
          en: `${monthName(input.month).en} is not closed yet; the package is made when the month is closed.`,
        });
      const fileName = `paket-rekap-${input.month}.json`;
      await ctx.audit({ entity: 'month_closings', entityId: input.month, after: { export: 'package', fileName } });
      return {
        fileName,
        mimeType: 'application/json' as const,
        base64: Buffer.from(packageFile(row.package, row.key_id, row.signature), 'utf8').toString('base64'),
      };
    },
  }),
};
