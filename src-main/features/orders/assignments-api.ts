// Work given to member businesses: proposals, assignments, their moves and payments, what is
// due, and one member's orders.
import { recordText } from '../../core/record-texts';
import { z } from 'zod';
import { AppError, badInput, conflict, notFound, type FieldPhrases, signedInUser } from '../../core/api/errors';
import { defineMethod, type CallContext } from '../../core/api/registry';
import { fieldMessage, id, isoDate, label, optionalText, rupiah, summarise } from '../../core/api/validation';
import type { Phrase } from '../../../src-shared/i18n';
import { completeStage } from '../../core/stages';
import { productionDays, availableCapacity } from './rules/matching';
import { checkQuantitySplit, lineTotal } from './rules/money';
import { checkOrderTransition, orderStatuses, orderStatusLabels } from './rules/transitions';
import { loadHolidays } from '../permits';
import {
  addDays,
  assignedQuantity,
  daysBetween,
  DELIVERED_STATUSES,
  INACTIVE_STATUSES,
  loadOrderSettings,
  openQuantity,
  proposeForItem,
  refreshOrderStage,
  UNDELIVERED_STATUSES,
} from './service';
import { STAFF, assignmentColumns, invoiceTotal, loadOrder, quantityField, recordMove, today, transitionError, userId } from './common';

async function loadAssignment(ctx: CallContext, assignmentId: string) {
  const a = await ctx.db.selectFrom('order_assignments').selectAll().where('id', '=', assignmentId).executeTakeFirst();
  if (!a) throw notFound({ id: 'Penugasan', en: 'Assignment' });
  return a;
}

