import { z } from 'zod';
import { sql } from 'kysely';
import { badInput, notFound, signedInUser } from '../../core/api/errors';
import { fetchPage, likeEscape, pageInput } from '../../core/api/paging';
import { defineMethod, type CallContext } from '../../core/api/registry';
import { fieldMessage, id, isoDate, label, optionalText, text } from '../../core/api/validation';
import { refreshStage } from '../../core/stages';
import { daysBetween, loadMember, loadPendamping, loadSettings, pendampingOf, PROGRAMME_ROLES, todayOf } from './common';

/** P3 follows the member's earliest visit; a change of the stage is audited with it. */
async function refreshP3(ctx: CallContext, memberId: string) {
  const r = await refreshStage(ctx.db, memberId, 'P3', { userId: ctx.user?.id ?? null, nowIso: ctx.app.clock.nowIso() });
  if (r.changed) await ctx.audit({ entity: 'member_stages', entityId: memberId, before: r.before, after: r.after });
  return r;
}

const kelurahanKode = label(
  z.string().regex(/^31\.\d{2}\.\d{2}\.\d{4}$/, fieldMessage({ id: 'pilih kelurahan dari daftar', en: 'choose the kelurahan from the list' })),
  { id: 'Kelurahan', en: 'Kelurahan' },
);

