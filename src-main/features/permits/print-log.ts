import type { CallContext, Database } from '../../core/api/registry';
import { printState, type PrintState } from './rules/printing';
import type { PermitPrintEvent, PermitPrintKind, PermitsTable } from './tables';

/** The print state of permits from their logs, one query for all. */
export async function printStates(db: Database, permits: Pick<PermitsTable, 'id' | 'original_confirmed_at'>[]): Promise<Map<string, PrintState>> {
  const out = new Map<string, PrintState>();
  const logs = new Map<string, { kind: PermitPrintKind; event: PermitPrintEvent }[]>();
  const ids = permits.map((p) => p.id);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('permit_prints')
      .select(['permit_id', 'kind', 'event'])
      .where('permit_id', 'in', ids.slice(i, i + 500))
      .orderBy('permit_id')
      .orderBy('at')
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const list = logs.get(r.permit_id) ?? [];
      list.push({ kind: r.kind, event: r.event });
      logs.set(r.permit_id, list);
    }
  }
  for (const p of permits) out.set(p.id, printState(logs.get(p.id) ?? [], p.original_confirmed_at));
  return out;
}

/** One permit's state from `printStates`, which answers every permit it is given. */
export function stateIn(states: Map<string, PrintState>, permitId: string): PrintState {
  const state = states.get(permitId);
  if (!state) throw new Error(`No print state for permit ${permitId}`);
  return state;
}

export async function printStateOf(db: Database, permit: Pick<PermitsTable, 'id' | 'original_confirmed_at'>): Promise<PrintState> {
  const state = (await printStates(db, [permit])).get(permit.id);
  // printStates answers every permit it is given.
  if (!state) throw new Error(`No print state for permit ${permit.id}`);
  return state;
}

/** Appends one line to a permit's print log (in the call's transaction). */
export async function appendPrint(
  ctx: CallContext,
  permitId: string,
  kind: PermitPrintKind,
  event: PermitPrintEvent,
  note: string | null = null,
): Promise<void> {
  await ctx.db
    .insertInto('permit_prints')
    .values({
      id: ctx.app.newId(),
      permit_id: permitId,
      kind,
      event,
      note,
      by_user_id: ctx.user?.id ?? null,
      by_name: ctx.user?.fullName ?? null,
      at: ctx.app.clock.nowIso(),
    })
    .execute();
}