export const assignmentMethods = {
  'orders.propose': defineMethod({
    summary: 'Usulan usaha anggota untuk satu barang pesanan: produk lolos kurasi, kapasitas, kedekatan, rotasi adil',
    access: STAFF,
    mutation: false,
    input: z.strictObject({
      itemId: id({ id: 'Barang', en: 'Items' }),
      limit: label(z.number().int().min(1).max(100), { id: 'Jumlah usulan', en: 'Proposed quantity' }).default(20),
    }),
    handler: async (ctx, input) => {
      const settings = await loadOrderSettings(ctx.db);
      const proposal = await proposeForItem(ctx.db, { itemId: input.itemId, today: today(ctx), rotationDays: settings.rotationDays, limit: input.limit });
      if (!proposal) throw notFound({ id: 'Barang pesanan', en: 'Ordered item' });
      return proposal;
    },
  }),

  'orders.assign': defineMethod({
    summary: 'Menugaskan satu barang pesanan ke satu usaha atau membaginya ke beberapa usaha',
    access: STAFF,
    mutation: true,
    input: z.strictObject({
      itemId: id({ id: 'Barang', en: 'Items' }),
      parts: label(
        z
          .array(z.strictObject({ productId: id({ id: 'Produk', en: 'Product' }), quantity: quantityField({ id: 'Jumlah', en: 'Quantity' }) }))
          .min(1, fieldMessage({ id: 'pilih minimal 1 usaha', en: 'choose at least 1 business' }))
          .max(20),
        { id: 'Bagian', en: 'Shares' },
      ),
      overrideReason: optionalText({ id: 'Alasan melebihi kapasitas', en: 'Reason for exceeding capacity' }, 500),
    }),
    handler: async (ctx, input) => {
      const item = await ctx.db.selectFrom('order_items').selectAll().where('id', '=', input.itemId).executeTakeFirst();
      if (!item) throw notFound({ id: 'Barang pesanan', en: 'Ordered item' });
      const order = await loadOrder(ctx, item.order_id);
      if (order.status === 'dibatalkan')
        throw conflict({ id: `Pesanan ${order.order_no} sudah dibatalkan.`, en: `Order ${order.order_no} is already cancelled.` });
      const remaining = item.quantity - (await assignedQuantity(ctx.db, item.id));
      if (remaining <= 0)
        throw conflict({ id: `Barang "${item.description}" sudah ditugaskan seluruhnya.`, en: `Item "${item.description}" is already fully assigned.` });
      const split = checkQuantitySplit(
        remaining,
        input.parts.map((p) => p.quantity),
      );
      if (!split.ok) throw badInput('parts', { id: `Bagian: ${split.message.id}`, en: `Shares: ${split.message.en}` });
      const seen = new Set<string>();
      const now = today(ctx);
      const days = productionDays(now, order.delivery_date, await loadHolidays(ctx.db));
      const settings = await loadOrderSettings(ctx.db);
      const nowIso = ctx.app.clock.nowIso();
      const existing = await ctx.db
        .selectFrom('order_assignments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('order_id', '=', order.id)
        .executeTakeFirstOrThrow();
      let n = existing.n;
      const created: { id: string; assignmentNo: string; businessName: string; quantity: number }[] = [];
      const fieldErrors: FieldPhrases = {};
      const plans = [];
      for (const [i, part] of input.parts.entries()) {
        const where: Phrase = { id: `Bagian › baris ${i + 1}`, en: `Shares › row ${i + 1}` };
        if (seen.has(part.productId))
          throw badInput(`parts.${i}.productId`, {
            id: `${where.id} › Produk: usaha/produk yang sama dipilih dua kali`,
            en: `${where.en} › Product: the same business/product is chosen twice`,
          });
        seen.add(part.productId);
        const product = await ctx.db
          .selectFrom('order_products as p')
          .innerJoin('businesses as b', 'b.id', 'p.business_id')
          .select([
            'p.id',
            'p.business_id',
            'p.member_id',
            'p.curation_status',
            'p.daily_capacity',
            'p.kbli_kode',
            'p.kind',
            'b.name as businessName',
            'b.status as businessStatus',
          ])
          .where('p.id', '=', part.productId)
          .executeTakeFirst();
        if (!product) throw badInput(`parts.${i}.productId`, { id: `${where.id} › Produk: tidak ditemukan`, en: `${where.en} › Product: not found` });
        if (product.curation_status !== 'lolos')
          throw badInput(`parts.${i}.productId`, {
            id: `${where.id} › Produk: produk ${product.businessName} belum lolos kurasi`,
            en: `${where.en} › Product: the product of ${product.businessName} has not passed curation`,
          });
        if (product.businessStatus !== 'aktif')
          throw badInput(`parts.${i}.productId`, {
            id: `${where.id} › Produk: usaha ${product.businessName} sudah tutup`,
            en: `${where.en} › Product: ${product.businessName} is closed`,
          });
        if (product.kbli_kode !== item.kbli_kode && product.kind !== item.kind) {
          throw badInput(`parts.${i}.productId`, {
            id: `${where.id} › Produk: jenis produk ${product.businessName} tidak sesuai dengan barang yang dipesan`,
            en: `${where.en} › Product: the product type of ${product.businessName} does not match the ordered item`,
          });
        }
        const available = availableCapacity(product.daily_capacity, days, await openQuantity(ctx.db, product.id, order.delivery_date));
        if (part.quantity > available && !input.overrideReason) {
          fieldErrors[`parts.${i}.quantity`] = {
            id: `${where.id} › Jumlah: ${part.quantity} melebihi sisa kapasitas ${product.businessName} sebelum tanggal kirim (${Math.max(0, available)}); isi alasan bila tetap ditugaskan`,
            en: `${where.en} › Quantity: ${part.quantity} is more than what ${product.businessName} can still make before the delivery date (${Math.max(0, available)}); give a reason to assign it anyway`,
          };
        }
        plans.push({ part, product, overCapacity: part.quantity > available });
      }
      if (Object.keys(fieldErrors).length) throw new AppError('bad_input', summarise(fieldErrors), fieldErrors);
      for (const { part, product, overCapacity } of plans) {
        n += 1;
        const assignmentId = ctx.app.newId();
        const assignmentNo = `${order.order_no}-${n}`;
        const values = {
          id: assignmentId,
          assignment_no: assignmentNo,
          order_id: order.id,
          item_id: item.id,
          business_id: product.business_id,
          member_id: product.member_id,
          product_id: product.id,
          quantity: part.quantity,
          unit_price: item.unit_price,
          amount: lineTotal(part.quantity, item.unit_price),
          ppn_rate_bp: settings.ppnRateBp,
          status: 'dipesan' as const,
          delivery_date: order.delivery_date,
          assigned_on: now,
          override_reason: overCapacity ? (input.overrideReason ?? null) : null,
          assigned_by: userId(ctx),
          created_at: nowIso,
          updated_at: nowIso,
        };
        await ctx.db.insertInto('order_assignments').values(values).execute();
        await ctx.db
          .insertInto('order_events')
          .values({
            id: ctx.app.newId(),
            assignment_id: assignmentId,
            from_status: null,
            to_status: 'dipesan',
            at: nowIso,
            user_id: userId(ctx),
            reason: values.override_reason,
          })
          .execute();
        await ctx.audit({ entity: 'order_assignment', entityId: assignmentId, after: values });
        created.push({ id: assignmentId, assignmentNo, businessName: product.businessName, quantity: part.quantity });
      }
      if (order.status === 'baru') {
        await ctx.db.updateTable('orders').set({ status: 'dikonfirmasi', updated_at: nowIso }).where('id', '=', order.id).execute();
      }
      const stage = await refreshOrderStage(ctx.db, order.id, nowIso);
      return { assignments: created, stage };
    },
  }),

  'orders.move': defineMethod({
    summary: 'Mencatat perpindahan status satu penugasan sesuai tabel status dan peran',
    // Any signed-in role may ask; the state table says who may record which move.
    access: 'authenticated',
    mutation: true,
    input: z.strictObject({
      assignmentId: id({ id: 'Penugasan', en: 'Assignment' }),
      to: label(z.enum(orderStatuses), { id: 'Status baru', en: 'New status' }),
      reason: optionalText({ id: 'Alasan', en: 'Reason' }, 500),
      bastSigned: label(z.boolean(), { id: 'BAST ditandatangani', en: 'BAST signed' }).optional(),
      date: isoDate({ id: 'Tanggal diterima', en: 'Date received' }).optional(),
    }),
    handler: async (ctx, input) => {
      const a = await loadAssignment(ctx, input.assignmentId);
      const order = await loadOrder(ctx, a.order_id);
      const check = checkOrderTransition(a.status, input.to, signedInUser(ctx).role, { reason: input.reason, bastSigned: input.bastSigned });
      if (!check.ok) throw transitionError(check, input.to === 'diterima' ? 'bastSigned' : 'reason');
      if (input.to === 'dibayar')
        throw conflict({
          id: 'Catat pembayaran (jumlah dan tanggal diterima) untuk mengubah status menjadi Dibayar.',
          en: 'Record the payment (amount and date received) to change the status to Paid.',
        });
      if (order.status === 'dibatalkan')
        throw conflict({ id: `Pesanan ${order.order_no} sudah dibatalkan.`, en: `Order ${order.order_no} is already cancelled.` });
      const now = today(ctx);
      const extra: Record<string, unknown> = {};
      if (input.to === 'diterima') {
        const on = input.date ?? now;
        if (on > now) throw badInput('date', { id: 'Tanggal diterima: tidak boleh setelah hari ini', en: 'Date received: may not be after today' });
        extra.delivered_on = on;
      }
      await recordMove(ctx, a, input.to, input.reason ?? null, extra);
      if (input.to === 'diterima') {
        // A member's first e-order delivered is their P5 (pemasaran); later ones keep the first date.
        await completeStage(ctx.db, {
          memberId: a.member_id,
          stage: 'P5',
          completedOn: extra.delivered_on as string,
          evidence: recordText('order', { number: a.assignment_no }),
          source: 'order',
          sourceId: a.id,
          userId: userId(ctx),
          nowIso: ctx.app.clock.nowIso(),
        });
      }
      const stage = await refreshOrderStage(ctx.db, a.order_id, ctx.app.clock.nowIso());
      return { id: a.id, status: input.to, stage };
    },
  }),

  'orders.recordPayment': defineMethod({
    summary: 'Mencatat pembayaran yang diterima usaha untuk penugasan yang sudah diterima pembeli',
    access: STAFF,
    mutation: true,
    input: z.strictObject({
      assignmentId: id({ id: 'Penugasan', en: 'Assignment' }),
      amount: label(
        rupiah({ id: 'Jumlah dibayar', en: 'Amount paid' }).refine((v) => v > 0, fieldMessage({ id: 'harus lebih dari 0', en: 'must be more than 0' })),
        { id: 'Jumlah dibayar', en: 'Amount paid' },
      ),
      paidOn: isoDate({ id: 'Tanggal dibayar', en: 'Date paid' }),
      note: optionalText({ id: 'Catatan pembayaran', en: 'Payment note' }, 300),
    }),
    handler: async (ctx, input) => {
      const a = await loadAssignment(ctx, input.assignmentId);
      const check = checkOrderTransition(a.status, 'dibayar', signedInUser(ctx).role);
      if (!check.ok) throw transitionError(check, 'amount');
      const total = invoiceTotal(a.amount, a.ppn_rate_bp);
      if (input.amount > total)
        throw badInput('amount', {
          id: `Jumlah dibayar: melebihi tagihan ${total.toLocaleString('id-ID')} rupiah`,
          en: `Amount paid: more than the invoice of Rp ${total.toLocaleString('id-ID')}`,
        });
      if (input.paidOn > today(ctx)) throw badInput('paidOn', { id: 'Tanggal dibayar: tidak boleh setelah hari ini', en: 'Date paid: may not be after today' });
      if (a.delivered_on && input.paidOn < a.delivered_on)
        throw badInput('paidOn', {
          id: 'Tanggal dibayar: tidak boleh sebelum tanggal barang diterima',
          en: 'Date paid: may not be before the goods were received',
        });
      await recordMove(ctx, a, 'dibayar', input.note ?? null, { paid_amount: input.amount, paid_on: input.paidOn, payment_note: input.note ?? null });
      const stage = await refreshOrderStage(ctx.db, a.order_id, ctx.app.clock.nowIso());
      return {
        id: a.id,
        status: 'dibayar' as const,
        stage,
        daysToPayment: a.delivered_on ? daysBetween(a.delivered_on, input.paidOn) : null,
        shortfall: total - input.amount,
      };
    },
  }),

  'orders.due': defineMethod({
    summary: 'Penugasan yang jatuh tempo dalam beberapa hari, yang terlambat, dan tagihan yang lama belum dibayar',
    access: STAFF,
    mutation: false,
    input: z.strictObject({ days: label(z.number().int().min(0).max(60), { id: 'Jumlah hari', en: 'Number of days' }).default(3) }),
    handler: async (ctx, input) => {
      const now = today(ctx);
      const settings = await loadOrderSettings(ctx.db);
      const base = () =>
        ctx.db
          .selectFrom('order_assignments as a')
          .innerJoin('orders as o', 'o.id', 'a.order_id')
          .innerJoin('order_buyers as buyer', 'buyer.id', 'o.buyer_id')
          .innerJoin('businesses as b', 'b.id', 'a.business_id')
          .select([...assignmentColumns, 'o.order_no as orderNo', 'buyer.name as buyerName', 'b.name as businessName']);
      const limit = 100;
      const dueSoon = await base()
        .where('a.status', 'in', UNDELIVERED_STATUSES)
        .where('a.delivery_date', '>=', now)
        .where('a.delivery_date', '<=', addDays(now, input.days))
        .orderBy('a.delivery_date')
        .limit(limit)
        .execute();
      const late = await base()
        .where('a.status', 'in', UNDELIVERED_STATUSES)
        .where('a.delivery_date', '<', now)
        .orderBy('a.delivery_date')
        .limit(limit)
        .execute();
      const unpaid = await base()
        .where('a.status', '=', 'diterima')
        .where('a.delivered_on', '<', addDays(now, -settings.unpaidAlertDays))
        .orderBy('a.delivered_on')
        .limit(limit)
        .execute();
      // Unpaid assignments are delivered ones, so each has its delivery date.
      return {
        today: now,
        unpaidAlertDays: settings.unpaidAlertDays,
        dueSoon,
        late,
        unpaid: unpaid.map((u) => ({ ...u, daysSinceDelivery: daysBetween(u.deliveredOn ?? now, now) })),
      };
    },
  }),

  'orders.byMember': defineMethod({
    summary: 'Pesanan e-order seorang anggota dan omzetnya, untuk halaman anggota',
    access: STAFF,
    mutation: false,
    input: z.strictObject({ memberId: id({ id: 'Anggota', en: 'Member' }) }),
    handler: async (ctx, input) => {
      const rows = await ctx.db
        .selectFrom('order_assignments as a')
        .innerJoin('orders as o', 'o.id', 'a.order_id')
        .innerJoin('order_buyers as buyer', 'buyer.id', 'o.buyer_id')
        .innerJoin('order_items as i', 'i.id', 'a.item_id')
        .innerJoin('businesses as b', 'b.id', 'a.business_id')
        .select([...assignmentColumns, 'o.order_no as orderNo', 'buyer.name as buyerName', 'i.description', 'i.unit', 'b.name as businessName'])
        .where('a.member_id', '=', input.memberId)
        .orderBy('a.assigned_on', 'desc')
        .orderBy('a.assignment_no', 'desc')
        .limit(500)
        .execute();
      const delivered = rows.filter((r) => DELIVERED_STATUSES.includes(r.status));
      return {
        assignments: rows.map((r) => ({ ...r, statusLabel: orderStatusLabels[r.status][ctx.locale] })),
        count: rows.filter((r) => !INACTIVE_STATUSES.includes(r.status)).length,
        deliveredCount: delivered.length,
        revenue: delivered.reduce((s, r) => s + r.amount, 0),
        paid: rows.reduce((s, r) => s + (r.paidAmount ?? 0), 0),
      };
    },
  }),
};
