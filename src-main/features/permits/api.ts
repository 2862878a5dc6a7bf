// Perizinan: the permit list, the workflow moves, settings and holidays; intake, the permit
// page, printing, verification and the work queues live in their own modules, combined here.
import { sql } from 'kysely';
import { z } from 'zod';
import { conflict, notFound } from '../../core/api/errors';
import { fetchPage, likeEscape, pageInput } from '../../core/api/paging';
import { defineMethod } from '../../core/api/registry';
import { fieldMessage, id, isoDate, label, optionalText, text } from '../../core/api/validation';
import { jakartaDate } from '../../core/clock';
import { setSetting } from '../../core/settings';
import { locationZoneLabels } from './rules/location';
import { tableIn } from '../../../src-shared/i18n';
import { permitStatuses, permitStatusLabels } from './rules/transitions';
import { applyTransition, loadPermit, OPEN_STATUSES, slaContext, slaOfPermits } from './service';
import { DEFAULT_PERMIT_SETTINGS, loadPermitSettings, PERMIT_SETTINGS_KEY, permitSettingsSchema, requirementsIn } from './settings';
import { ajibMethods } from './ajib';
import { detailMethods } from './detail';
import { assertRequirementCodes, channels, INTAKE_ROLES, intakeMethods, requirementCodes } from './intake';
import { printingMethods } from './printing';
import { verifyMethods } from './verify-api';
import { workMethods } from './work';

export { channelLabels } from './intake';

const listSort = ['submittedAt', 'number', 'status', 'memberName', 'businessName', 'issuedOn', 'statusAt'] as const;
const sortColumns = {
  submittedAt: 'p.submitted_at',
  number: 'p.number_seq',
  status: 'p.status',
  memberName: 'm.name_key',
  businessName: 'b.name_key',
  issuedOn: 'p.issued_on',
  statusAt: 'p.status_at',
} as const;

export const slaFilters = ['due_today', 'late', 'paused', 'open'] as const;

