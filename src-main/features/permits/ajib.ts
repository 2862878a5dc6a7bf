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
  if (!task) throw notFound({ id: 'Tugas AJIB', en: 'AJIB task' });
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
    input: z.strictObject({ date: isoDate({ id: 'Tanggal', en: 'Date' }), officer: optionalText({ id: 'Petugas AJIB', en: 'AJIB officer' }, 120) }),
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
      permitId: id({ id: 'Izin', en: 'Permit' }),
      kind: label(z.enum(['pickup', 'delivery']), { id: 'Jenis tugas', en: 'Task type' }),
      officerName: text({ id: 'Petugas AJIB', en: 'AJIB officer' }, 120),
      address: text({ id: 'Alamat', en: 'Address' }, 300),
      plannedDate: isoDate({ id: 'Tanggal rencana', en: 'Planned date' }),
    }),
    handler: async (ctx, input) => {
      const permit = await loadPermit(ctx.db, input.permitId);
      if (input.kind === 'delivery' && !['disetujui', 'terbit'].includes(permit.status)) {
        throw badInput('kind', {
          id: 'Jenis tugas: izin hanya dapat diantar setelah disetujui atau terbit',
          en: 'Task type: a permit can be delivered only once it is approved or issued',
        });
      }
      if (input.kind === 'pickup' && !['diajukan', 'perlu_perbaikan', 'diverifikasi'].includes(permit.status)) {
        throw badInput('kind', {
          id: 'Jenis tugas: berkas hanya dijemput selama permohonan belum diputuskan',
          en: 'Task type: documents are collected only while the application is undecided',
        });
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
    input: z.strictObject({
      id: id({ id: 'Tugas', en: 'Task' }),
      officerName: text({ id: 'Petugas AJIB', en: 'AJIB officer' }, 120),
      address: text({ id: 'Alamat', en: 'Address' }, 300),
      plannedDate: isoDate({ id: 'Tanggal rencana', en: 'Planned date' }),
    }),
    handler: async (ctx, input) => {
      const before = await loadTask(ctx.db, input.id);
      if (before.status !== 'rencana')
        throw conflict({
          id: `Tugas AJIB sudah ${before.status === 'selesai' ? 'selesai' : 'dibatalkan'} dan tidak dapat diubah.`,
          en: `The AJIB task is already ${before.status === 'selesai' ? 'done' : 'cancelled'} and cannot be changed.`,
        });
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
    input: z.strictObject({
      id: id({ id: 'Tugas', en: 'Task' }),
      receiverName: text({ id: 'Nama penerima', en: 'Recipient name' }, 120),
      note: optionalText({ id: 'Catatan', en: 'Note' }, 500),
    }),
    handler: async (ctx, input) => {
      const before = await loadTask(ctx.db, input.id);
      if (before.status !== 'rencana') throw conflict({ id: 'Tugas AJIB ini sudah ditutup.', en: 'This AJIB task is already closed.' });
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
    input: z.strictObject({ id: id({ id: 'Tugas', en: 'Task' }), reason: text({ id: 'Alasan', en: 'Reason' }, 300) }),
    handler: async (ctx, input) => {
      const before = await loadTask(ctx.db, input.id);
      if (before.status !== 'rencana') throw conflict({ id: 'Tugas AJIB ini sudah ditutup.', en: 'This AJIB task is already closed.' });
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
    input: z.strictObject({ date: isoDate({ id: 'Tanggal', en: 'Date' }), officer: optionalText({ id: 'Petugas AJIB', en: 'AJIB officer' }, 120) }),
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
