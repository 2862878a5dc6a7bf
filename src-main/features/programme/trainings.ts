import { z } from 'zod';
import { recordText } from '../../core/record-texts';
import { sql } from 'kysely';
import { badInput, conflict, notFound, signedInUser } from '../../core/api/errors';
import { fetchPage, likeEscape, pageInput } from '../../core/api/paging';
import { defineMethod, type CallContext } from '../../core/api/registry';
import { fieldMessage, id, label, optionalText, text } from '../../core/api/validation';
import { jakartaDate } from '../../core/clock';
import { dayName, type Phrase } from '../../../src-shared/i18n';
import { completeStage } from '../../core/stages';
import { loadMember, loadSettings, PROGRAMME_ROLES, SKPD_CODES, todayOf } from './common';
import { renderTrainingCertificatesTask } from './tasks';
import { certificatesToPrint, issueCertificates } from './certificates';

// Date-times are typed in WIB as 'YYYY-MM-DDTHH:MM' (what <input type="datetime-local"> gives)
// and stored as UTC instants.
const localDateTime = (name: Phrase) =>
  label(
    z
      .string()
      .regex(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
        fieldMessage({ id: 'tanggal atau jam tidak valid (tulis HH/BB/TTTT dan jj.mm)', en: 'not a valid date or time (write DD/MM/YYYY and hh.mm)' }),
      )
      .refine(
        (v) => !Number.isNaN(Date.parse(`${v}:00+07:00`)),
        fieldMessage({ id: 'tanggal atau jam tidak ada di kalender', en: 'the date or time does not exist' }),
      ),
    name,
  );

export const toUtcIso = (local: string) => new Date(Date.parse(`${local}:00+07:00`)).toISOString();
/** A UTC instant as WIB 'YYYY-MM-DDTHH:MM'. */
export const toLocal = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 16);

const trainingFields = {
  topic: text({ id: 'Topik pelatihan', en: 'Training topic' }, 200),
  startsAt: localDateTime({ id: 'Mulai', en: 'Starts' }),
  endsAt: localDateTime({ id: 'Selesai', en: 'Ends' }),
  mode: label(z.enum(['online', 'offline']), { id: 'Cara pelaksanaan', en: 'Mode' }),
  place: optionalText({ id: 'Tempat', en: 'Venue' }, 200),
  link: optionalText({ id: 'Tautan daring', en: 'Online link' }, 300),
  capacity: label(z.number().int().min(1).max(1000), { id: 'Kapasitas', en: 'Capacity' }),
  trainer: text({ id: 'Pelatih', en: 'Trainer' }, 120),
  skpd: label(z.enum(SKPD_CODES), { id: 'SKPD penyelenggara', en: 'Organising SKPD' }),
};

const trainingColumns = [
  'trainings.id',
  'trainings.topic',
  'trainings.starts_at as startsAt',
  'trainings.ends_at as endsAt',
  'trainings.mode',
  'trainings.place',
  'trainings.link',
  'trainings.capacity',
  'trainings.trainer',
  'trainings.skpd',
  'trainings.status',
  'trainings.completed_on as completedOn',
] as const;

function checkTrainingFields(v: { startsAt: string; endsAt: string; mode: 'online' | 'offline'; place?: string | null; link?: string | null }) {
  if (toUtcIso(v.endsAt) <= toUtcIso(v.startsAt)) throw badInput('endsAt', { id: 'Selesai: harus sesudah waktu mulai', en: 'Ends: must be after the start' });
  if (v.mode === 'offline' && !v.place)
    throw badInput('place', { id: 'Tempat: wajib diisi untuk pelatihan luring', en: 'Venue: required for an in-person training' });
  if (v.mode === 'online' && !v.link)
    throw badInput('link', { id: 'Tautan daring: wajib diisi untuk pelatihan daring', en: 'Online link: required for an online training' });
}

export async function loadTraining(ctx: Pick<CallContext, 'db'>, trainingId: string) {
  const t = await ctx.db.selectFrom('trainings').select(trainingColumns).where('id', '=', trainingId).executeTakeFirst();
  if (!t) throw notFound({ id: 'Pelatihan', en: 'Training' });
  return t;
}

