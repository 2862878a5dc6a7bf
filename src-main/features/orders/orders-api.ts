// Orders themselves: settings, the list, one order, and creating, changing, confirming and
// cancelling it.
import { z } from 'zod';
import { AppError, badInput, conflict, type FieldPhrases, signedInUser } from '../../core/api/errors';
import { fetchPage, pageInput } from '../../core/api/paging';
import { defineMethod, type CallContext } from '../../core/api/registry';
import { fieldMessage, id, isoDate, label, optionalText, summarise, text } from '../../core/api/validation';
import { nextSequence } from '../../core/sequences';
import { setSetting } from '../../core/settings';
import { orderTotals } from './rules/money';
import { allowedOrderTransitions, checkOrderTransition, orderStatuses, orderStatusLabels } from './rules/transitions';
import { checkUndo } from './rules/undo';
import { daysBetween, INACTIVE_STATUSES, loadOrderSettings, ORDER_SETTINGS_KEY, orderSettingsSchema, UNDELIVERED_STATUSES } from './service';
import {
  STAFF,
  assignmentColumns,
  checkKbli,
  checkKelurahan,
  invoiceTotal,
  kbliKode,
  kelurahanKode,
  kindField,
  loadOrder,
  priceField,
  quantityField,
  recordMove,
  today,
  transitionError,
  userId,
} from './common';
import { orderListQuery } from './list';

const timeField = label(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, fieldMessage({ id: 'jam harus berformat JJ:MM', en: 'the time must be HH:MM' })), {
  id: 'Jam kirim',
  en: 'Delivery time',
});

const itemSchema = z.strictObject({
  description: text({ id: 'Uraian barang', en: 'Item description' }, 200),
  kbliKode: kbliKode.nullish(),
  kind: kindField.nullish(),
  quantity: quantityField({ id: 'Jumlah', en: 'Quantity' }),
  unit: text({ id: 'Satuan', en: 'Unit' }, 30),
  unitPrice: priceField({ id: 'Harga satuan', en: 'Unit price' }),
});

const orderFields = {
  buyerId: id({ id: 'Pembeli', en: 'Buyer' }),
  buyerUnit: optionalText({ id: 'Unit kerja pembeli', en: 'Buyer work unit' }, 120),
  buyerOrderNo: optionalText({ id: 'Nomor pesanan pembeli', en: 'Buyer order number' }, 60),
  budgetRef: optionalText({ id: 'Paket anggaran', en: 'Budget package' }, 120),
  orderDate: isoDate({ id: 'Tanggal pesanan', en: 'Order date' }),
  deliveryDate: isoDate({ id: 'Tanggal kirim', en: 'Delivery date' }),
  deliveryTime: timeField.nullish().or(z.literal('').transform(() => null)),
  deliveryAddress: text({ id: 'Alamat kirim', en: 'Delivery address' }, 300),
  deliveryKelurahanKode: kelurahanKode.nullish().or(z.literal('').transform(() => null)),
  notes: optionalText({ id: 'Catatan', en: 'Note' }, 1000),
  items: label(
    z
      .array(itemSchema)
      .min(1, fieldMessage({ id: 'isi minimal 1 barang', en: 'enter at least 1 item' }))
      .max(50),
    { id: 'Barang', en: 'Items' },
  ),
};

// ---------------------------------------------------------------------------------------------
// Helpers

const orderSchema = z.strictObject(orderFields);

type OrderInput = z.output<typeof orderSchema>;

