import { z } from 'zod';
import { badInput, conflict, notFound } from '../../core/api/errors';
import { defineMethod } from '../../core/api/registry';
import { id, isoDate, label, optionalText, text } from '../../core/api/validation';
import { loadOffice } from '../../core/office';
import { checkTransition } from './rules/transitions';
import { applyTransition, loadPermit, roleOf } from './service';
import type { AjibDayList } from './ajib-pdf';
import { renderAjibDayTask } from './tasks';

export const AJIB_ROLES = ['loket', 'supervisor'] as const;

export { ajibKindLabels } from './ajib-pdf';

async function loadTask(db: Parameters<typeof loadPermit>[0], taskId: string) {
  const task = await db.selectFrom('ajib_tasks').selectAll().where('id', '=', taskId).executeTakeFirst();
  if (!task) throw notFound('Tugas AJIB');
  return task;
}

export function dayQuery(db: Parameters<typeof loadPermit>[0], date: string, officer?: string | null) {
  let q = db
    .selectFrom('ajib_tasks as t')
    .innerJoin('permits as p', 'p.id', 't.permit_id')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .innerJoin('businesses as b', 'b.id', 'p.business_id')
    .select([
      't.id',
      't.permit_id as permitId',
      't.kind',
      't.officer_name as officerName',
      't.address',
      't.planned_date as plannedDate',
      't.status',
      't.receiver_name as receiverName',
      't.proof_note as proofNote',
      't.done_at as doneAt',
      'p.number',
      'p.status as permitStatus',
      'm.full_name as memberName',
      'm.phone',
      'b.name as businessName',
    ])
    .where('t.planned_date', '=', date);
  if (officer) q = q.where('t.officer_name', '=', officer);
  return q.orderBy('t.officer_name').orderBy('t.kind', 'desc').orderBy('t.created_at');
}

