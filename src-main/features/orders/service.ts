import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../core/api/registry';
import { getSetting } from '../../core/settings';
import { orderStatuses, type OrderStatus } from './rules/transitions';
import { availableCapacity, nearnessTier, productionDays, rankCandidates, type CandidateFacts } from './rules/matching';
import type { OrderStage } from './tables';
import { loadHolidays } from '../permits';

export const ORDER_SETTINGS_KEY = 'orders';

export const orderSettingsSchema = z.strictObject({
  /** PPN on invoices in basis points (1100 = 11%); 0 = no tax line. */
  ppnRateBp: z.number().int().min(0).max(10_000),
  /** Deliveries not paid this many days after receipt stand out. */
  unpaidAlertDays: z.number().int().min(1).max(365),
  /** Window of "recent" assignments for the fair rotation. */
  rotationDays: z.number().int().min(1).max(365),
});
export type OrderSettings = z.output<typeof orderSettingsSchema>;

export const DEFAULT_ORDER_SETTINGS: OrderSettings = { ppnRateBp: 0, unpaidAlertDays: 14, rotationDays: 30 };

export function loadOrderSettings(db: Database): Promise<OrderSettings> {
  return getSetting(db, ORDER_SETTINGS_KEY, orderSettingsSchema, DEFAULT_ORDER_SETTINGS);
}

/** Statuses that still hold a business's capacity: accepted work not yet sent. */
export const OPEN_STATUSES: readonly OrderStatus[] = ['dipesan', 'dikonfirmasi', 'diproduksi'];
/** Statuses before the goods are received (for late lists). */
export const UNDELIVERED_STATUSES: readonly OrderStatus[] = ['dipesan', 'dikonfirmasi', 'diproduksi', 'dikirim'];
/** An assignment that no longer counts towards the item (the quantity is free again). */
export const INACTIVE_STATUSES: readonly OrderStatus[] = ['ditolak', 'dibatalkan'];
export const DELIVERED_STATUSES: readonly OrderStatus[] = ['diterima', 'dibayar', 'selesai'];

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Quantity of an item held by its active assignments. */
export async function assignedQuantity(db: Database, itemId: string): Promise<number> {
  const row = await db
    .selectFrom('order_assignments')
    .select(sql<number>`coalesce(sum(quantity), 0)`.as('qty'))
    .where('item_id', '=', itemId)
    .where('status', 'not in', INACTIVE_STATUSES)
    .executeTakeFirstOrThrow();
  return row.qty;
}

/** Open quantity of a product due on or before `deliveryDate`, optionally leaving out one order. */
export async function openQuantity(db: Database, productId: string, deliveryDate: string): Promise<number> {
  const row = await db
    .selectFrom('order_assignments')
    .select(sql<number>`coalesce(sum(quantity), 0)`.as('qty'))
    .where('product_id', '=', productId)
    .where('status', 'in', OPEN_STATUSES)
    .where('delivery_date', '<=', deliveryDate)
    .executeTakeFirstOrThrow();
  return row.qty;
}

/**
 * The order's stage, kept in a column for the list: 'dibatalkan' when cancelled, 'baru' while
 * some quantity is not assigned, otherwise the least advanced status of its active assignments.
 */
