import { sql } from 'kysely';
import { percent, type ReportScope, type ReportSection } from '../model';
import type { Db } from './common';

/** E-orders: received, delivered (and on time), paid, and unpaid deliveries at the month's end. */
export async function ordersSection(db: Db, scope: ReportScope): Promise<ReportSection> {
  const kel = scope.kelurahan;
  const memberFilter = kel ? sql`and m.kelurahan_kode = ${kel}` : sql``;
  const r = (
    await sql<Record<string, number>>`
      select
        coalesce(sum(case when o.order_date between ${scope.from} and ${scope.to} and o.status != 'dibatalkan' then a.amount else 0 end), 0) as orderedValue,
        count(distinct case when o.order_date between ${scope.from} and ${scope.to} and o.status != 'dibatalkan' then o.id end) as ordersReceived,
        coalesce(sum(case when a.delivered_on between ${scope.from} and ${scope.to} then 1 else 0 end), 0) as delivered,
        coalesce(sum(case when a.delivered_on between ${scope.from} and ${scope.to} then a.amount else 0 end), 0) as deliveredValue,
        coalesce(sum(case when a.delivered_on between ${scope.from} and ${scope.to} and a.delivered_on <= a.delivery_date then 1 else 0 end), 0) as deliveredOnTime,
        coalesce(sum(case when a.paid_on between ${scope.from} and ${scope.to} then 1 else 0 end), 0) as paid,
        coalesce(sum(case when a.paid_on between ${scope.from} and ${scope.to} then a.paid_amount else 0 end), 0) as paidValue,
        coalesce(sum(case when a.delivered_on <= ${scope.to} and (a.paid_on is null or a.paid_on > ${scope.to}) then 1 else 0 end), 0) as unpaid,
        coalesce(sum(case when a.delivered_on <= ${scope.to} and (a.paid_on is null or a.paid_on > ${scope.to}) then a.amount else 0 end), 0) as unpaidValue
      from order_assignments a
      join orders o on o.id = a.order_id
      join members m on m.id = a.member_id
      where a.status not in ('ditolak', 'dibatalkan') ${memberFilter}`.execute(db)
  ).rows[0];
  // Orders without any assignment yet still count as received.
  const unassigned = (
    await sql<{ n: number; v: number }>`
      select count(*) as n, coalesce(sum(o.total_amount), 0) as v from orders o
      where o.order_date between ${scope.from} and ${scope.to} and o.status != 'dibatalkan'
        and not exists (select 1 from order_assignments a where a.order_id = o.id and a.status not in ('ditolak', 'dibatalkan'))`.execute(db)
  ).rows[0];
  const n = (k: string) => Number(r?.[k] ?? 0);
  // Kelurahan reports count orders through their members' assignments only.
  const received = n('ordersReceived') + (kel ? 0 : Number(unassigned?.n ?? 0));
  const orderedValue = n('orderedValue') + (kel ? 0 : Number(unassigned?.v ?? 0));
  return {
    id: 'orders',
    title: 'E-Order (P5)',
    figures: [
      { id: 'received', label: 'Pesanan diterima', value: received, type: 'int' },
      { id: 'orderedValue', label: 'Nilai pesanan diterima', value: orderedValue, type: 'rupiah' },
      { id: 'delivered', label: 'Pengiriman diterima pembeli (BAST)', value: n('delivered'), type: 'int' },
      { id: 'deliveredValue', label: 'Nilai pengiriman diterima', value: n('deliveredValue'), type: 'rupiah' },
      { id: 'onTimeShare', label: 'Pengiriman tepat waktu', value: percent(n('deliveredOnTime'), n('delivered')), type: 'percent' },
      { id: 'paid', label: 'Pembayaran diterima', value: n('paid'), type: 'int' },
      { id: 'paidValue', label: 'Nilai pembayaran diterima', value: n('paidValue'), type: 'rupiah' },
      { id: 'unpaidValue', label: 'Belum dibayar s.d. akhir bulan', value: n('unpaidValue'), type: 'rupiah' },
    ],
    tables: [],
  };
}