async function validateOrder(ctx: CallContext, input: OrderInput) {
  const now = today(ctx);
  const fields: FieldPhrases = {};
  if (input.orderDate > now) fields.orderDate = { id: 'Tanggal pesanan: tidak boleh setelah hari ini', en: 'Order date: may not be after today' };
  if (input.deliveryDate < now) fields.deliveryDate = { id: 'Tanggal kirim: tidak boleh sebelum hari ini', en: 'Delivery date: may not be before today' };
  else if (input.deliveryDate < input.orderDate)
    fields.deliveryDate = { id: 'Tanggal kirim: tidak boleh sebelum tanggal pesanan', en: 'Delivery date: may not be before the order date' };
  input.items.forEach((item, i) => {
    if (!item.kbliKode && !item.kind) {
      fields[`items.${i}.kind`] = {
        id: `Barang › baris ${i + 1} › Jenis produk: isi jenis produk atau KBLI agar dapat dicocokkan dengan usaha`,
        en: `Items › row ${i + 1} › Product type: enter the product type or KBLI so that it can be matched with a business`,
      };
    }
  });
  if (Object.keys(fields).length) throw new AppError('bad_input', summarise(fields), fields);
  const buyer = await ctx.db.selectFrom('order_buyers').select(['id', 'active']).where('id', '=', input.buyerId).executeTakeFirst();
  if (!buyer) throw badInput('buyerId', { id: 'Pembeli: tidak ditemukan', en: 'Buyer: not found' });
  if (!buyer.active) throw badInput('buyerId', { id: 'Pembeli: sudah tidak aktif', en: 'Buyer: no longer active' });
  await checkKelurahan(ctx, input.deliveryKelurahanKode, 'deliveryKelurahanKode', { id: 'Kelurahan alamat kirim', en: 'Delivery address kelurahan' });
  for (const [i, item] of input.items.entries()) if (item.kbliKode) await checkKbli(ctx, item.kbliKode, `items.${i}.kbliKode`);
}

function orderRow(input: OrderInput, nowIso: string) {
  const totals = orderTotals(
    input.items.map((i) => ({ qty: i.quantity, unitPrice: i.unitPrice })),
    0,
  );
  return {
    values: {
      buyer_id: input.buyerId,
      buyer_unit: input.buyerUnit ?? null,
      buyer_order_no: input.buyerOrderNo ?? null,
      budget_ref: input.budgetRef ?? null,
      order_date: input.orderDate,
      delivery_date: input.deliveryDate,
      delivery_time: input.deliveryTime ?? null,
      delivery_address: input.deliveryAddress,
      delivery_kelurahan_kode: input.deliveryKelurahanKode ?? null,
      notes: input.notes ?? null,
      item_count: input.items.length,
      total_amount: totals.subtotal,
      updated_at: nowIso,
    },
    items: input.items.map((item, i) => ({
      line_no: i + 1,
      description: item.description,
      kbli_kode: item.kbliKode ?? null,
      kind: item.kind ?? null,
      quantity: item.quantity,
      unit: item.unit,
      unit_price: item.unitPrice,
      amount: totals.lines[i].total,
    })),
  };
}