export const mentoringMethods = {
  'mentoring.kelurahan': defineMethod({
    summary: 'Kelurahan wilayah kantor dengan jumlah anggota dan yang sudah punya pendamping (untuk penugasan massal).',
    access: PROGRAMME_ROLES,
    mutation: false,
    input: z.strictObject({}),
    handler: async ({ db }) => {
      const office = await db.selectFrom('office').select('kecamatan_kode').executeTakeFirstOrThrow();
      return db
        .selectFrom('regions as r')
        .select([
          'r.kode',
          'r.nama',
          sql<number>`(select count(*) from members m where m.kelurahan_kode = r.kode and m.status = 'aktif')`.as('members'),
          sql<number>`(select count(*) from members m where m.kelurahan_kode = r.kode and m.status = 'aktif' and m.pendamping_id is not null)`.as('assigned'),
        ])
        .where('r.parent_kode', '=', office.kecamatan_kode)
        .where('r.level', '=', 'kelurahan')
        .orderBy('r.nama')
        .execute();
    },
  }),

  'mentoring.assign': defineMethod({
    summary: 'Menugaskan pendamping kepada satu atau beberapa anggota (atau melepasnya).',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({
      memberIds: label(
        z
          .array(id({ id: 'Anggota', en: 'Member' }))
          .min(1)
          .max(1000),
        { id: 'Anggota', en: 'Member' },
      ),
      pendampingId: id({ id: 'Pendamping', en: 'Pendamping' }).nullable(),
    }),
    handler: async (ctx, input) => {
      const pendamping = input.pendampingId ? await loadPendamping(ctx.db, input.pendampingId) : null;
      const ids = [...new Set(input.memberIds)];
      const before = await ctx.db.selectFrom('members').select(['id', 'pendamping_id']).where('id', 'in', ids).execute();
      if (before.length !== ids.length)
        throw badInput('memberIds', { id: 'Anggota: ada anggota yang tidak ditemukan', en: 'Member: some members were not found' });
      await ctx.db
        .updateTable('members')
        .set({ pendamping_id: pendamping?.id ?? null, updated_at: ctx.app.clock.nowIso() })
        .where('id', 'in', ids)
        .execute();
      for (const b of before) {
        if (b.pendamping_id !== (pendamping?.id ?? null))
          await ctx.audit({ entity: 'members', entityId: b.id, before: { pendampingId: b.pendamping_id }, after: { pendampingId: pendamping?.id ?? null } });
      }
      return { updated: ids.length, pendamping };
    },
  }),

  'mentoring.assignByKelurahan': defineMethod({
    summary: 'Menugaskan satu pendamping kepada semua anggota aktif sebuah kelurahan.',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({
      kelurahanKode,
      pendampingId: id({ id: 'Pendamping', en: 'Pendamping' }),
      onlyUnassigned: label(z.boolean(), { id: 'Hanya yang belum punya pendamping', en: 'Only those without a pendamping' }).default(true),
    }),
    handler: async (ctx, input) => {
      const pendamping = await loadPendamping(ctx.db, input.pendampingId);
      const region = await ctx.db
        .selectFrom('regions')
        .select('nama')
        .where('kode', '=', input.kelurahanKode)
        .where('level', '=', 'kelurahan')
        .executeTakeFirst();
      if (!region)
        throw badInput('kelurahanKode', { id: 'Kelurahan: kode tidak ada di daftar wilayah', en: 'Kelurahan: the code is not in the list of regions' });
      let q = ctx.db.selectFrom('members').select(['id', 'pendamping_id']).where('kelurahan_kode', '=', input.kelurahanKode).where('status', '=', 'aktif');
      if (input.onlyUnassigned) q = q.where('pendamping_id', 'is', null);
      const targets = (await q.execute()).filter((m) => m.pendamping_id !== pendamping.id);
      const now = ctx.app.clock.nowIso();
      // Chunks keep the IN list below SQLite's variable limit.
      for (let i = 0; i < targets.length; i += 500) {
        await ctx.db
          .updateTable('members')
          .set({ pendamping_id: pendamping.id, updated_at: now })
          .where(
            'id',
            'in',
            targets.slice(i, i + 500).map((t) => t.id),
          )
          .execute();
      }
      await ctx.audit({
        entity: 'members',
        entityId: null,
        after: { kelurahanKode: input.kelurahanKode, pendampingId: pendamping.id, members: targets.map((t) => ({ id: t.id, previous: t.pendamping_id })) },
      });
      return { updated: targets.length, kelurahan: region.nama, pendamping };
    },
  }),

  'mentoring.myMembers': defineMethod({
    summary: 'Anggota dampingan seorang pendamping (bawaan: diri sendiri) dengan kunjungan terakhir dan yang sudah lama tidak dikunjungi.',
    access: PROGRAMME_ROLES,
    mutation: false,
    input: z.strictObject({
      ...pageInput(['name', 'lastVisit'], 'lastVisit'),
      pendampingId: id({ id: 'Pendamping', en: 'Pendamping' }).optional(),
      search: label(z.string().trim().max(100), { id: 'Cari', en: 'Search' }).optional(),
      overdueOnly: label(z.boolean(), { id: 'Hanya yang perlu dikunjungi', en: 'Only those due for a visit' }).default(false),
    }),
    handler: async (ctx, input) => {
      const pendampingId = pendampingOf(ctx, input.pendampingId);
      const settings = await loadSettings(ctx.db);
      const today = todayOf(ctx);
      const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - settings.visitOverdueDays * 86_400_000).toISOString().slice(0, 10);
      const lastVisit = sql<string | null>`(select max(v.visited_on) from mentoring_visits v where v.member_id = m.id)`;
      let base = ctx.db
        .selectFrom('members as m')
        .leftJoin('regions as r', 'r.kode', 'm.kelurahan_kode')
        .where('m.pendamping_id', '=', pendampingId)
        .where('m.status', '=', 'aktif');
      if (input.search) {
        const pattern = `%${likeEscape(input.search.toLowerCase())}%`;
        base = base.where((eb) =>
          eb.or([eb(sql`lower(m.full_name)`, 'like', sql`${pattern} escape '\\'`), eb('m.member_no', 'like', sql<string>`${pattern} escape '\\'`)]),
        );
      }
      if (input.overdueOnly) base = base.where((eb) => eb.or([eb(lastVisit, 'is', null), eb(lastVisit, '<=', cutoff)]));
      const rows = base
        .select(['m.id', 'm.member_no as memberNo', 'm.full_name as fullName', 'm.phone', 'r.nama as kelurahan', lastVisit.as('lastVisit')])
        .select(sql<string | null>`(select group_concat(b.name, ', ') from businesses b where b.member_id = m.id and b.status = 'aktif')`.as('businesses'));
      const sorted =
        input.sort === 'name' ? rows.orderBy('m.name_key', input.dir) : rows.orderBy(sql`coalesce(${lastVisit}, '')`, input.dir).orderBy('m.name_key');
      const page = await fetchPage(
        sorted.orderBy('m.id'),
        base.select((eb) => eb.fn.countAll<number>().as('total')),
        input,
      );
      return {
        ...page,
        overdueDays: settings.visitOverdueDays,
        rows: page.rows.map((r) => {
          const days = r.lastVisit ? daysBetween(r.lastVisit, today) : null;
          return { ...r, daysSinceVisit: days, overdue: days === null || days >= settings.visitOverdueDays };
        }),
      };
    },
  }),

  'mentoring.recordVisit': defineMethod({
    summary: 'Mencatat kunjungan pendampingan; kunjungan pertama mencatat tahap P3.',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({
      memberId: id({ id: 'Anggota', en: 'Member' }),
      visitedOn: isoDate({ id: 'Tanggal kunjungan', en: 'Visit date' }),
      topic: text({ id: 'Topik', en: 'Topic' }, 200),
      notes: optionalText({ id: 'Catatan', en: 'Note' }, 2000),
      followUp: optionalText({ id: 'Tindak lanjut', en: 'Follow-up' }, 1000),
      pendampingId: id({ id: 'Pendamping', en: 'Pendamping' }).optional(),
    }),
    handler: async (ctx, input) => {
      const member = await loadMember(ctx.db, input.memberId);
      if (input.visitedOn > todayOf(ctx))
        throw badInput('visitedOn', { id: 'Tanggal kunjungan: tidak boleh di masa depan', en: 'Visit date: may not be in the future' });
      const pendampingId = input.pendampingId ?? (signedInUser(ctx).isPendamping ? signedInUser(ctx).id : member.pendampingId);
      if (!pendampingId)
        throw badInput('pendampingId', {
          id: `Pendamping: ${member.fullName} belum punya pendamping; pilih pendamping yang berkunjung`,
          en: `Pendamping: ${member.fullName} has no pendamping yet; choose the pendamping who visited`,
        });
      await loadPendamping(ctx.db, pendampingId);
      const now = ctx.app.clock.nowIso();
      const visitId = ctx.app.newId();
      const values = {
        id: visitId,
        member_id: member.id,
        pendamping_id: pendampingId,
        visited_on: input.visitedOn,
        topic: input.topic,
        notes: input.notes ?? null,
        follow_up: input.followUp ?? null,
        created_by: signedInUser(ctx).id,
        created_at: now,
      };
      await ctx.db.insertInto('mentoring_visits').values(values).execute();
      await ctx.audit({ entity: 'mentoring_visits', entityId: visitId, after: values });
      // The earliest visit dates the stage, also when an older visit is entered later.
      const stage = await refreshP3(ctx, member.id);
      return { id: visitId, stageRecorded: stage.changed };
    },
  }),

  'mentoring.updateVisit': defineMethod({
    summary: 'Membetulkan kunjungan pendampingan (tanggal, topik, catatan); tahap P3 mengikuti kunjungan paling awal.',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({
      id: id({ id: 'Kunjungan', en: 'Visit' }),
      visitedOn: isoDate({ id: 'Tanggal kunjungan', en: 'Visit date' }),
      topic: text({ id: 'Topik', en: 'Topic' }, 200),
      notes: optionalText({ id: 'Catatan', en: 'Note' }, 2000),
      followUp: optionalText({ id: 'Tindak lanjut', en: 'Follow-up' }, 1000),
    }),
    handler: async (ctx, input) => {
      const before = await ctx.db.selectFrom('mentoring_visits').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!before) throw notFound({ id: 'Kunjungan', en: 'Visit' });
      if (input.visitedOn > todayOf(ctx))
        throw badInput('visitedOn', { id: 'Tanggal kunjungan: tidak boleh di masa depan', en: 'Visit date: may not be in the future' });
      const set = { visited_on: input.visitedOn, topic: input.topic, notes: input.notes ?? null, follow_up: input.followUp ?? null };
      await ctx.db.updateTable('mentoring_visits').set(set).where('id', '=', input.id).execute();
      await ctx.audit({ entity: 'mentoring_visits', entityId: input.id, before, after: { ...before, ...set } });
      const stage = await refreshP3(ctx, before.member_id);
      return { id: input.id, stageChanged: stage.changed };
    },
  }),

  'mentoring.removeVisit': defineMethod({
    summary: 'Menghapus kunjungan yang salah catat, dengan alasan (tersimpan di riwayat); tahap P3 mengikuti kunjungan yang tersisa.',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({ id: id({ id: 'Kunjungan', en: 'Visit' }), reason: text({ id: 'Alasan penghapusan', en: 'Reason for deleting' }, 300) }),
    handler: async (ctx, input) => {
      const before = await ctx.db.selectFrom('mentoring_visits').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!before) throw notFound({ id: 'Kunjungan', en: 'Visit' });
      await ctx.db.deleteFrom('mentoring_visits').where('id', '=', input.id).execute();
      // The visit itself stays in the audit log: nothing entered is lost.
      await ctx.audit({ entity: 'mentoring_visits', entityId: input.id, before, after: { removed: true, reason: input.reason } });
      const stage = await refreshP3(ctx, before.member_id);
      return { id: input.id, stageChanged: stage.changed };
    },
  }),

  'mentoring.visits': defineMethod({
    summary: 'Riwayat kunjungan pendampingan seorang anggota, terbaru dulu.',
    access: PROGRAMME_ROLES,
    mutation: false,
    input: z.strictObject({ memberId: id({ id: 'Anggota', en: 'Member' }) }),
    handler: async ({ db }, input) =>
      db
        .selectFrom('mentoring_visits as v')
        .innerJoin('users as u', 'u.id', 'v.pendamping_id')
        .select(['v.id', 'v.visited_on as visitedOn', 'v.topic', 'v.notes', 'v.follow_up as followUp', 'u.full_name as pendamping'])
        .where('v.member_id', '=', input.memberId)
        .orderBy('v.visited_on', 'desc')
        .orderBy('v.id', 'desc')
        .limit(200)
        .execute(),
  }),
};