export const ajibMethods = {
  'ajib.list': defineMethod({
    summary: 'Tugas AJIB satu hari (jemput berkas, antar izin), per petugas.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({ date: isoDate('Tanggal'), officer: optionalText('Petugas AJIB', 120) }),
    handler: async (ctx, input) => {
      const rows = await dayQuery(ctx.db, input.date, input.officer).execute();
      const officers = await ctx.db.selectFrom('ajib_tasks').select('officer_name').distinct().orderBy('officer_name').execute();
      return { rows, officers: officers.map((o) => o.officer_name) };
    },
  }),

  'ajib.create': defineMethod({
    summary: 'Menjadwalkan tugas AJIB untuk satu izin.',
    access: AJIB_ROLES,
    mutation: true,
    input: z.strictObject({
      permitId: id('Izin'),
      kind: label(z.enum(['pickup', 'delivery']), 'Jenis tugas'),
      officerName: text('Petugas AJIB', 120),
      address: text('Alamat', 300),
      plannedDate: isoDate('Tanggal rencana'),
    }),
    handler: async (ctx, input) => {
      const permit = await loadPermit(ctx.db, input.permitId);
      if (input.kind === 'delivery' && !['disetujui', 'terbit'].includes(permit.status)) {
        throw badInput('kind', 'Jenis tugas: izin hanya dapat diantar setelah disetujui atau terbit');
      }
      if (input.kind === 'pickup' && !['diajukan', 'perlu_perbaikan', 'diverifikasi'].includes(permit.status)) {
        throw badInput('kind', 'Jenis tugas: berkas hanya dijemput selama permohonan belum diputuskan');
      }
      const now = ctx.app.clock.nowIso();
      const taskId = ctx.app.newId();
      const row = {
        id: taskId,
        permit_id: input.permitId,
        kind: input.kind,
        officer_name: input.officerName,
        address: input.address,
        planned_date: input.plannedDate,
        status: 'rencana' as const,
        receiver_name: null,
        proof_note: null,
        done_at: null,
        created_by: ctx.user?.id ?? null,
        created_at: now,
        updated_at: now,
      };
      await ctx.db.insertInto('ajib_tasks').values(row).execute();
      await ctx.audit({ entity: 'ajib_task', entityId: taskId, after: row });
      return { id: taskId };
    },
  }),

  'ajib.update': defineMethod({
    summary: 'Mengubah petugas, alamat atau tanggal tugas AJIB yang belum selesai.',
    access: AJIB_ROLES,
    mutation: true,
    input: z.strictObject({ id: id('Tugas'), officerName: text('Petugas AJIB', 120), address: text('Alamat', 300), plannedDate: isoDate('Tanggal rencana') }),
    handler: async (ctx, input) => {
      const before = await loadTask(ctx.db, input.id);
      if (before.status !== 'rencana') throw conflict(`Tugas AJIB sudah ${before.status === 'selesai' ? 'selesai' : 'dibatalkan'} dan tidak dapat diubah.`);
      await ctx.db
        .updateTable('ajib_tasks')
        .set({ officer_name: input.officerName, address: input.address, planned_date: input.plannedDate, updated_at: ctx.app.clock.nowIso() })
        .where('id', '=', input.id)
        .execute();
      await ctx.audit({ entity: 'ajib_task', entityId: input.id, before, after: await loadTask(ctx.db, input.id) });
      return { id: input.id };
    },
  }),

  'ajib.complete': defineMethod({
    summary: 'Menyelesaikan tugas AJIB dengan bukti serah terima; pengantaran menyerahkan izin yang terbit.',
    access: AJIB_ROLES,
    mutation: true,
    input: z.strictObject({ id: id('Tugas'), receiverName: text('Nama penerima', 120), note: optionalText('Catatan', 500) }),
    handler: async (ctx, input) => {
      const before = await loadTask(ctx.db, input.id);
      if (before.status !== 'rencana') throw conflict('Tugas AJIB ini sudah ditutup.');
      const now = ctx.app.clock.nowIso();
      await ctx.db
        .updateTable('ajib_tasks')
        .set({ status: 'selesai', receiver_name: input.receiverName, proof_note: input.note ?? null, done_at: now, updated_at: now })
        .where('id', '=', input.id)
        .execute();
      let handedOver = false;
      if (before.kind === 'delivery') {
        const permit = await loadPermit(ctx.db, before.permit_id);
        const move = { receiverName: input.receiverName, deliveryChannel: 'ajib' as const, reason: input.note ?? null };
        // A delivery of an issued permit is its hand-over, when the user may record it.
        if (permit.status === 'terbit' && checkTransition('terbit', 'diserahkan', roleOf(ctx), move).ok) {
          await applyTransition(ctx, permit.id, { to: 'diserahkan', ...move });
          handedOver = true;
        }
      }
      await ctx.audit({ entity: 'ajib_task', entityId: input.id, before, after: await loadTask(ctx.db, input.id) });
      return { id: input.id, handedOver };
    },
  }),

  'ajib.cancel': defineMethod({
    summary: 'Membatalkan tugas AJIB yang belum selesai.',
    access: AJIB_ROLES,
    mutation: true,
    input: z.strictObject({ id: id('Tugas'), reason: text('Alasan', 300) }),
    handler: async (ctx, input) => {
      const before = await loadTask(ctx.db, input.id);
      if (before.status !== 'rencana') throw conflict('Tugas AJIB ini sudah ditutup.');
      await ctx.db
        .updateTable('ajib_tasks')
        .set({ status: 'batal', proof_note: input.reason, updated_at: ctx.app.clock.nowIso() })
        .where('id', '=', input.id)
        .execute();
      await ctx.audit({ entity: 'ajib_task', entityId: input.id, before, after: await loadTask(ctx.db, input.id) });
      return { id: input.id };
    },
  }),

  'ajib.dayPdf': defineMethod({
    summary: 'Daftar tugas AJIB satu hari per petugas, siap cetak (PDF) dengan kolom tanda tangan penerima.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({ date: isoDate('Tanggal'), officer: optionalText('Petugas AJIB', 120) }),
    handler: async (ctx, input): Promise<AjibDayList> => {
      const rows = await dayQuery(ctx.db, input.date, input.officer).execute();
      const office = await loadOffice(ctx);
      return { date: input.date, officer: input.officer ?? null, rows, office: { letterheadLines: office.letterheadLines, address: office.address } };
    },
    // Drawn after the read transaction, in the worker pool.
    render: async (ctx, list) => {
      const base64 = await ctx.work(renderAjibDayTask, list);
      return { fileName: `AJIB-${list.date}.pdf`, mimeType: 'application/pdf' as const, base64 };
    },
  }),
};
