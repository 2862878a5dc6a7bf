// The audit viewer: the office's audit trail for admins and supervisors, filtered and paged in
// SQL, exportable like the members list. Entries are shown as stored: personal identifiers in
// them were masked when they were written.
import { z } from 'zod';
import { AppError } from '../../core/api/errors';
import { fetchPage, pageInput } from '../../core/api/paging';
import { defineMethod, type Database } from '../../core/api/registry';
import { fieldMessage, isoDate, label } from '../../core/api/validation';
import type { Role } from '../../core/db/schema';
import { entityLabel, methodLabel } from '../../../src-shared/audit-labels';
import { mimeTypes, writeTableTask } from '../registrations';

export const AUDIT_ROLES = ['admin', 'supervisor'] as const satisfies readonly Role[];
export const AUDIT_EXPORT_LIMIT = 100_000;
/** before/after in a list row are cut here; the export carries them whole. */
const SHOWN_CHANGE = 2000;

const filters = {
  userId: label(z.string().min(1).max(64), { id: 'Pengguna', en: 'User' }).optional(),
  method: label(z.string().regex(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/, fieldMessage({ id: 'pilih dari daftar', en: 'choose from the list' })), {
    id: 'Kegiatan',
    en: 'Activity',
  }).optional(),
  entity: label(z.string().regex(/^[a-z_]{1,40}$/, fieldMessage({ id: 'pilih dari daftar', en: 'choose from the list' })), {
    id: 'Jenis data',
    en: 'Data type',
  }).optional(),
  entityId: label(z.string().trim().min(1).max(64), { id: 'Id data', en: 'Record id' }).optional(),
  from: isoDate({ id: 'Dari tanggal', en: 'From date' }).optional(),
  to: isoDate({ id: 'Sampai tanggal', en: 'To date' }).optional(),
};
interface Filters {
  userId?: string;
  method?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

const listInput = z.strictObject({ ...pageInput(['seq', 'username', 'method'], 'seq', 'desc'), ...filters });
const exportInput = z.strictObject({
  ...filters,
  format: label(z.enum(['xlsx', 'csv']), { id: 'Format', en: 'Format' }),
  locale: label(z.enum(['id', 'en']), { id: 'Bahasa', en: 'Language' }).default('id'),
});

/** A Jakarta calendar day as UTC instants: 'YYYY-MM-DD' 00:00 WIB is 17:00 UTC the day before. */
const startOfDayWib = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`)).toISOString();
const endOfDayWib = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`) + 24 * 3600_000).toISOString();

function filtered(db: Database, f: Filters) {
  if (f.from && f.to && f.from > f.to) {
    const message = { id: 'Sampai tanggal: tidak boleh sebelum Dari tanggal', en: 'To date: may not be before From date' };
    throw new AppError('bad_input', message, { to: message });
  }
  let q = db.selectFrom('audit_log');
  if (f.userId) q = q.where('user_id', '=', f.userId);
  if (f.method) q = q.where('method', '=', f.method);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.from) q = q.where('at', '>=', startOfDayWib(f.from));
  if (f.to) q = q.where('at', '<', endOfDayWib(f.to));
  return q;
}

const columns = ['seq', 'at', 'user_id as userId', 'username', 'method', 'entity', 'entity_id as entityId', 'before', 'after'] as const;
const cut = (s: string | null) => (s && s.length > SHOWN_CHANGE ? `${s.slice(0, SHOWN_CHANGE)}…` : s);

export const auditMethods = {
  'audit.list': defineMethod({
    summary: 'Jejak audit: siapa, kapan, kegiatan, data dan perubahannya; filter pengguna, kegiatan, jenis data, id data dan tanggal; halaman di server.',
    access: AUDIT_ROLES,
    mutation: false,
    input: listInput,
    handler: async ({ db }, input) => {
      const base = filtered(db, input);
      const sort = { seq: 'seq', username: 'username', method: 'method' } as const;
      const rows = base.select(columns).orderBy(sort[input.sort], input.dir).orderBy('seq', input.dir);
      const page = await fetchPage(
        rows,
        base.select((eb) => eb.fn.countAll<number>().as('total')),
        input,
      );
      return { ...page, rows: page.rows.map((r) => ({ ...r, before: cut(r.before), after: cut(r.after) })) };
    },
  }),

  'audit.filters': defineMethod({
    summary: 'Pilihan filter jejak audit: kegiatan dan jenis data yang pernah tercatat, pengguna yang pernah tercatat.',
    access: AUDIT_ROLES,
    mutation: false,
    input: z.strictObject({}),
    handler: async ({ db }) => {
      const [methods, entities, users] = await Promise.all([
        db.selectFrom('audit_log').select('method').distinct().orderBy('method').execute(),
        db.selectFrom('audit_log').select('entity').distinct().orderBy('entity').execute(),
        db.selectFrom('users').select(['id', 'username', 'full_name as fullName']).orderBy('username').execute(),
      ]);
      return { methods: methods.map((m) => m.method), entities: entities.map((e) => e.entity), users };
    },
  }),

  'audit.export': defineMethod({
    summary: 'Mengekspor tampilan jejak audit saat ini (filter yang sama) ke XLSX atau CSV, dengan label yang terbaca.',
    access: AUDIT_ROLES,
    mutation: true,
    input: exportInput,
    // Read on a reader and written in the worker pool before the transaction, which then only
    // records the export.
    prepare: async (ctx, input) => {
      ctx.job.progress(0, 1, 'read');
      const rows = await ctx.read(async (db) => {
        const total = (
          await filtered(db, input)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
        if (total > AUDIT_EXPORT_LIMIT)
          throw new AppError('bad_input', {
            id: `Tampilan memuat ${total} entri; ekspor paling banyak ${AUDIT_EXPORT_LIMIT}. Persempit dengan filter.`,
            en: `The view holds ${total} entries; an export takes at most ${AUDIT_EXPORT_LIMIT}. Narrow it with the filters.`,
          });
        return filtered(db, input).select(columns).orderBy('seq').execute();
      });
      const en = input.locale === 'en';
      const header = en
        ? ['No.', 'Time (UTC)', 'User', 'Activity', 'Method', 'Data', 'Record id', 'Before', 'After']
        : ['No.', 'Waktu (UTC)', 'Pengguna', 'Kegiatan', 'Metode', 'Jenis data', 'Id data', 'Sebelum', 'Sesudah'];
      const data = rows.map((r) => [
        r.seq,
        r.at,
        r.username ?? '',
        methodLabel(r.method, input.locale),
        r.method,
        entityLabel(r.entity, input.locale),
        r.entityId ?? '',
        r.before ?? '',
        r.after ?? '',
      ]);
      ctx.job.progress(0, data.length, 'render');
      const base64 = await ctx.work(writeTableTask, { format: input.format, sheetName: en ? 'Audit trail' : 'Jejak audit', header, rows: data });
      return { fileName: `jejak-audit-${ctx.app.clock.nowIso().slice(0, 10)}.${input.format}`, mimeType: mimeTypes[input.format], base64, rows: data.length };
    },
    handler: async (ctx, input, file) => {
      await ctx.audit({ entity: 'audit', after: { export: input.format, rows: file.rows, filters: { ...input, format: undefined, locale: undefined } } });
      return file;
    },
  }),
};
