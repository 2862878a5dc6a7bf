// Taking back the last e-order move (rules/undo.ts says which and for how long). The status log
// is append-only: the undo is recorded as a move of its own, back to the former status.
import { z } from 'zod';
import { conflict, notFound, signedInUser } from '../../core/api/errors';
import { defineMethod, type CallContext } from '../../core/api/registry';
import { id } from '../../core/api/validation';
import { checkUndo, type LastMove } from './rules/undo';
import { orderStatusLabels } from './rules/transitions';
import { refreshOrderStage } from './service';

export async function lastMoveOf(ctx: Pick<CallContext, 'db'>, assignmentId: string): Promise<LastMove | undefined> {
  return ctx.db
    .selectFrom('order_events')
    .select(['from_status as fromStatus', 'to_status as toStatus', 'at', 'user_id as userId'])
    .where('assignment_id', '=', assignmentId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export const undoMethods = {
  'orders.undoMove': defineMethod({
    summary: 'Mengurungkan perpindahan status terakhir sebuah penugasan (oleh yang mencatatnya, dalam 15 menit, bila belum ada akibatnya).',
    access: 'authenticated',
    mutation: true,
    input: z.strictObject({ assignmentId: id({ id: 'Penugasan', en: 'Assignment' }) }),
    handler: async (ctx, input) => {
      const a = await ctx.db.selectFrom('order_assignments').selectAll().where('id', '=', input.assignmentId).executeTakeFirst();
      if (!a) throw notFound({ id: 'Penugasan', en: 'Assignment' });
      const check = checkUndo(await lastMoveOf(ctx, a.id), a.status, signedInUser(ctx).id, ctx.app.clock.nowIso(), orderStatusLabels);
      if (!check.ok) throw conflict(check.message);
      const nowIso = ctx.app.clock.nowIso();
      const updated = await ctx.db
        .updateTable('order_assignments')
        .set({ status: check.back, updated_at: nowIso })
        .where('id', '=', a.id)
        .where('status', '=', a.status)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1)
        throw conflict({ id: 'Penugasan baru saja diubah orang lain. Muat ulang halaman.', en: 'Someone else just changed the assignment. Reload the page.' });
      await ctx.db
        .insertInto('order_events')
        .values({
          id: ctx.app.newId(),
          assignment_id: a.id,
          from_status: a.status,
          to_status: check.back,
          at: nowIso,
          user_id: signedInUser(ctx).id,
          reason: `Diurungkan: ${orderStatusLabels[a.status].id}`,
        })
        .execute();
      await ctx.audit({ entity: 'order_assignment', entityId: a.id, before: { status: a.status }, after: { status: check.back, undone: true } });
      const stage = await refreshOrderStage(ctx.db, a.order_id, nowIso);
      return { id: a.id, status: check.back, statusLabel: orderStatusLabels[check.back][ctx.locale], stage };
    },
  }),
};