export async function seatCounts(ctx: Pick<CallContext, 'db'>, trainingId: string) {
  const rows = await ctx.db
    .selectFrom('training_enrolments')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('training_id', '=', trainingId)
    .groupBy('status')
    .execute();
  const n = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return { enrolled: n('terdaftar'), waiting: n('menunggu') };
}

async function participants(ctx: Pick<CallContext, 'db'>, trainingId: string) {
  return ctx.db
    .selectFrom('training_enrolments as e')
    .innerJoin('members as m', 'm.id', 'e.member_id')
    .leftJoin('regions as r', 'r.kode', 'm.kelurahan_kode')
    .leftJoin('training_certificates as c', (j) => j.onRef('c.training_id', '=', 'e.training_id').onRef('c.member_id', '=', 'e.member_id'))
    .select([
      'e.member_id as memberId',
      'm.member_no as memberNo',
      'm.full_name as fullName',
      'r.nama as kelurahan',
      'e.status',
      'e.waitlist_pos as waitlistPos',
      'e.attended',
      'e.completed',
      'e.enrolled_at as enrolledAt',
    ])
    .select(['c.number as certificateNo', 'c.revoked_on as certificateRevokedOn'])
    .where('e.training_id', '=', trainingId)
    .orderBy(sql`case e.status when 'terdaftar' then 0 when 'menunggu' then 1 else 2 end`)
    .orderBy('e.waitlist_pos')
    .orderBy('m.name_key')
    .execute();
}

export function assertScheduled(t: { status: string }) {
  if (t.status === 'selesai')
    throw conflict({
      id: 'Pelatihan sudah dinyatakan selesai; peserta tidak dapat diubah lagi.',
      en: 'The training is already completed; participants can no longer be changed.',
    });
  if (t.status === 'dibatalkan') throw conflict({ id: 'Pelatihan sudah dibatalkan.', en: 'The training is already cancelled.' });
}

/** Moves the first waiting members up while seats are free; returns their member ids. */
async function promoteWaiting(ctx: CallContext, trainingId: string, capacity: number): Promise<string[]> {
  const promoted: string[] = [];
  let { enrolled } = await seatCounts(ctx, trainingId);
  while (enrolled < capacity) {
    const next = await ctx.db
      .selectFrom('training_enrolments')
      .select(['id', 'member_id'])
      .where('training_id', '=', trainingId)
      .where('status', '=', 'menunggu')
      .orderBy('waitlist_pos')
      .limit(1)
      .executeTakeFirst();
    if (!next) break;
    await ctx.db
      .updateTable('training_enrolments')
      .set({ status: 'terdaftar', waitlist_pos: null, updated_at: ctx.app.clock.nowIso() })
      .where('id', '=', next.id)
      .execute();
    await ctx.audit({
      entity: 'training_enrolments',
      entityId: next.id,
      before: { status: 'menunggu' },
      after: { status: 'terdaftar', reason: 'naik dari daftar tunggu' },
    });
    promoted.push(next.member_id);
    enrolled++;
  }
  return promoted;
}

/** The reason given when the training was cancelled, from the cancellation's audit entry. */
async function cancellationReason(ctx: Pick<CallContext, 'db'>, trainingId: string): Promise<string | null> {
  const entry = await ctx.db
    .selectFrom('audit_log')
    .select('after')
    .where('entity', '=', 'trainings')
    .where('entity_id', '=', trainingId)
    .where('method', '=', 'trainings.cancel')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const after = entry?.after ? (JSON.parse(entry.after) as { reason?: string }) : null;
  return after?.reason ?? null;
}

/** The columns a training's form sets, the same on create and update. */
const trainingFormColumns = (input: z.output<z.ZodObject<typeof trainingFields>>) => ({
  topic: input.topic,
  starts_at: toUtcIso(input.startsAt),
  ends_at: toUtcIso(input.endsAt),
  mode: input.mode,
  place: input.place ?? null,
  link: input.link ?? null,
  capacity: input.capacity,
  trainer: input.trainer,
  skpd: input.skpd,
});

