import { sql } from 'kysely';
import { percent, type ReportScope, type ReportSection } from '../model';
import type { Db } from './common';
import { reportWords } from '../words';

const w = reportWords({
  title: { id: 'E-Order (P5)', en: 'E-Order (P5)' },
  received: { id: 'Pesanan diterima', en: 'Orders received' },
  orderedValue: { id: 'Nilai pesanan diterima', en: 'Value of orders received' },
  delivered: { id: 'Pengiriman diterima pembeli (BAST)', en: 'Deliveries accepted by buyers (BAST)' },
  deliveredValue: { id: 'Nilai pengiriman diterima', en: 'Value of deliveries accepted' },
  onTimeShare: { id: 'Pengiriman tepat waktu', en: 'Deliveries on time' },
  paid: { id: 'Pembayaran diterima', en: 'Payments received' },
  paidValue: { id: 'Nilai pembayaran diterima', en: 'Value of payments received' },
  unpaidValue: { id: 'Belum dibayar s.d. akhir bulan', en: 'Unpaid at the end of the month' },
});

type OrderFigures = Record<'received' | 'orderedValue' | 'delivered' | 'deliveredValue' | 'deliveredOnTime' | 'paid' | 'paidValue' | 'unpaidValue', number>;

const first = async (db: Db, query: ReturnType<typeof sql<Record<string, number>>>) => (await query.execute(db)).rows[0] ?? {};

/**
 * The whole kecamatan: each figure reads its own date index (order date, delivery date, payment
 * date) instead of scanning every assignment.
 */
async function kecamatanFigures(db: Db, scope: ReportScope): Promise<OrderFigures> {
  const received = await first(
    db,
    sql<Record<string, number>>`
    select count(*) as n, coalesce(sum(total_amount), 0) as v from orders
    where order_date between ${scope.from} and ${scope.to} and status != 'dibatalkan'`,
  );
  const delivered = await first(
    db,
    sql<Record<string, number>>`
    select count(*) as n, coalesce(sum(amount), 0) as v,
      coalesce(sum(case when delivered_on <= delivery_date then 1 else 0 end), 0) as onTime
    from order_assignments
    where status in ('diterima', 'dibayar', 'selesai') and delivered_on between ${scope.from} and ${scope.to}`,
  );
  // Payments up to today only: one dated in the future has not been received.
  const paid = await first(
    db,
    sql<Record<string, number>>`
    select count(*) as n, coalesce(sum(paid_amount), 0) as v from order_assignments
    where paid_on between ${scope.from} and ${scope.asOf}`,
  );
  // Unpaid at the month's end (today, while it runs): delivered by then and still unpaid, or
  // paid only afterwards.
  const unpaidNow = await first(
    db,
    sql<Record<string, number>>`
    select coalesce(sum(amount), 0) as v from order_assignments where status = 'diterima' and delivered_on <= ${scope.asOf}`,
  );
  const paidLater = await first(
    db,
    sql<Record<string, number>>`
    select coalesce(sum(amount), 0) as v from order_assignments where paid_on > ${scope.asOf} and delivered_on <= ${scope.asOf}`,
  );
  return {
    received: received.n,
    orderedValue: received.v,
    delivered: delivered.n,
    deliveredValue: delivered.v,
    deliveredOnTime: delivered.onTime,
    paid: paid.n,
    paidValue: paid.v,
    unpaidValue: unpaidNow.v + paidLater.v,
  };
}

/** One kelurahan: one pass over the assignments of its members (their order is by member). */
async function kelurahanFigures(db: Db, scope: ReportScope, kelurahan: string): Promise<OrderFigures> {
  const inMonth = (col: string) => sql`${sql.ref(col)} between ${scope.from} and ${scope.to}`;
  const paidInMonth = sql`a.paid_on between ${scope.from} and ${scope.asOf}`;
  return (await first(
    db,
    sql<Record<string, number>>`
    select
      count(distinct case when ${inMonth('o.order_date')} and o.status != 'dibatalkan' then o.id end) as received,
      coalesce(sum(case when ${inMonth('o.order_date')} and o.status != 'dibatalkan' then a.amount else 0 end), 0) as orderedValue,
      coalesce(sum(case when ${inMonth('a.delivered_on')} then 1 else 0 end), 0) as delivered,
      coalesce(sum(case when ${inMonth('a.delivered_on')} then a.amount else 0 end), 0) as deliveredValue,
      coalesce(sum(case when ${inMonth('a.delivered_on')} and a.delivered_on <= a.delivery_date then 1 else 0 end), 0) as deliveredOnTime,
      coalesce(sum(case when ${paidInMonth} then 1 else 0 end), 0) as paid,
      coalesce(sum(case when ${paidInMonth} then a.paid_amount else 0 end), 0) as paidValue,
      coalesce(sum(case when a.delivered_on <= ${scope.asOf} and (a.paid_on is null or a.paid_on > ${scope.asOf}) then a.amount else 0 end), 0) as unpaidValue
    from members m
    join order_assignments a on a.member_id = m.id and a.status not in ('ditolak', 'dibatalkan')
    join orders o on o.id = a.order_id
    where m.kelurahan_kode = ${kelurahan}`,
  )) as OrderFigures;
}

/** E-orders: received, delivered (and on time), paid, and unpaid deliveries at the month's end. */
export async function ordersSection(db: Db, scope: ReportScope): Promise<ReportSection> {
  const figures = scope.kelurahan ? await kelurahanFigures(db, scope, scope.kelurahan) : await kecamatanFigures(db, scope);
  const n = (k: keyof OrderFigures) => figures[k];
  // On time among the deliveries of the month; with none, there is no share to report.
  return {
    id: 'orders',
    title: w.title,
    shortTitle: w.title,
    figures: [
      { id: 'received', label: w.received, value: n('received'), type: 'int' },
      { id: 'orderedValue', label: w.orderedValue, value: n('orderedValue'), type: 'rupiah' },
      { id: 'delivered', label: w.delivered, value: n('delivered'), type: 'int' },
      { id: 'deliveredValue', label: w.deliveredValue, value: n('deliveredValue'), type: 'rupiah' },
      { id: 'onTimeShare', label: w.onTimeShare, value: percent(n('deliveredOnTime'), n('delivered')), type: 'percent' },
      { id: 'paid', label: w.paid, value: n('paid'), type: 'int' },
      { id: 'paidValue', label: w.paidValue, value: n('paidValue'), type: 'rupiah' },
      { id: 'unpaidValue', label: w.unpaidValue, value: n('unpaidValue'), type: 'rupiah' },
    ],
    tables: [],
  };
}