export async function refreshOrderStage(db: Database, orderId: string, nowIso: string): Promise<OrderStage> {
  const order = await db.selectFrom('orders').select(['status']).where('id', '=', orderId).executeTakeFirstOrThrow();
  let stage: OrderStage;
  if (order.status === 'dibatalkan') stage = 'dibatalkan';
  else {
    const items = await db
      .selectFrom('order_items as i')
      .leftJoin('order_assignments as a', (j) => j.onRef('a.item_id', '=', 'i.id').on('a.status', 'not in', INACTIVE_STATUSES))
      .select(['i.id', 'i.quantity', sql<number>`coalesce(sum(a.quantity), 0)`.as('assigned')])
      .where('i.order_id', '=', orderId)
      .groupBy('i.id')
      .execute();
    const short = items.some((i) => i.assigned < i.quantity);
    if (short || items.length === 0) stage = 'baru';
    else {
      const statuses = await db
        .selectFrom('order_assignments')
        .select('status')
        .distinct()
        .where('order_id', '=', orderId)
        .where('status', 'not in', INACTIVE_STATUSES)
        .execute();
      const ranks = statuses.map((s) => orderStatuses.indexOf(s.status));
      stage = ranks.length ? orderStatuses[Math.min(...ranks)] : 'baru';
    }
  }
  await db.updateTable('orders').set({ stage, updated_at: nowIso }).where('id', '=', orderId).where('stage', '!=', stage).execute();
  return stage;
}

export interface ProposalInput {
  itemId: string;
  today: string;
  rotationDays: number;
  limit?: number;
}

/** Ranked candidates for an order item, with the figures behind each rank. */
/**
 * The hot reads of a proposal, as query builders: the proposal runs them and the query-plan
 * test compiles the very same ones, so an index the plan relies on cannot drift from the code.
 */
export const proposalQueries = {
  /** Curated products of one KBLI or one kind: index-only reads from a covering index each. */
  candidates: (db: Database, column: 'kbli_kode' | 'kind', value: string) =>
    db
      .selectFrom('order_products')
      .select(['id as productId', 'business_id as businessId', 'kelurahan_kode as kelurahanKode', 'daily_capacity as dailyCapacity', 'kind'])
      .where('curation_status', '=', 'lolos')
      .where(column, '=', value),
  /** What the products already have to deliver up to a date. */
  openQuantities: (db: Database, productIds: string[], deliveryDate: string) =>
    db
      .selectFrom('order_assignments')
      .select(['product_id', sql<number>`sum(quantity)`.as('qty')])
      .where('product_id', 'in', productIds)
      .where('status', 'in', OPEN_STATUSES)
      .where('delivery_date', '<=', deliveryDate)
      .groupBy('product_id'),
  /** How often each business was given work since a day (the rotation). */
  recentAssignments: (db: Database, businessIds: string[], since: string) =>
    db
      .selectFrom('order_assignments')
      .select(['business_id', sql<number>`count(*)`.as('n')])
      .where('business_id', 'in', businessIds)
      .where('assigned_on', '>', since)
      .groupBy('business_id'),
};