export const permitMethods = {
  'permits.list': defineMethod({
    summary: 'Daftar izin dengan halaman, urutan dan saringan (status, jalur, jatuh tempo hari ini, terlambat).',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({
      ...pageInput(listSort, 'submittedAt', 'desc'),
      query: label(z.string().trim().max(100), { id: 'Cari', en: 'Search' }).optional(),
      status: label(z.enum(permitStatuses), { id: 'Status', en: 'Status' }).nullish(),
      channel: label(z.enum(channels), { id: 'Jalur', en: 'Channel' }).nullish(),
      sla: label(z.enum(slaFilters), { id: 'Tenggat', en: 'Deadline' }).nullish(),
      memberId: id({ id: 'Anggota', en: 'Member' }).nullish(),
      issuedOn: isoDate({ id: 'Tanggal terbit', en: 'Issue date' }).nullish(),
    }),
    handler: async (ctx, input) => {
      const sc = await slaContext(ctx);
      let q = ctx.db.selectFrom('permits as p').innerJoin('members as m', 'm.id', 'p.member_id').innerJoin('businesses as b', 'b.id', 'p.business_id');
      if (input.status) q = q.where('p.status', '=', input.status);
      if (input.channel) q = q.where('p.channel', '=', input.channel);
      if (input.memberId) q = q.where('p.member_id', '=', input.memberId);
      if (input.issuedOn) q = q.where('p.issued_on', '=', input.issuedOn);
      const query = input.query;
      if (query) {
        const like = `%${likeEscape(query.toLowerCase())}%`;
        q = q.where((eb) =>
          eb.or([
            eb(sql`lower(m.full_name)`, 'like', sql`${like} escape '\\'`),
            eb(sql`lower(b.name)`, 'like', sql`${like} escape '\\'`),
            eb(sql`lower(p.number)`, 'like', sql`${like} escape '\\'`),
            eb('m.nik', '=', query),
          ]),
        );
      }
      if (input.sla) {
        // Only open permits have a running clock; there are few, so their SLA is computed here.
        const open = await q
          .select('p.id')
          .where('p.status', 'in', [...OPEN_STATUSES])
          .execute();
        const slas = await slaOfPermits(
          ctx.db,
          open.map((o) => o.id),
          sc,
        );
        const ids = open
          .map((o) => o.id)
          .filter((permitId) => {
            const s = slas.get(permitId);
            if (!s) return false;
            if (input.sla === 'open') return true;
            return s.state === input.sla;
          });
        q = q.where('p.id', 'in', ids.length ? ids : ['']);
      }
      const col = sortColumns[input.sort];
      const rowsQuery = q
        .select([
          'p.id',
          'p.status',
          'p.channel',
          'p.category',
          'p.number',
          'p.issued_on as issuedOn',
          'p.submitted_at as submittedAt',
          'p.status_at as statusAt',
          'p.copies_printed as copiesPrinted',
          'm.id as memberId',
          'm.full_name as memberName',
          'm.member_no as memberNo',
          'b.name as businessName',
        ])
        .orderBy(sql.ref(col), input.dir)
        .orderBy('p.id', input.dir);
      const page = await fetchPage(
        rowsQuery,
        q.select((eb) => eb.fn.countAll<number>().as('total')),
        input,
      );
      const slas = await slaOfPermits(
        ctx.db,
        page.rows.map((r) => r.id),
        sc,
      );
      return {
        ...page,
        rows: page.rows.map((r) => {
          const s = slas.get(r.id);
          return { ...r, sla: s ? { state: s.state, dueDate: s.dueDate, dueAt: s.dueAt, onTime: s.onTime } : null };
        }),
      };
    },
  }),

  'permits.updateRequirements': defineMethod({
    summary: 'Mencentang persyaratan yang sudah diserahkan pemohon (sebelum disetujui).',
    access: INTAKE_ROLES,
    mutation: true,
    input: z.strictObject({ id: id({ id: 'Izin', en: 'Permit' }), requirements: requirementCodes }),
    handler: async (ctx, input) => {
      const before = await loadPermit(ctx.db, input.id);
      if (!['diajukan', 'diverifikasi', 'perlu_perbaikan'].includes(before.status)) {
        throw conflict({
          id: `Persyaratan tidak dapat diubah: izin sudah berstatus ${permitStatusLabels[before.status].id}.`,
          en: `The requirements cannot be changed: the permit is already ${permitStatusLabels[before.status].en}.`,
        });
      }
      const codes = await assertRequirementCodes(ctx, input.requirements);
      await ctx.db
        .updateTable('permits')
        .set({ requirements: JSON.stringify(codes), updated_at: ctx.app.clock.nowIso() })
        .where('id', '=', input.id)
        .execute();
      const after = await loadPermit(ctx.db, input.id);
      await ctx.audit({ entity: 'permit', entityId: input.id, before: { requirements: before.requirements }, after: { requirements: after.requirements } });
      return { requirements: codes };
    },
  }),

  'permits.transition': defineMethod({
    summary: 'Mengubah status izin menurut tabel alur (peran, alasan, penerima); terbit memberi nomor.',
    access: ['loket', 'petugas', 'supervisor', 'admin'],
    mutation: true,
    input: z.strictObject({
      id: id({ id: 'Izin', en: 'Permit' }),
      to: label(z.enum(permitStatuses), { id: 'Status baru', en: 'New status' }),
      expectedStatus: label(z.enum(permitStatuses), { id: 'Status saat ini', en: 'Current status' }).nullish(),
      reason: optionalText({ id: 'Alasan', en: 'Reason' }, 500),
      receiverName: optionalText({ id: 'Nama penerima', en: 'Recipient name' }, 120),
      deliveryChannel: label(z.enum(['loket', 'ajib']), { id: 'Cara penyerahan', en: 'Handover' }).nullish(),
      validUntil: isoDate({ id: 'Berlaku sampai', en: 'Valid until' }).nullish(),
      revokeKind: label(z.enum(['dicabut', 'diganti']), { id: 'Jenis pencabutan', en: 'Kind of revocation' }).nullish(),
    }),
    handler: async (ctx, input) => {
      const after = await applyTransition(ctx, input.id, input);
      return { id: after.id, status: after.status, number: after.number, issuedOn: after.issued_on };
    },
  }),

  'permits.slaReport': defineMethod({
    summary: 'Ketepatan waktu layanan IUMK satu bulan: diterima, terbit, ditolak, tepat waktu, per jalur.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({
      month: label(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, fieldMessage({ id: 'format TTTT-BB', en: 'format YYYY-MM' })), { id: 'Bulan', en: 'Month' }),
    }),
    handler: async (ctx, input) => {
      const sc = await slaContext(ctx);
      // Decided in the month (issued or refused), judged by the completion event's local date.
      const decided = await ctx.db
        .selectFrom('permit_events as e')
        .innerJoin('permits as p', 'p.id', 'e.permit_id')
        .select(['p.id', 'p.channel', 'e.to_status as to', 'e.at'])
        .where('e.to_status', 'in', ['terbit', 'ditolak'])
        .where('e.at', '>=', monthBounds(input.month)[0])
        .where('e.at', '<', monthBounds(input.month)[1])
        .execute();
      const inMonth = decided.filter((d) => jakartaDate(d.at).startsWith(input.month));
      const received = await ctx.db
        .selectFrom('permits')
        .select(['channel', (eb) => eb.fn.countAll<number>().as('n')])
        .where('submitted_at', '>=', monthBounds(input.month)[0])
        .where('submitted_at', '<', monthBounds(input.month)[1])
        .groupBy('channel')
        .execute();
      const slas = await slaOfPermits(
        ctx.db,
        inMonth.map((d) => d.id),
        sc,
      );
      const byChannel: Record<string, { received: number; issued: number; rejected: number; onTime: number }> = {};
      const bucket = (c: string) => (byChannel[c] ??= { received: 0, issued: 0, rejected: 0, onTime: 0 });
      for (const r of received) bucket(r.channel).received = r.n;
      let issued = 0;
      let rejected = 0;
      let onTime = 0;
      for (const d of inMonth) {
        const b = bucket(d.channel);
        if (d.to === 'terbit') {
          issued++;
          b.issued++;
        } else {
          rejected++;
          b.rejected++;
        }
        if (slas.get(d.id)?.onTime) {
          onTime++;
          b.onTime++;
        }
      }
      const decidedCount = issued + rejected;
      return {
        month: input.month,
        slaDays: sc.settings.slaDays,
        received: received.reduce((s, r) => s + r.n, 0),
        issued,
        rejected,
        onTime,
        late: decidedCount - onTime,
        onTimeShare: decidedCount ? onTime / decidedCount : null,
        byChannel,
      };
    },
  }),

  'permitSettings.get': defineMethod({
    summary: 'Pengaturan perizinan: batas waktu layanan, jam kantor, persyaratan, format nomor, teks surat.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({}),
    handler: async (ctx) => {
      const settings = await loadPermitSettings(ctx.db);
      // `settings` is what the admin edits, as stored; `requirements` is the list as the counter reads it.
      return {
        settings,
        defaults: DEFAULT_PERMIT_SETTINGS,
        zones: tableIn(locationZoneLabels, ctx.locale),
        requirements: requirementsIn(settings.requirements, ctx.locale),
      };
    },
  }),

  'permitSettings.update': defineMethod({
    summary: 'Mengubah pengaturan perizinan (hanya admin).',
    access: ['admin'],
    mutation: true,
    input: permitSettingsSchema,
    handler: async (ctx, input) => {
      const before = await loadPermitSettings(ctx.db);
      await setSetting(ctx.db, PERMIT_SETTINGS_KEY, input, ctx.app.clock.nowIso());
      await ctx.audit({ entity: 'settings', entityId: PERMIT_SETTINGS_KEY, before, after: input });
      return { settings: input };
    },
  }),

  'holidays.list': defineMethod({
    summary: 'Hari libur nasional dan cuti bersama yang dimasukkan kantor untuk satu tahun.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({ year: label(z.number().int().min(2000).max(2100), { id: 'Tahun', en: 'Year' }) }),
    handler: (ctx, input) =>
      ctx.db
        .selectFrom('holidays')
        .select(['date', 'name'])
        .where('date', '>=', `${input.year}-01-01`)
        .where('date', '<=', `${input.year}-12-31`)
        .orderBy('date')
        .execute(),
  }),

  'holidays.save': defineMethod({
    summary: 'Menambah atau mengubah hari libur (admin, supervisor).',
    access: ['admin', 'supervisor'],
    mutation: true,
    input: z.strictObject({ date: isoDate({ id: 'Tanggal', en: 'Date' }), name: text({ id: 'Keterangan', en: 'Description' }, 120) }),
    handler: async (ctx, input) => {
      const before = await ctx.db.selectFrom('holidays').selectAll().where('date', '=', input.date).executeTakeFirst();
      const now = ctx.app.clock.nowIso();
      await ctx.db
        .insertInto('holidays')
        .values({ date: input.date, name: input.name, created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('date').doUpdateSet({ name: input.name, updated_at: now }))
        .execute();
      await ctx.audit({ entity: 'holiday', entityId: input.date, before, after: input });
      return input;
    },
  }),

  'holidays.delete': defineMethod({
    summary: 'Menghapus hari libur (admin, supervisor).',
    access: ['admin', 'supervisor'],
    mutation: true,
    input: z.strictObject({ date: isoDate({ id: 'Tanggal', en: 'Date' }) }),
    handler: async (ctx, input) => {
      const before = await ctx.db.selectFrom('holidays').selectAll().where('date', '=', input.date).executeTakeFirst();
      if (!before) throw notFound({ id: 'Hari libur', en: 'Holiday' });
      await ctx.db.deleteFrom('holidays').where('date', '=', input.date).execute();
      await ctx.audit({ entity: 'holiday', entityId: input.date, before });
      return { date: input.date };
    },
  }),

  ...intakeMethods,
  ...detailMethods,
  ...printingMethods,
  ...verifyMethods,
  ...workMethods,
  ...ajibMethods,
};

/** UTC instants of the start of a WIB month and of the next one. */
function monthBounds(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number);
  const wib = 7 * 3600_000;
  return [new Date(Date.UTC(y, m - 1, 1) - wib).toISOString(), new Date(Date.UTC(y, m, 1) - wib).toISOString()];
}