export const orderRecordMethods = {
  'orders.settings': defineMethod({
    summary: 'Pengaturan e-order: tarif PPN, batas hari tagihan belum dibayar, jendela rotasi',
    access: STAFF,
    mutation: false,
    input: z.strictObject({}),
    handler: (ctx) => loadOrderSettings(ctx.db),
  }),

  'orders.saveSettings': defineMethod({
    summary: 'Mengubah pengaturan e-order (admin)',
    access: ['admin'],
    mutation: true,
    input: z.strictObject({
      ppnRateBp: label(z.number().int().min(0).max(10_000), { id: 'Tarif PPN (basis poin)', en: 'VAT rate (basis points)' }),
      unpaidAlertDays: label(z.number().int().min(1).max(365), { id: 'Batas hari belum dibayar', en: 'Days unpaid before overdue' }),
      rotationDays: label(z.number().int().min(1).max(365), { id: 'Jendela rotasi (hari)', en: 'Rotation window (days)' }),
    }),
    handler: async (ctx, input) => {
      const before = await loadOrderSettings(ctx.db);
      const value = orderSettingsSchema.parse(input);
      await setSetting(ctx.db, ORDER_SETTINGS_KEY, value, ctx.app.clock.nowIso());
      await ctx.audit({ entity: 'settings', entityId: ORDER_SETTINGS_KEY, before, after: value });
      return value;
    },
  }),

  'orders.list': defineMethod({
    summary: 'Daftar pesanan e-order (tabel server: saring status, pembeli, jatuh tempo; urutkan)',
    access: STAFF,
    mutation: false,
    input: z.strictObject({
      search: label(z.string().trim().max(60), { id: 'Cari nomor pesanan', en: 'Search order number' }).optional(),
      stage: label(z.enum(['baru', ...orderStatuses]), { id: 'Status', en: 'Status' }).optional(),
      buyerId: id({ id: 'Pembeli', en: 'Buyer' }).optional(),
      due: label(z.enum(['late', 'today', 'next7']), { id: 'Jatuh tempo', en: 'Overdue' }).optional(),
      ...pageInput(['orderDate', 'deliveryDate', 'orderNo', 'total'], 'orderDate', 'desc'),
    }),
    handler: (ctx, input) => {
      const { rows, count } = orderListQuery(ctx.db, input, today(ctx));
      return fetchPage(rows, count, input);
    },
  }),

  'orders.get': defineMethod({
    summary: 'Satu pesanan dengan barang, penugasan, riwayat status dan tindakan yang boleh',
    access: STAFF,
    mutation: false,
    input: z.strictObject({ id: id({ id: 'Pesanan', en: 'Order' }) }),
    handler: async (ctx, input) => {
      const order = await loadOrder(ctx, input.id);
      const settings = await loadOrderSettings(ctx.db);
      const now = today(ctx);
      const buyer = await ctx.db.selectFrom('order_buyers').selectAll().where('id', '=', order.buyer_id).executeTakeFirstOrThrow();
      const items = await ctx.db.selectFrom('order_items').selectAll().where('order_id', '=', order.id).orderBy('line_no').execute();
      const assignments = await ctx.db
        .selectFrom('order_assignments as a')
        .innerJoin('businesses as b', 'b.id', 'a.business_id')
        .innerJoin('members as m', 'm.id', 'a.member_id')
        .innerJoin('order_products as p', 'p.id', 'a.product_id')
        .select([...assignmentColumns, 'b.name as businessName', 'm.full_name as ownerName', 'p.name as productName'])
        .where('a.order_id', '=', order.id)
        .orderBy('a.assignment_no')
        .execute();
      const events = assignments.length
        ? await ctx.db
            .selectFrom('order_events as e')
            .leftJoin('users as u', 'u.id', 'e.user_id')
            .select([
              'e.id',
              'e.assignment_id as assignmentId',
              'e.from_status as fromStatus',
              'e.to_status as toStatus',
              'e.at',
              'e.reason',
              'e.user_id as userId',
              'u.full_name as userName',
            ])
            .where(
              'e.assignment_id',
              'in',
              assignments.map((a) => a.id),
            )
            .orderBy('e.at')
            .orderBy('e.id')
            .execute()
        : [];
      const role = signedInUser(ctx).role;
      return {
        order: {
          id: order.id,
          orderNo: order.order_no,
          buyerId: order.buyer_id,
          buyerUnit: order.buyer_unit,
          buyerOrderNo: order.buyer_order_no,
          budgetRef: order.budget_ref,
          orderDate: order.order_date,
          deliveryDate: order.delivery_date,
          deliveryTime: order.delivery_time,
          deliveryAddress: order.delivery_address,
          deliveryKelurahanKode: order.delivery_kelurahan_kode,
          notes: order.notes,
          status: order.status,
          stage: order.stage,
          cancelReason: order.cancel_reason,
          total: order.total_amount,
          amendable: order.status === 'baru' && assignments.length === 0,
          late: order.delivery_date < now && ['baru', 'dipesan', 'dikonfirmasi', 'diproduksi'].includes(order.stage),
        },
        buyer: {
          id: buyer.id,
          name: buyer.name,
          kind: buyer.kind,
          ppkName: buyer.ppk_name,
          treasurerName: buyer.treasurer_name,
          units: JSON.parse(buyer.units) as string[],
        },
        items: items.map((i) => {
          const active = assignments.filter((a) => a.itemId === i.id && !INACTIVE_STATUSES.includes(a.status));
          const assigned = active.reduce((s, a) => s + a.quantity, 0);
          return {
            id: i.id,
            lineNo: i.line_no,
            description: i.description,
            kbliKode: i.kbli_kode,
            kind: i.kind,
            quantity: i.quantity,
            unit: i.unit,
            unitPrice: i.unit_price,
            amount: i.amount,
            assigned,
            remaining: i.quantity - assigned,
          };
        }),
        assignments: assignments.map((a) => ({
          ...a,
          statusLabel: orderStatusLabels[a.status][ctx.locale],
          invoiceTotal: invoiceTotal(a.amount, a.ppnRateBp),
          late: UNDELIVERED_STATUSES.includes(a.status) && a.deliveryDate < now,
          unpaidOverdue: a.status === 'diterima' && !!a.deliveredOn && daysBetween(a.deliveredOn, now) > settings.unpaidAlertDays,
          daysToPayment: a.paidOn && a.deliveredOn ? daysBetween(a.deliveredOn, a.paidOn) : null,
          moves:
            order.status === 'dibatalkan'
              ? []
              : allowedOrderTransitions(a.status, role as 'petugas').map((t) => ({
                  to: t.to,
                  label: orderStatusLabels[t.to][ctx.locale],
                  requires: t.requires,
                })),
          events: events.filter((e) => e.assignmentId === a.id),
          // Whether this user may still take back the last move (rules/undo.ts).
          undoable: (() => {
            const own = events.filter((e) => e.assignmentId === a.id);
            const last = own.at(-1);
            return (
              !!last &&
              order.status !== 'dibatalkan' &&
              checkUndo(
                { fromStatus: last.fromStatus, toStatus: last.toStatus, at: last.at, userId: last.userId },
                a.status,
                signedInUser(ctx).id,
                ctx.app.clock.nowIso(),
                orderStatusLabels,
              ).ok
            );
          })(),
        })),
      };
    },
  }),

  'orders.create': defineMethod({
    summary: 'Mencatat pesanan baru dari pembeli',
    access: STAFF,
    mutation: true,
    input: orderSchema,
    handler: async (ctx, input) => {
      await validateOrder(ctx, input);
      const nowIso = ctx.app.clock.nowIso();
      const year = input.orderDate.slice(0, 4);
      const seq = await nextSequence(ctx.db, 'order', year);
      const orderNo = `EO-${year}-${String(seq).padStart(5, '0')}`;
      const orderId = ctx.app.newId();
      const { values, items } = orderRow(input, nowIso);
      await ctx.db
        .insertInto('orders')
        .values({ id: orderId, order_no: orderNo, ...values, status: 'baru', stage: 'baru', created_by: userId(ctx), created_at: nowIso })
        .execute();
      await ctx.db
        .insertInto('order_items')
        .values(items.map((i) => ({ id: ctx.app.newId(), order_id: orderId, ...i })))
        .execute();
      await ctx.audit({ entity: 'order', entityId: orderId, after: { orderNo, ...values, items } });
      return { id: orderId, orderNo };
    },
  }),

  'orders.update': defineMethod({
    summary: 'Mengubah pesanan yang belum dikonfirmasi',
    access: STAFF,
    mutation: true,
    input: z.strictObject({ id: id({ id: 'Pesanan', en: 'Order' }), ...orderFields }),
    handler: async (ctx, input) => {
      const before = await loadOrder(ctx, input.id);
      const count = await ctx.db
        .selectFrom('order_assignments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('order_id', '=', input.id)
        .executeTakeFirstOrThrow();
      if (before.status !== 'baru' || count.n > 0)
        throw conflict({
          id: `Pesanan ${before.order_no} sudah dikonfirmasi atau ditugaskan dan tidak dapat diubah lagi.`,
          en: `Order ${before.order_no} is already confirmed or assigned and can no longer be changed.`,
        });
      await validateOrder(ctx, input);
      const nowIso = ctx.app.clock.nowIso();
      const { values, items } = orderRow(input, nowIso);
      const beforeItems = await ctx.db.selectFrom('order_items').selectAll().where('order_id', '=', input.id).execute();
      await ctx.db.deleteFrom('order_items').where('order_id', '=', input.id).execute();
      await ctx.db.updateTable('orders').set(values).where('id', '=', input.id).execute();
      await ctx.db
        .insertInto('order_items')
        .values(items.map((i) => ({ id: ctx.app.newId(), order_id: input.id, ...i })))
        .execute();
      await ctx.audit({ entity: 'order', entityId: input.id, before: { ...before, items: beforeItems }, after: { ...values, items } });
      return { id: input.id, orderNo: before.order_no };
    },
  }),

  'orders.confirm': defineMethod({
    summary: 'Mengunci pesanan (tidak dapat diubah lagi) sebelum ditugaskan',
    access: STAFF,
    mutation: true,
    input: z.strictObject({ id: id({ id: 'Pesanan', en: 'Order' }) }),
    handler: async (ctx, input) => {
      const order = await loadOrder(ctx, input.id);
      if (order.status !== 'baru')
        throw conflict({
          id: `Pesanan ${order.order_no} sudah berstatus ${orderStatusLabels[order.status].id}.`,
          en: `Order ${order.order_no} is already ${orderStatusLabels[order.status].en}.`,
        });
      await ctx.db.updateTable('orders').set({ status: 'dikonfirmasi', updated_at: ctx.app.clock.nowIso() }).where('id', '=', input.id).execute();
      await ctx.audit({ entity: 'order', entityId: input.id, before: { status: order.status }, after: { status: 'dikonfirmasi' } });
      return { id: input.id, status: 'dikonfirmasi' as const };
    },
  }),

  'orders.cancel': defineMethod({
    summary: 'Membatalkan pesanan dengan alasan (sebelum barang dikirim)',
    access: STAFF,
    mutation: true,
    input: z.strictObject({ id: id({ id: 'Pesanan', en: 'Order' }), reason: text({ id: 'Alasan pembatalan', en: 'Reason for cancelling' }, 500) }),
    handler: async (ctx, input) => {
      const order = await loadOrder(ctx, input.id);
      if (order.status === 'dibatalkan')
        throw conflict({ id: `Pesanan ${order.order_no} sudah dibatalkan.`, en: `Order ${order.order_no} is already cancelled.` });
      const assignments = await ctx.db.selectFrom('order_assignments').select(['id', 'status', 'assignment_no']).where('order_id', '=', input.id).execute();
      const sent = assignments.filter((a) => !INACTIVE_STATUSES.includes(a.status) && !['dipesan', 'dikonfirmasi', 'diproduksi'].includes(a.status));
      if (sent.length)
        throw conflict({
          id: `Pesanan tidak dapat dibatalkan: barang penugasan ${sent.map((a) => a.assignment_no).join(', ')} sudah dikirim.`,
          en: `The order cannot be cancelled: the goods of assignment ${sent.map((a) => a.assignment_no).join(', ')} have been sent.`,
        });
      for (const a of assignments) {
        if (INACTIVE_STATUSES.includes(a.status)) continue;
        const check = checkOrderTransition(a.status, 'dibatalkan', signedInUser(ctx).role, { reason: input.reason });
        if (!check.ok) throw transitionError(check, 'reason');
        await recordMove(ctx, a, 'dibatalkan', input.reason);
      }
      const nowIso = ctx.app.clock.nowIso();
      await ctx.db
        .updateTable('orders')
        .set({ status: 'dibatalkan', stage: 'dibatalkan', cancel_reason: input.reason, updated_at: nowIso })
        .where('id', '=', input.id)
        .execute();
      await ctx.audit({ entity: 'order', entityId: input.id, before: { status: order.status }, after: { status: 'dibatalkan', reason: input.reason } });
      return { id: input.id, status: 'dibatalkan' as const };
    },
  }),
};
