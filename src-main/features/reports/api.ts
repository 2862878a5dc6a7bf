import { z } from 'zod';
import { defineMethod } from '../../core/api/registry';
import { label } from '../../core/api/validation';
import { jakartaDate } from '../../core/clock';
import { loadOffice } from '../office/api';
import { buildDashboard } from './dashboard';
import { buildMonthlySummary } from './service';
import { renderReportTask } from './tasks';

const month = label(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'gunakan format TTTT-BB, misalnya 2026-11'), 'Bulan');
const kelurahan = label(z.string().regex(/^31\.\d{2}\.\d{2}\.\d{4}$/, 'kode kelurahan tidak valid'), 'Kelurahan').nullish();
const supervisors = ['admin', 'supervisor'] as const;

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
    // Who exported what is part of the audit trail, like any change.
    mutation: true,
    input: z.strictObject({ month, kelurahan, format: label(z.enum(['pdf', 'xlsx', 'csv']), 'Format') }),
    // The summary is read on a reader and drawn in the worker pool before the transaction, which
    // then only records the export.
    prepare: async (ctx, input) => {
      const now = ctx.app.clock.nowIso();
      ctx.job.progress(0, 1, 'read');
      const { summary, office } = await ctx.read(async (db) => ({ summary: await buildMonthlySummary(db, input, now), office: await loadOffice({ db }) }));
      ctx.job.progress(0, 1, 'render');
      const base64 = await ctx.work(renderReportTask, { format: input.format, summary, office, printedOn: jakartaDate(now) });
      const fileName = `rekap-jakpreneur-${input.month}${input.kelurahan ? `-${input.kelurahan}` : ''}.${input.format}`;
      return { fileName, mimeType: MIME[input.format], base64 };
    },
    handler: async (ctx, input, file) => {
      await ctx.audit({ entity: 'reports', entityId: input.month, after: { export: input.format, kelurahan: input.kelurahan ?? null, fileName: file.fileName } });
      return file;
    },
  }),
};
