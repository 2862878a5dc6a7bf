import type { Database } from '../../core/api/registry';
import { addDays } from './service';
import type { OrderStage } from './tables';

export interface OrderListFilter {
  search?: string;
  stage?: OrderStage;
  buyerId?: string;
  due?: 'late' | 'today' | 'next7';
  sort: 'orderDate' | 'deliveryDate' | 'orderNo' | 'total';
  dir: 'asc' | 'desc';
}

const SORT_COLUMNS = { orderDate: 'o.order_date', deliveryDate: 'o.delivery_date', orderNo: 'o.order_no', total: 'o.total_amount' } as const;
const PENDING_STAGES = ['baru', 'dipesan', 'dikonfirmasi', 'diproduksi'] as const;

/**
 * The order list as query builders: its rows in sort order and their count. `orders.list` pages
 * them; the query-plan test compiles the same builders, so the indexes it checks are the ones
 * the list reads.
 */
export function orderListQuery(db: Database, filter: OrderListFilter, today: string) {
  let q = db.selectFrom('orders as o');
  if (filter.search) {
    const s = filter.search.toUpperCase();
    // Digits alone are the order's running number; anything else a prefix of the full number.
    q = /^\d{1,5}$/.test(s) ? q.where('o.order_no', 'like', `%-${s.padStart(5, '0')}`) : q.where('o.order_no', '>=', s).where('o.order_no', '<', `${s}\uffff`);
  }
  if (filter.stage) q = q.where('o.stage', '=', filter.stage);
  if (filter.buyerId) q = q.where('o.buyer_id', '=', filter.buyerId);
  if (filter.due) {
    if (!filter.stage) q = q.where('o.stage', 'in', PENDING_STAGES);
    if (filter.due === 'late') q = q.where('o.delivery_date', '<', today);
    else if (filter.due === 'today') q = q.where('o.delivery_date', '=', today);
    else q = q.where('o.delivery_date', '>=', today).where('o.delivery_date', '<=', addDays(today, 7));
  }
  const rows = q
    .select((eb) => eb.selectFrom('order_buyers as b').select('b.name').whereRef('b.id', '=', 'o.buyer_id').as('buyerName'))
    .select([
      'o.id',
      'o.order_no as orderNo',
      'o.order_date as orderDate',
      'o.delivery_date as deliveryDate',
      'o.delivery_time as deliveryTime',
      'o.buyer_unit as buyerUnit',
      'o.item_count as itemCount',
      'o.total_amount as total',
      'o.stage',
      'o.status',
    ])
    .orderBy(SORT_COLUMNS[filter.sort], filter.dir)
    .orderBy('o.order_no', filter.dir);
  return { rows, count: q.select((eb) => eb.fn.countAll<number>().as('total')) };
}