export const trainingMethods = {
  'trainings.list': defineMethod({
    summary: 'Daftar pelatihan (P2) dengan jumlah peserta, daftar tunggu dan kehadiran.',
    access: PROGRAMME_ROLES,
    mutation: false,
    input: z.strictObject({
      ...pageInput(['startsAt', 'topic'], 'startsAt', 'desc'),
      search: label(z.string().trim().max(100), { id: 'Cari', en: 'Search' }).optional(),
      status: label(z.enum(['terjadwal', 'selesai', 'dibatalkan']), { id: 'Status', en: 'Status' }).optional(),
    }),
    handler: async ({ db }, input) => {
      let base = db.selectFrom('trainings');
      if (input.search) base = base.where(sql<boolean>`lower(topic) like ${`%${likeEscape(input.search.toLowerCase())}%`} escape '\\'`);
      if (input.status) base = base.where('status', '=', input.status);
      const count = (status: string, extra = sql``) =>
        sql<number>`(select count(*) from training_enrolments e where e.training_id = trainings.id and e.status = ${status} ${extra})`;
      const rows = base
        .select(trainingColumns)
        .select([count('terdaftar').as('enrolled'), count('menunggu').as('waiting'), count('terdaftar', sql`and e.attended = 1`).as('attended')])
        .orderBy(input.sort === 'topic' ? 'topic' : 'starts_at', input.dir)
        .orderBy('id');
      return fetchPage(
        rows,
        base.select((eb) => eb.fn.countAll<number>().as('total')),
        input,
      );
    },
  }),

  'trainings.get': defineMethod({
    summary: 'Satu pelatihan dengan peserta, daftar tunggu (berurutan) dan kehadiran.',
    access: PROGRAMME_ROLES,
    mutation: false,
    input: z.strictObject({ id: id({ id: 'Pelatihan', en: 'Training' }) }),
    handler: async (ctx, input) => {
      const training = await loadTraining(ctx, input.id);
      const cancelReason = training.status === 'dibatalkan' ? await cancellationReason(ctx, input.id) : null;
      return {
        ...training,
        cancelReason,
        startsAtLocal: toLocal(training.startsAt),
        endsAtLocal: toLocal(training.endsAt),
        participants: await participants(ctx, input.id),
      };
    },
  }),

  'trainings.create': defineMethod({
    summary: 'Menjadwalkan pelatihan (P2).',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject(trainingFields),
    handler: async (ctx, input) => {
      checkTrainingFields(input);
      const now = ctx.app.clock.nowIso();
      const trainingId = ctx.app.newId();
      await ctx.db
        .insertInto('trainings')
        .values({
          id: trainingId,
          ...trainingFormColumns(input),
          status: 'terjadwal',
          created_by: signedInUser(ctx).id,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const after = await loadTraining(ctx, trainingId);
      await ctx.audit({ entity: 'trainings', entityId: trainingId, after });
      return after;
    },
  }),

  'trainings.update': defineMethod({
    summary: 'Mengubah jadwal, tempat, kapasitas atau pelatih; kapasitas yang bertambah menaikkan daftar tunggu.',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({ id: id({ id: 'Pelatihan', en: 'Training' }), ...trainingFields }),
    handler: async (ctx, input) => {
      const before = await loadTraining(ctx, input.id);
      assertScheduled(before);
      checkTrainingFields(input);
      const { enrolled } = await seatCounts(ctx, input.id);
      if (input.capacity < enrolled)
        throw badInput('capacity', {
          id: `Kapasitas: sudah ada ${enrolled} peserta terdaftar; kapasitas tidak boleh kurang dari itu`,
          en: `Capacity: ${enrolled} participants are enrolled already; the capacity may not be less`,
        });
      await ctx.db
        .updateTable('trainings')
        .set({
          ...trainingFormColumns(input),
          updated_at: ctx.app.clock.nowIso(),
        })
        .where('id', '=', input.id)
        .execute();
      const after = await loadTraining(ctx, input.id);
      await ctx.audit({ entity: 'trainings', entityId: input.id, before, after });
      const promoted = await promoteWaiting(ctx, input.id, input.capacity);
      return { ...after, promoted };
    },
  }),

  'trainings.cancel': defineMethod({
    summary:
      'Membatalkan pelatihan yang belum selesai, dengan alasannya; peserta dan daftar tunggu tetap tersimpan, sehingga pembatalan dapat diurungkan (trainings.reinstate).',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({ id: id({ id: 'Pelatihan', en: 'Training' }), reason: text({ id: 'Alasan pembatalan', en: 'Reason for cancelling' }, 300) }),
    handler: async (ctx, input) => {
      const before = await loadTraining(ctx, input.id);
      assertScheduled(before);
      const seats = await seatCounts(ctx, input.id);
      await ctx.db.updateTable('trainings').set({ status: 'dibatalkan', updated_at: ctx.app.clock.nowIso() }).where('id', '=', input.id).execute();
      const after = await loadTraining(ctx, input.id);
      // The audit entry is where the reason is kept: trainings.get reads it back from there.
      await ctx.audit({ entity: 'trainings', entityId: input.id, before, after: { ...after, reason: input.reason, ...seats } });
      return { ...after, ...seats, reason: input.reason };
    },
  }),

  'trainings.enrol': defineMethod({
    summary: 'Mendaftarkan anggota ke pelatihan; bila penuh ditolak, kecuali diminta masuk daftar tunggu.',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({
      trainingId: id({ id: 'Pelatihan', en: 'Training' }),
      memberId: id({ id: 'Anggota', en: 'Member' }),
      waitlist: label(z.boolean(), { id: 'Daftar tunggu', en: 'Waiting list' }).default(false),
    }),
    handler: async (ctx, input) => {
      const training = await loadTraining(ctx, input.trainingId);
      assertScheduled(training);
      const member = await loadMember(ctx.db, input.memberId);
      if (member.status !== 'aktif')
        throw conflict({ id: `${member.fullName} tidak aktif sebagai anggota.`, en: `${member.fullName} is not an active member.` });
      const existing = await ctx.db
        .selectFrom('training_enrolments')
        .selectAll()
        .where('training_id', '=', input.trainingId)
        .where('member_id', '=', input.memberId)
        .executeTakeFirst();
      if (existing?.status === 'terdaftar')
        throw conflict({ id: `${member.fullName} sudah terdaftar di pelatihan ini.`, en: `${member.fullName} is already enrolled in this training.` });
      if (existing?.status === 'menunggu')
        throw conflict({
          id: `${member.fullName} sudah ada di daftar tunggu (urutan ${existing.waitlist_pos}).`,
          en: `${member.fullName} is already on the waiting list (place ${existing.waitlist_pos}).`,
        });
      const { enrolled } = await seatCounts(ctx, input.trainingId);
      const full = enrolled >= training.capacity;
      if (full && !input.waitlist) {
        throw conflict(
          {
            id: `Pelatihan penuh: ${enrolled} dari ${training.capacity} kursi sudah terisi. ${member.fullName} tidak didaftarkan; masukkan ke daftar tunggu bila perlu.`,
            en: `The training is full: ${enrolled} of ${training.capacity} seats are taken. ${member.fullName} was not enrolled; put them on the waiting list if needed.`,
          },
          {
            memberId: { id: `Anggota: pelatihan penuh (kapasitas ${training.capacity})`, en: `Member: the training is full (capacity ${training.capacity})` },
          },
        );
      }
      let waitlistPos: number | null = null;
      if (full) {
        const last = await ctx.db
          .selectFrom('training_enrolments')
          .select((eb) => eb.fn.max<number | null>('waitlist_pos').as('pos'))
          .where('training_id', '=', input.trainingId)
          .where('status', '=', 'menunggu')
          .executeTakeFirst();
        waitlistPos = (last?.pos ?? 0) + 1;
      }
      const now = ctx.app.clock.nowIso();
      const values = {
        status: full ? ('menunggu' as const) : ('terdaftar' as const),
        waitlist_pos: waitlistPos,
        attended: 0 as const,
        completed: 0 as const,
        enrolled_at: now,
        updated_at: now,
      };
      const enrolmentId = existing?.id ?? ctx.app.newId();
      if (existing) await ctx.db.updateTable('training_enrolments').set(values).where('id', '=', existing.id).execute();
      else
        await ctx.db
          .insertInto('training_enrolments')
          .values({ id: enrolmentId, training_id: input.trainingId, member_id: input.memberId, ...values })
          .execute();
      await ctx.audit({
        entity: 'training_enrolments',
        entityId: enrolmentId,
        before: existing ?? null,
        after: { trainingId: input.trainingId, memberId: input.memberId, ...values },
      });
      return { status: values.status, waitlistPos, memberName: member.fullName };
    },
  }),

  'trainings.withdraw': defineMethod({
    summary: 'Mengundurkan anggota dari pelatihan; kursinya diberikan kepada urutan pertama daftar tunggu.',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({ trainingId: id({ id: 'Pelatihan', en: 'Training' }), memberId: id({ id: 'Anggota', en: 'Member' }) }),
    handler: async (ctx, input) => {
      const training = await loadTraining(ctx, input.trainingId);
      assertScheduled(training);
      const existing = await ctx.db
        .selectFrom('training_enrolments')
        .selectAll()
        .where('training_id', '=', input.trainingId)
        .where('member_id', '=', input.memberId)
        .executeTakeFirst();
      if (!existing || existing.status === 'mundur')
        throw badInput('memberId', {
          id: 'Anggota: tidak terdaftar dan tidak ada di daftar tunggu pelatihan ini',
          en: 'Member: neither enrolled in nor on the waiting list of this training',
        });
      await ctx.db
        .updateTable('training_enrolments')
        .set({ status: 'mundur', waitlist_pos: null, attended: 0, updated_at: ctx.app.clock.nowIso() })
        .where('id', '=', existing.id)
        .execute();
      const promoted = existing.status === 'terdaftar' ? await promoteWaiting(ctx, input.trainingId, training.capacity) : [];
      // Written after the promotion so that it names who took the seat: trainings.undoWithdraw
      // reads the former place and the promoted members back from this entry.
      await ctx.audit({ entity: 'training_enrolments', entityId: existing.id, before: existing, after: { status: 'mundur', promoted } });
      return { promoted };
    },
  }),

  'trainings.attendance': defineMethod({
    summary: 'Mencatat kehadiran peserta terdaftar (satu atau banyak sekaligus).',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({
      trainingId: id({ id: 'Pelatihan', en: 'Training' }),
      marks: label(
        z
          .array(z.strictObject({ memberId: id({ id: 'Anggota', en: 'Member' }), attended: label(z.boolean(), { id: 'Hadir', en: 'Attended' }) }))
          .min(1)
          .max(1000),
        { id: 'Kehadiran', en: 'Attendance' },
      ),
    }),
    handler: async (ctx, input) => {
      const training = await loadTraining(ctx, input.trainingId);
      assertScheduled(training);
      if (jakartaDate(training.startsAt) > todayOf(ctx))
        throw conflict({
          id: 'Pelatihan belum dimulai; kehadiran dicatat pada hari pelaksanaan.',
          en: 'The training has not started; attendance is recorded on the day.',
        });
      const rows = await ctx.db
        .selectFrom('training_enrolments')
        .select(['id', 'member_id', 'status', 'attended'])
        .where('training_id', '=', input.trainingId)
        .execute();
      const byMember = new Map(rows.map((r) => [r.member_id, r]));
      const now = ctx.app.clock.nowIso();
      for (const [index, mark] of input.marks.entries()) {
        const row = byMember.get(mark.memberId);
        if (row?.status !== 'terdaftar') {
          const member = await ctx.db.selectFrom('members').select('full_name').where('id', '=', mark.memberId).executeTakeFirst();
          const who = member?.full_name ?? 'Anggota ini';
          const why: Phrase =
            row?.status === 'menunggu'
              ? { id: 'masih di daftar tunggu', en: 'is still on the waiting list of' }
              : { id: 'tidak terdaftar sebagai peserta', en: 'is not enrolled in' };
          throw badInput(`marks.${index}.memberId`, {
            id: `Kehadiran: ${who} ${why.id} pelatihan ini; kehadiran tidak dicatat`,
            en: `Attendance: ${who} ${why.en} this training; attendance not recorded`,
          });
        }
        const attended = mark.attended ? 1 : 0;
        if (row.attended === attended) continue;
        await ctx.db.updateTable('training_enrolments').set({ attended, updated_at: now }).where('id', '=', row.id).execute();
        await ctx.audit({ entity: 'training_enrolments', entityId: row.id, before: { attended: row.attended }, after: { attended } });
      }
      return {
        attended:
          (
            await ctx.db
              .selectFrom('training_enrolments')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('training_id', '=', input.trainingId)
              .where('status', '=', 'terdaftar')
              .where('attended', '=', 1)
              .executeTakeFirst()
          )?.n ?? 0,
      };
    },
  }),

  'trainings.complete': defineMethod({
    summary: 'Menyatakan pelatihan selesai: peserta yang hadir lulus dan tahap P2 mereka tercatat.',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({ id: id({ id: 'Pelatihan', en: 'Training' }) }),
    handler: async (ctx, input) => {
      const before = await loadTraining(ctx, input.id);
      assertScheduled(before);
      const today = todayOf(ctx);
      if (jakartaDate(before.startsAt) > today)
        throw conflict({ id: 'Pelatihan belum dimulai; tidak dapat dinyatakan selesai.', en: 'The training has not started; it cannot be completed.' });
      const attendees = await ctx.db
        .selectFrom('training_enrolments')
        .select(['id', 'member_id'])
        .where('training_id', '=', input.id)
        .where('status', '=', 'terdaftar')
        .where('attended', '=', 1)
        .execute();
      if (attendees.length === 0)
        throw conflict({
          id: 'Belum ada peserta yang ditandai hadir; catat kehadiran dulu.',
          en: 'No participant is marked as attended yet; record attendance first.',
        });
      const endDate = jakartaDate(before.endsAt);
      const completedOn = endDate < today ? endDate : today;
      const now = ctx.app.clock.nowIso();
      await ctx.db.updateTable('trainings').set({ status: 'selesai', completed_on: completedOn, updated_at: now }).where('id', '=', input.id).execute();
      await ctx.db
        .updateTable('training_enrolments')
        .set({ completed: 1, updated_at: now })
        .where(
          'id',
          'in',
          attendees.map((a) => a.id),
        )
        .execute();
      let stagesRecorded = 0;
      for (const a of attendees) {
        const r = await completeStage(ctx.db, {
          memberId: a.member_id,
          stage: 'P2',
          completedOn,
          evidence: recordText('training', { topic: before.topic }),
          source: 'training',
          sourceId: input.id,
          userId: signedInUser(ctx).id,
          nowIso: now,
        });
        if (r.changed) stagesRecorded++;
      }
      // Numbers are given now, once: printing later only repeats them.
      const settings = await loadSettings(ctx.db);
      const certificates = await issueCertificates(ctx, input.id, completedOn, settings.certificateNumberTemplate);
      const after = await loadTraining(ctx, input.id);
      await ctx.audit({ entity: 'trainings', entityId: input.id, before, after: { ...after, graduates: attendees.length, certificates } });
      return { ...after, graduates: attendees.length, stagesRecorded, certificates };
    },
  }),

  'trainings.certificate': defineMethod({
    summary: 'Sertifikat pelatihan (PDF) untuk satu peserta yang lulus; cetak ulang bertanda SALINAN dengan nomor yang sama.',
    access: PROGRAMME_ROLES,
    // Each print is counted: the second one is a copy.
    mutation: true,
    input: z.strictObject({ trainingId: id({ id: 'Pelatihan', en: 'Training' }), memberId: id({ id: 'Anggota', en: 'Member' }) }),
    handler: async (ctx, input) => {
      const training = await loadTraining(ctx, input.trainingId);
      if (training.status !== 'selesai')
        throw conflict({ id: 'Sertifikat dicetak setelah pelatihan dinyatakan selesai.', en: 'Certificates are printed once the training is completed.' });
      const revoked = await ctx.db
        .selectFrom('training_certificates')
        .select(['number', 'revoked_on'])
        .where('training_id', '=', input.trainingId)
        .where('member_id', '=', input.memberId)
        .executeTakeFirst();
      if (revoked?.revoked_on)
        throw conflict({
          id: `Sertifikat ${revoked.number} sudah dicabut pada ${dayName(revoked.revoked_on).id}; tidak dicetak lagi.`,
          en: `Certificate ${revoked.number} was revoked on ${dayName(revoked.revoked_on).en}; it is not printed again.`,
        });
      const { office, list } = await certificatesToPrint(ctx, input.trainingId, input.memberId);
      if (list.length === 0)
        throw badInput('memberId', {
          id: 'Anggota: tidak lulus (tidak hadir atau tidak terdaftar) pada pelatihan ini',
          en: 'Member: did not pass this training (did not attend or was not enrolled)',
        });
      return { office, list };
    },
    // Drawn after the commit that counts the print, in the worker pool.
    render: async (ctx, { office, list }) => {
      const base64 = await ctx.work(renderTrainingCertificatesTask, { list, office });
      return {
        fileName: `sertifikat-${list[0].holder.memberNo}.pdf`,
        mimeType: 'application/pdf' as const,
        base64,
        number: list[0].number,
        copy: list[0].copy,
      };
    },
  }),

  'trainings.certificates': defineMethod({
    summary: 'Sertifikat semua peserta yang lulus dalam satu PDF (satu halaman per peserta, yang pernah dicetak bertanda SALINAN).',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({ trainingId: id({ id: 'Pelatihan', en: 'Training' }) }),
    handler: async (ctx, input) => {
      const training = await loadTraining(ctx, input.trainingId);
      if (training.status !== 'selesai')
        throw conflict({ id: 'Sertifikat dicetak setelah pelatihan dinyatakan selesai.', en: 'Certificates are printed once the training is completed.' });
      const { office, list } = await certificatesToPrint(ctx, input.trainingId);
      return { office, list, startsAt: training.startsAt };
    },
    render: async (ctx, { office, list, startsAt }) => {
      ctx.job.progress(0, list.length, 'render');
      const base64 = await ctx.work(renderTrainingCertificatesTask, { list, office });
      return {
        fileName: `sertifikat-pelatihan-${jakartaDate(startsAt)}.pdf`,
        mimeType: 'application/pdf' as const,
        base64,
        count: list.length,
        numbers: list.map((c) => c.number),
      };
    },
  }),

  'trainings.revokeCertificate': defineMethod({
    summary: 'Mencabut sertifikat pelatihan dengan alasan (misalnya diberikan karena kekeliruan); nomornya tidak dipakai lagi.',
    access: ['admin', 'supervisor'],
    mutation: true,
    input: z.strictObject({
      trainingId: id({ id: 'Pelatihan', en: 'Training' }),
      memberId: id({ id: 'Anggota', en: 'Member' }),
      reason: text({ id: 'Alasan pencabutan', en: 'Reason for revoking' }, 300),
    }),
    handler: async (ctx, input) => {
      const before = await ctx.db
        .selectFrom('training_certificates')
        .selectAll()
        .where('training_id', '=', input.trainingId)
        .where('member_id', '=', input.memberId)
        .executeTakeFirst();
      if (!before) throw badInput('memberId', { id: 'Anggota: tidak punya sertifikat pelatihan ini', en: 'Member: has no certificate of this training' });
      if (before.revoked_on)
        throw conflict({
          id: `Sertifikat ${before.number} sudah dicabut pada ${dayName(before.revoked_on).id}.`,
          en: `Certificate ${before.number} was revoked on ${dayName(before.revoked_on).en}.`,
        });
      const set = { revoked_on: todayOf(ctx), revoke_reason: input.reason, revoked_by: signedInUser(ctx).id };
      await ctx.db.updateTable('training_certificates').set(set).where('id', '=', before.id).execute();
      await ctx.audit({ entity: 'training_certificates', entityId: before.id, before, after: { ...before, ...set } });
      return { number: before.number, revokedOn: set.revoked_on };
    },
  }),
};
