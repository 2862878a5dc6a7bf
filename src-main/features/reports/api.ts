import { z } from 'zod';
import { defineMethod } from '../../core/api/registry';
import { label } from '../../core/api/validation';
import { jakartaDate } from '../../core/clock';
import { loadOffice } from '../office/api';
import { buildDashboard } from './dashboard';
import { summaryToCsv } from './export-csv';
import { summaryToPdf } from './export-pdf';
import { summaryToXlsx } from './export-xlsx';
import { buildMonthlySummary } from './service';

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
    mutation: false,
    input: z.strictObject({ month, kelurahan, format: label(z.enum(['pdf', 'xlsx', 'csv']), 'Format') }),
    handler: async (ctx, input) => {
      const now = ctx.app.clock.nowIso();
      const summary = await buildMonthlySummary(ctx.db, input, now);
      let bytes: Buffer;
      if (input.format === 'pdf') bytes = await summaryToPdf(summary, await loadOffice(ctx), jakartaDate(now));
      else if (input.format === 'xlsx') bytes = await summaryToXlsx(summary);
      else bytes = summaryToCsv(summary);
      const fileName = `rekap-jakpreneur-${input.month}${input.kelurahan ? `-${input.kelurahan}` : ''}.${input.format}`;
      // Who exported what is part of the audit trail, like any change.
      await ctx.audit({ entity: 'reports', entityId: input.month, after: { export: input.format, kelurahan: input.kelurahan ?? null, fileName } });
      return { fileName, mimeType: MIME[input.format], base64: bytes.toString('base64') };
    },
  }),
};
