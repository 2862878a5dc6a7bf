// Undoing the two irreversible-looking moves of a training: a cancellation (the training is
// scheduled again with everyone in their place, since cancelling changes no enrolment) and a
// withdrawal (the member back to the place they had, read from the withdrawal's audit entry).
import { z } from 'zod';
import { conflict } from '../../core/api/errors';
import { defineMethod, type CallContext } from '../../core/api/registry';
import { id } from '../../core/api/validation';
import { PROGRAMME_ROLES, loadMember } from './common';
import { assertScheduled, loadTraining, seatCounts } from './trainings';

interface WithdrawalEntry {
  before: { status: 'terdaftar' | 'menunggu'; waitlist_pos: number | null; attended: 0 | 1 };
  promoted: string[];
}

async function lastWithdrawal(ctx: CallContext, enrolmentId: string): Promise<WithdrawalEntry | null> {
  const entry = await ctx.db
    .selectFrom('audit_log')
    .select(['before', 'after'])
    .where('entity', '=', 'training_enrolments')
    .where('entity_id', '=', enrolmentId)
    .where('method', '=', 'trainings.withdraw')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!entry?.before) return null;
  const after = entry.after ? (JSON.parse(entry.after) as { promoted?: string[] }) : {};
  return { before: JSON.parse(entry.before) as WithdrawalEntry['before'], promoted: after.promoted ?? [] };
}

/** Makes room at a waiting-list position: when it is taken, everyone from there on moves one down. */
async function openWaitlistPlace(ctx: CallContext, trainingId: string, pos: number) {
  const taken = await ctx.db
    .selectFrom('training_enrolments')
    .select('id')
    .where('training_id', '=', trainingId)
    .where('status', '=', 'menunggu')
    .where('waitlist_pos', '=', pos)
    .executeTakeFirst();
  if (!taken) return;
  const later = await ctx.db
    .selectFrom('training_enrolments')
    .select(['id', 'waitlist_pos'])
    .where('training_id', '=', trainingId)
    .where('status', '=', 'menunggu')
    .where('waitlist_pos', '>=', pos)
    .orderBy('waitlist_pos', 'desc')
    .execute();
  for (const row of later)
    await ctx.db
      .updateTable('training_enrolments')
      .set({ waitlist_pos: (row.waitlist_pos ?? pos) + 1 })
      .where('id', '=', row.id)
      .execute();
}

export const trainingUndoMethods = {
  'trainings.reinstate': defineMethod({
    summary: 'Mengurungkan pembatalan pelatihan: pelatihan terjadwal lagi dengan peserta dan daftar tunggu seperti sebelum dibatalkan.',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({ id: id({ id: 'Pelatihan', en: 'Training' }) }),
    handler: async (ctx, input) => {
      const before = await loadTraining(ctx, input.id);
      if (before.status !== 'dibatalkan')
        throw conflict({ id: 'Pelatihan ini tidak dibatalkan; tidak ada yang diurungkan.', en: 'This training is not cancelled; nothing was undone.' });
      await ctx.db.updateTable('trainings').set({ status: 'terjadwal', updated_at: ctx.app.clock.nowIso() }).where('id', '=', input.id).execute();
      const after = await loadTraining(ctx, input.id);
      const seats = await seatCounts(ctx, input.id);
      await ctx.audit({ entity: 'trainings', entityId: input.id, before, after: { ...after, ...seats } });
      return { ...after, ...seats };
    },
  }),

  'trainings.undoWithdraw': defineMethod({
    summary:
      'Mengurungkan pengunduran diri peserta: kembali ke tempatnya (kursi, atau urutannya di daftar tunggu). Bila kursinya sudah diberikan ke daftar tunggu dan penerimanya belum hadir, penerima itu kembali ke urutan pertama daftar tunggu.',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({ trainingId: id({ id: 'Pelatihan', en: 'Training' }), memberId: id({ id: 'Anggota', en: 'Member' }) }),
    handler: async (ctx, input) => {
      const training = await loadTraining(ctx, input.trainingId);
      assertScheduled(training);
      const member = await loadMember(ctx.db, input.memberId);
      const enrolment = await ctx.db
        .selectFrom('training_enrolments')
        .selectAll()
        .where('training_id', '=', input.trainingId)
        .where('member_id', '=', input.memberId)
        .executeTakeFirst();
      if (enrolment?.status !== 'mundur')
        throw conflict({
          id: `${member.fullName} tidak mundur dari pelatihan ini; tidak ada yang diurungkan.`,
          en: `${member.fullName} did not withdraw from this training; nothing was undone.`,
        });
      const withdrawal = await lastWithdrawal(ctx, enrolment.id);
      if (!withdrawal)
        throw conflict({
          id: `Tempat ${member.fullName} sebelum mundur tidak tercatat; daftarkan lagi bila perlu.`,
          en: `${member.fullName}'s place before withdrawing is not on record; enrol them again if needed.`,
        });
      const now = ctx.app.clock.nowIso();
      const moved: string[] = [];

      let place: { status: 'terdaftar' | 'menunggu'; waitlist_pos: number | null };
      if (withdrawal.before.status === 'menunggu') {
        const pos = withdrawal.before.waitlist_pos ?? 1;
        await openWaitlistPlace(ctx, input.trainingId, pos);
        place = { status: 'menunggu', waitlist_pos: pos };
      } else {
        const { enrolled } = await seatCounts(ctx, input.trainingId);
        if (enrolled >= training.capacity) {
          // The seat went to the waiting list: the one who got it goes back to the head of the
          // list, unless they have attended already (then their seat is theirs).
          const taker = withdrawal.promoted.length
            ? await ctx.db
                .selectFrom('training_enrolments')
                .selectAll()
                .where('training_id', '=', input.trainingId)
                .where('member_id', 'in', withdrawal.promoted)
                .where('status', '=', 'terdaftar')
                .where('attended', '=', 0)
                .orderBy('updated_at', 'desc')
                .executeTakeFirst()
            : undefined;
          if (!taker)
            throw conflict({
              id: `Pelatihan penuh (${enrolled} dari ${training.capacity} kursi) dan kursi ${member.fullName} sudah dipakai peserta yang hadir; tambah kapasitas atau masukkan ke daftar tunggu.`,
              en: `The training is full (${enrolled} of ${training.capacity} seats) and ${member.fullName}'s seat is taken by a participant who attended; add capacity or put them on the waiting list.`,
            });
          await openWaitlistPlace(ctx, input.trainingId, 1);
          await ctx.db.updateTable('training_enrolments').set({ status: 'menunggu', waitlist_pos: 1, updated_at: now }).where('id', '=', taker.id).execute();
          await ctx.audit({
            entity: 'training_enrolments',
            entityId: taker.id,
            before: taker,
            after: { status: 'menunggu', waitlist_pos: 1, reason: `kursi dikembalikan kepada ${member.fullName}` },
          });
          moved.push(taker.member_id);
        }
        place = { status: 'terdaftar', waitlist_pos: null };
      }
      const attended = place.status === 'terdaftar' ? withdrawal.before.attended : 0;
      await ctx.db
        .updateTable('training_enrolments')
        .set({ ...place, attended, updated_at: now })
        .where('id', '=', enrolment.id)
        .execute();
      await ctx.audit({ entity: 'training_enrolments', entityId: enrolment.id, before: enrolment, after: { ...place, attended, backToWaitlist: moved } });
      return { memberName: member.fullName, status: place.status, waitlistPos: place.waitlist_pos, backToWaitlist: moved };
    },
  }),
};
