import type { BenchContext } from '../../bench/suites';
import { performance } from 'node:perf_hooks';
import { measure, type BenchLine, type Timing } from '../../bench/measure';
import { callAs } from '../../demo/demo';

const STAGES = ['dipesan', 'dikonfirmasi', 'diproduksi', 'dikirim', 'diterima', 'dibayar', 'selesai'] as const;

/**
 * E-order hot paths: the order list page (filter and sort, through the API as a user calls it)
 * beside the same query run raw on a prepared statement, and one matching proposal.
 */
export async function ordersBench(ctx: BenchContext): Promise<BenchLine[]> {
  const { app } = ctx;
  const token = ctx.tokens.petugas;
  const sqlite = app.sqlite;
  const counts = sqlite.prepare('select (select count(*) from orders) as orders, (select count(*) from order_assignments) as assignments').get() as {
    orders: number;
    assignments: number;
  };
  ctx.log(`${counts.orders.toLocaleString('id-ID')} pesanan, ${counts.assignments.toLocaleString('id-ID')} penugasan`);
  if (counts.orders === 0) return [];
  const buyers = (sqlite.prepare('select id from order_buyers order by name_key').all() as { id: string }[]).map((b) => b.id);
  const lines: BenchLine[] = [];
  const RUNS = 400;
  const columns = `o.id, o.order_no as orderNo, o.order_date as orderDate, o.delivery_date as deliveryDate, o.delivery_time as deliveryTime,
    (select b.name from order_buyers b where b.id = o.buyer_id) as buyerName, o.buyer_unit as buyerUnit, o.item_count as itemCount,
    o.total_amount as total, o.stage, o.status`;

  // 1. Filter by status, sort by delivery date (newest first), pages 1-10.
  const byStage = sqlite.prepare(`select ${columns} from orders o where o.stage = ? order by o.delivery_date desc, o.order_no desc limit 25 offset ?`);
  const byStageCount = sqlite.prepare('select count(*) as total from orders o where o.stage = ?');
  const [stageOurs, stageRaw] = await measurePair(
    RUNS,
    (i) => callAs(app, token, 'orders.list', { stage: STAGES[i % STAGES.length], sort: 'deliveryDate', dir: 'desc', page: i % 10 }),
    (i) => {
      byStage.all(STAGES[i % STAGES.length], (i % 10) * 25);
      byStageCount.get(STAGES[i % STAGES.length]);
    },
  );
  lines.push(verdict('orders.list: filter status, sort tanggal kirim', stageOurs, stageRaw));

  // 2. Filter by buyer, sort by order date (the default sort), pages 1-10.
  const byBuyer = sqlite.prepare(`select ${columns} from orders o where o.buyer_id = ? order by o.order_date desc, o.order_no desc limit 25 offset ?`);
  const byBuyerCount = sqlite.prepare('select count(*) as total from orders o where o.buyer_id = ?');
  const [buyerOurs, buyerRaw] = await measurePair(
    RUNS,
    (i) => callAs(app, token, 'orders.list', { buyerId: buyers[i % buyers.length], page: i % 10 }),
    (i) => {
      byBuyer.all(buyers[i % buyers.length], (i % 10) * 25);
      byBuyerCount.get(buyers[i % buyers.length]);
    },
  );
  lines.push(verdict('orders.list: filter pembeli, sort tanggal pesanan', buyerOurs, buyerRaw));

  // 3. Unfiltered, sorted by total value.
  const all = sqlite.prepare(`select ${columns} from orders o order by o.total_amount desc, o.order_no desc limit 25 offset ?`);
  const allCount = sqlite.prepare('select count(*) as total from orders o');
  const [allOurs, allRaw] = await measurePair(
    100,
    (i) => callAs(app, token, 'orders.list', { sort: 'total', dir: 'desc', page: i % 4 }),
    (i) => {
      all.all((i % 4) * 25);
      allCount.get();
    },
  );
  // Without a filter the raw page is a few index steps (well under a millisecond), so the fixed
  // cost of a call (session, transaction, validation) dominates any ratio: the absolute target only.
  lines.push({ name: 'orders.list: tanpa filter, sort nilai', ours: allOurs, baseline: allRaw, target: 'p95 < 20 ms', met: allOurs.p95 < 20 });

  // 4. A matching proposal for one item (items of recent orders: the busiest product kinds).
  const items = (
    sqlite.prepare(`select i.id from order_items i join orders o on o.id = i.order_id order by o.order_date desc limit 50`).all() as { id: string }[]
  ).map((r) => r.id);
  const proposal = await measure('orders.propose', 100, (i) => callAs(app, token, 'orders.propose', { itemId: items[i % items.length] }));
  lines.push({ name: 'orders.propose: usulan usaha untuk satu barang', ours: proposal, target: 'p95 < 50 ms', met: proposal.p95 < 50 });
  return lines;
}

/**
 * Times two ways of doing the same work alternately, run by run, so that whatever else the
 * machine is doing weighs on both alike (a burst during one long series would skew the ratio).
 */
async function measurePair(runs: number, ours: (i: number) => unknown, raw: (i: number) => unknown): Promise<[Timing, Timing]> {
  for (let i = 0; i < 10; i++) {
    await ours(i);
    await raw(i);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    await ours(i);
    a.push(performance.now() - t0);
    t0 = performance.now();
    await raw(i);
    b.push(performance.now() - t0);
  }
  return [timing('api', a), timing('raw', b)];
}

function timing(name: string, times: number[]): Timing {
  times.sort((x, y) => x - y);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { name, runs: times.length, p50: at(0.5), p95: at(0.95), mean: times.reduce((s, t) => s + t, 0) / times.length };
}

function verdict(name: string, ours: BenchLine['ours'], baseline: NonNullable<BenchLine['baseline']>): BenchLine {
  return { name, ours, baseline, target: 'p95 < 20 ms, ≤ 3× kueri mentah', met: ours.p95 < 20 && ours.p95 <= 3 * baseline.p95 };
}
