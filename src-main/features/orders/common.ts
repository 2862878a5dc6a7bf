// What the e-order methods share: their field schemas, the checks of a kelurahan and a KBLI,
// loading an order or an assignment, and recording an assignment's move.
import { z } from 'zod';
import { type AppError, badInput, conflict, forbidden, notFound } from '../../core/api/errors';
import { type CallContext, type Role } from '../../core/api/registry';
import { fieldMessage, label } from '../../core/api/validation';
import { jakartaDate } from '../../core/clock';
import type { Phrase } from '../../../src-shared/i18n';
import { normaliseKind } from './rules/matching';
import { orderTotals } from './rules/money';
import { type OrderStatus } from './rules/transitions';

export const STAFF: readonly Role[] = ['admin', 'supervisor', 'petugas'];

export const today = (ctx: CallContext) => jakartaDate(ctx.app.clock.nowIso());

export const userId = (ctx: CallContext) => ctx.user?.id ?? null;

// ---------------------------------------------------------------------------------------------
// Field schemas

export const kelurahanKode = label(
  z.string().regex(/^31\.\d{2}\.\d{2}\.\d{4}$/, fieldMessage({ id: 'pilih kelurahan dari daftar', en: 'choose the kelurahan from the list' })),
  { id: 'Kelurahan', en: 'Kelurahan' },
);

export const kbliKode = label(z.string().regex(/^\d{5}$/, fieldMessage({ id: 'KBLI harus 5 angka', en: 'KBLI must be 5 digits' })), { id: 'KBLI', en: 'KBLI' });

export const kindField = label(z.string().trim().min(2).max(60).transform(normaliseKind), { id: 'Jenis produk', en: 'Product type' });

export const quantityField = (name: Phrase) =>
  label(
    z
      .number()
      .int(fieldMessage({ id: 'harus bilangan bulat', en: 'must be a whole number' }))
      .min(1, fieldMessage({ id: 'harus lebih dari 0', en: 'must be more than 0' }))
      .max(10_000_000),
    name,
  );

export const priceField = (name: Phrase) =>
  label(
    z
      .number()
      .int(fieldMessage({ id: 'harus bilangan bulat rupiah', en: 'must be whole rupiah' }))
      .min(0, fieldMessage({ id: 'tidak boleh kurang dari 0', en: 'may not be less than 0' }))
      .max(1_000_000_000_000),
    name,
  );

export async function checkKbli(ctx: CallContext, kode: string, field: string) {
  const row = await ctx.db.selectFrom('kbli').select('kode').where('kode', '=', kode).where('level', '=', 'kelompok').executeTakeFirst();
  if (!row)
    throw badInput(field, {
      id: `${field.endsWith('kbliKode') ? 'KBLI' : field}: kode ${kode} tidak ada di KBLI 2020`,
      en: `${field.endsWith('kbliKode') ? 'KBLI' : field}: code ${kode} is not in KBLI 2020`,
    });
}

export async function checkKelurahan(ctx: CallContext, kode: string | null | undefined, field: string, name: Phrase) {
  if (!kode) return;
  const row = await ctx.db.selectFrom('regions').select('kode').where('kode', '=', kode).where('level', '=', 'kelurahan').executeTakeFirst();
  if (!row) throw badInput(field, { id: `${name.id}: kelurahan ${kode} tidak dikenal`, en: `${name.en}: unknown kelurahan ${kode}` });
}

export async function loadOrder(ctx: CallContext, orderId: string) {
  const order = await ctx.db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
  if (!order) throw notFound({ id: 'Pesanan', en: 'Order' });
  return order;
}

export function transitionError(check: { code: 'forbidden' | 'conflict' | 'bad_input'; message: Phrase }, field: string): AppError {
  if (check.code === 'forbidden') return forbidden(check.message);
  if (check.code === 'conflict') return conflict(check.message);
  return badInput(field, check.message);
}

export async function recordMove(
  ctx: CallContext,
  a: { id: string; status: OrderStatus },
  to: OrderStatus,
  reason: string | null,
  extra: Record<string, unknown> = {},
) {
  const nowIso = ctx.app.clock.nowIso();
  const updated = await ctx.db
    .updateTable('order_assignments')
    .set({ status: to, updated_at: nowIso, ...extra })
    .where('id', '=', a.id)
    .where('status', '=', a.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw conflict({ id: 'Penugasan baru saja diubah orang lain. Muat ulang halaman.', en: 'Someone else just changed the assignment. Reload the page.' });
  await ctx.db
    .insertInto('order_events')
    .values({ id: ctx.app.newId(), assignment_id: a.id, from_status: a.status, to_status: to, at: nowIso, user_id: userId(ctx), reason })
    .execute();
  await ctx.audit({ entity: 'order_assignment', entityId: a.id, before: { status: a.status }, after: { status: to, reason, ...extra } });
}

export const assignmentColumns = [
  'a.id',
  'a.assignment_no as assignmentNo',
  'a.order_id as orderId',
  'a.item_id as itemId',
  'a.business_id as businessId',
  'a.member_id as memberId',
  'a.product_id as productId',
  'a.quantity',
  'a.unit_price as unitPrice',
  'a.amount',
  'a.ppn_rate_bp as ppnRateBp',
  'a.status',
  'a.delivery_date as deliveryDate',
  'a.assigned_on as assignedOn',
  'a.override_reason as overrideReason',
  'a.delivered_on as deliveredOn',
  'a.paid_amount as paidAmount',
  'a.paid_on as paidOn',
  'a.payment_note as paymentNote',
] as const;

export function invoiceTotal(amount: number, ppnRateBp: number) {
  return orderTotals([{ qty: 1, unitPrice: amount }], ppnRateBp).total;
}

// ---------------------------------------------------------------------------------------------
// Methods
