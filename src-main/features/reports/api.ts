import { z } from 'zod';
import { defineMethod } from '../../core/api/registry';
import { label } from '../../core/api/validation';
import { conflict } from '../../core/api/errors';
import { jakartaDate } from '../../core/clock';
import { loadOffice } from '../office/api';
import { buildDashboard } from './dashboard';
import { summaryToCsv } from './export-csv';
import { summaryToPdf } from './export-pdf';
import { summaryToXlsx } from './export-xlsx';
import { buildMonthlySummary } from './service';
import { prepareClosing, storeClosing } from './closing/close';
import { closableProblem, listClosings, loadPackage, reportingMonth } from './closing/closings';
import { packageFile } from './closing/package';
import { monthLabel, shiftMonth } from './period';

const month = label(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'gunakan format TTTT-BB, misalnya 2026-11'), 'Bulan');
const kelurahan = label(z.string().regex(/^31\.\d{2}\.\d{2}\.\d{4}$/, 'kode kelurahan tidak valid'), 'Kelurahan').nullish();
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
    handler: ({ db, app }, input) => buildMonthlySummary(db, input, app.clock.nowIso()),
  }),

  'reports.dashboard': defineMethod({
    summary: 'Dasbor: bulan ini dibanding bulan lalu dan bulan yang sama tahun lalu, tren, capaian target.',
    access: supervisors,
    mutation: false,
    input: z.strictObject({ month: month.optional() }),
    handler: ({ db, app }, input) => {
      const now = app.clock.nowIso();
      return buildDashboard(db, input.month ?? jakartaDate(now).slice(0, 7), now);
    },
  }),

  'reports.export': defineMethod({
    summary: 'Ekspor rekap bulanan sebagai PDF (untuk dicetak), XLSX atau CSV; setiap ekspor dicatat.',
    access: supervisors,
    mutation: false,
    input: z.strictObject({ month, kelurahan, format: label(z.enum(['pdf', 'xlsx', 'csv']), 'Format') }),
    handler: async (ctx, input) => {
      const now = ctx.app.clock.nowIso();
      const summary = await buildMonthlySummary(ctx.db, input, now);
      let bytes: Buffer;
      // A closed month's report is dated by its closing, whenever it is printed again.
      const printedOn = summary.status.state === 'closed' && summary.status.closedAt ? dayOf(summary.status.closedAt) : jakartaDate(now);
      if (input.format === 'pdf') bytes = await summaryToPdf(summary, await loadOffice(ctx), printedOn);
      else if (input.format === 'xlsx') bytes = await summaryToXlsx(summary);
      else bytes = summaryToCsv(summary);
      const fileName = `rekap-jakpreneur-${input.month}${input.kelurahan ? `-${input.kelurahan}` : ''}.${input.format}`;
      // Who exported what is part of the audit trail, like any change.
      await ctx.audit({ entity: 'reports', entityId: input.month, after: { export: input.format, kelurahan: input.kelurahan ?? null, fileName, state: summary.status.state } });
      return { fileName, mimeType: MIME[input.format], base64: bytes.toString('base64') };
    },
  }),

  'reports.closings': defineMethod({
    summary: 'Bulan yang sudah ditutup (kapan, oleh siapa), bulan yang dapat ditutup berikutnya, dan bulan yang melaporkan koreksi.',
    access: supervisors,
    mutation: false,
    input: z.strictObject({}),
    handler: async ({ db, app }) => {
      const currentMonth = jakartaDate(app.clock.nowIso()).slice(0, 7);
      const closings = await listClosings(db);
      const last = closings.at(-1)?.month ?? null;
      const candidate = last ? shiftMonth(last, 1) : shiftMonth(currentMonth, -1);
      const closable = (await closableProblem(db, candidate, currentMonth)) === null ? candidate : null;
      return { currentMonth, closings, nextToClose: closable, nextToCloseLabel: closable ? monthLabel(closable) : null, reportingMonth: await reportingMonth(db, currentMonth) };
    },
  }),

  'reports.closeMonth': defineMethod({
    summary: 'Menutup bulan yang sudah berakhir: rekapnya dibekukan (kecamatan dan tiap kelurahan), ditandatangani kunci kantor; perubahan kemudian tampil sebagai koreksi.',
    access: ['supervisor'],
    mutation: true,
    input: z.strictObject({ month }),
    handler: async (ctx, input) => {
      const pkg = await prepareClosing(ctx.db, input.month, ctx.app.clock.nowIso(), ctx.user!);
      return storeClosing(ctx, pkg);
    },
  }),

  'reports.closingPackage': defineMethod({
    summary: 'Paket bertanda tangan sebuah bulan yang ditutup (JSON), untuk dikirim ke tingkat provinsi; setiap unduhan dicatat.',
    access: supervisors,
    mutation: false,
    input: z.strictObject({ month }),
    handler: async (ctx, input) => {
      const row = await ctx.db.selectFrom('month_closings').select(['package', 'signature', 'key_id']).where('month', '=', input.month).executeTakeFirst();
      if (!row || !(await loadPackage(ctx.db, input.month))) throw conflict(`${monthLabel(input.month)} belum ditutup; paket dibuat saat bulan ditutup.`);
      const fileName = `paket-rekap-${input.month}.json`;
      await ctx.audit({ entity: 'month_closings', entityId: input.month, after: { export: 'package', fileName } });
      return { fileName, mimeType: 'application/json' as const, base64: Buffer.from(packageFile(row.package, row.key_id, row.signature), 'utf8').toString('base64') };
    },
  }),
};