export async function proposeForItem(db: Database, input: ProposalInput) {
  const item = await db
    .selectFrom('order_items as i')
    .innerJoin('orders as o', 'o.id', 'i.order_id')
    .select([
      'i.id',
      'i.order_id as orderId',
      'i.description',
      'i.kbli_kode as kbliKode',
      'i.kind',
      'i.quantity',
      'i.unit',
      'o.delivery_date as deliveryDate',
      'o.delivery_kelurahan_kode as deliveryKelurahan',
      'o.status as orderStatus',
    ])
    .where('i.id', '=', input.itemId)
    .executeTakeFirst();
  if (!item) return null;
  const assigned = await assignedQuantity(db, item.id);
  const remaining = item.quantity - assigned;
  // The office's holidays are not production days either.
  const days = productionDays(input.today, item.deliveryDate, await loadHolidays(db));
  const since = addDays(input.today, -input.rotationDays);
  // Candidates from the two covering indexes (by KBLI, by product kind): index-only reads, merged.
  interface Candidate {
    productId: string;
    businessId: string;
    kelurahanKode: string;
    dailyCapacity: number;
    kind: string;
  }
  const pick = (column: 'kbli_kode' | 'kind', value: string): Promise<Candidate[]> => proposalQueries.candidates(db, column, value).execute();
  const taken = new Set(
    (await db.selectFrom('order_assignments').select('product_id').where('item_id', '=', item.id).where('status', 'not in', INACTIVE_STATUSES).execute()).map(
      (r) => r.product_id,
    ),
  );
  const byId = new Map<string, Candidate>();
  for (const list of [item.kbliKode ? await pick('kbli_kode', item.kbliKode) : [], item.kind ? await pick('kind', item.kind) : []]) {
    for (const c of list) if (!taken.has(c.productId)) byId.set(c.productId, c);
  }
  const candidates = [...byId.values()];

  // Open quantities and recent assignments, read for the nearest candidates first: the ranking
  // puts every candidate with enough capacity before any without, and among those the nearer
  // first, so once a nearness tier leaves enough candidates with enough capacity, farther tiers
  // cannot reach the top and are not read.
  const limit = input.limit ?? 20;
  const want = limit + 5; // a few spare for businesses found closed below
  const tiers = new Map<number, Candidate[]>();
  for (const c of candidates) {
    const tier = nearnessTier(c.kelurahanKode, item.deliveryKelurahan);
    const group = tiers.get(tier);
    if (group) group.push(c);
    else tiers.set(tier, [c]);
  }
  const read: CandidateFacts[] = [];
  let withEnough = 0;
  for (const [, group] of [...tiers.entries()].sort(([a], [b]) => a - b)) {
    for (let i = 0; i < group.length; i += 400) {
      const batch = group.slice(i, i + 400);
      const open = await proposalQueries
        .openQuantities(
          db,
          batch.map((c) => c.productId),
          item.deliveryDate,
        )
        .execute();
      const recent = await proposalQueries.recentAssignments(db, [...new Set(batch.map((c) => c.businessId))], since).execute();
      const openByProduct = new Map(open.map((r) => [r.product_id, r.qty]));
      const recentByBusiness = new Map(recent.map((r) => [r.business_id, r.n]));
      for (const c of batch) {
        const openQuantity = openByProduct.get(c.productId) ?? 0;
        read.push({
          productId: c.productId,
          businessId: c.businessId,
          kelurahanKode: c.kelurahanKode,
          dailyCapacity: c.dailyCapacity,
          openQuantity,
          recentAssignments: recentByBusiness.get(c.businessId) ?? 0,
          kindMatch: !!item.kind && c.kind === item.kind,
        });
        if (availableCapacity(c.dailyCapacity, days, openQuantity) >= Math.max(remaining, 1)) withEnough++;
      }
    }
    if (withEnough >= want) break;
  }
  const ranked = rankCandidates(read, {
    quantity: Math.max(remaining, 1),
    days,
    deliveryKelurahan: item.deliveryKelurahan,
    rotationDays: input.rotationDays,
  });

  // Names and prices only for those shown, walking down the ranking past closed businesses.
  const shown = [];
  for (let i = 0; i < ranked.length && shown.length < limit; i += want) {
    const chunk = ranked.slice(i, i + want);
    const details = await db
      .selectFrom('order_products as p')
      .innerJoin('businesses as b', 'b.id', 'p.business_id')
      .innerJoin('members as m', 'm.id', 'p.member_id')
      .leftJoin('regions as r', 'r.kode', 'p.kelurahan_kode')
      .select([
        'p.id',
        'p.name as productName',
        'p.unit',
        'p.unit_price as unitPrice',
        'p.kbli_kode as kbliKode',
        'p.kind',
        'p.member_id as memberId',
        'b.name as businessName',
        'b.status as businessStatus',
        'm.full_name as memberName',
        'r.nama as kelurahanNama',
      ])
      .where(
        'p.id',
        'in',
        chunk.map((c) => c.productId),
      )
      .execute();
    const detailOf = new Map(details.map((d) => [d.id, d]));
    for (const c of chunk) {
      const d = detailOf.get(c.productId);
      if (d?.businessStatus !== 'aktif' || shown.length >= limit) continue;
      const { id: _id, businessStatus: _status, ...rest } = d;
      shown.push({ ...c, ...rest });
    }
  }
  return { item: { ...item, assigned, remaining }, days, total: candidates.length, candidates: shown };
}
