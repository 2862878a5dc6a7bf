import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRng } from '../../../src-main/demo/random';
import { ordersDemo } from '../../../src-main/features/orders/demo';
import { orderStatuses } from '../../../src-main/features/orders/rules/transitions';
import { makeTestApp, type TestApp } from '../../support/app';
import { jakartaDay } from '../../support/clock';

const year = () => jakartaDay(app.clock).slice(0, 4);

let app: TestApp;
let petugas: string;
/** What the demo step said it made. */
const demoLog: string[] = [];

beforeAll(async () => {
  app = await makeTestApp();
  const admin = await app.setup();
  petugas = await app.userWithRole(admin, 'petugas');
  await ordersDemo({
    app,
    tokens: { admin, petugas, supervisor: admin, loket: admin },
    members: 300,
    rng: seededRng(),
    today: jakartaDay(app.clock),
    log: (l) => demoLog.push(l),
  });
}, 60_000);
afterAll(async () => {
  await app.dispose();
});

describe('e-order demo data', () => {
  it('has buyers, a curated catalogue and assignments in every state', async () => {
    expect(demoLog.join('\n')).toContain('E-order: 11 pembeli');
    const statuses = await app.db.selectFrom('order_assignments').select('status').distinct().execute();
    expect(statuses.map((s) => s.status).sort()).toEqual([...orderStatuses].sort());
    const stages = await app.db.selectFrom('orders').select('stage').distinct().execute();
    expect(stages.map((s) => s.stage)).toContain('baru');
    const curation = await app.db.selectFrom('order_products').select('curation_status').distinct().execute();
    expect(curation.map((c) => c.curation_status).sort()).toEqual(['diajukan', 'lolos', 'tidak_lolos']);
    const kinds = await app.db.selectFrom('order_buyers').select('kind').distinct().execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(['bumd', 'lainnya', 'skpd', 'swasta']);
  });

  it('follows the rules: splits sum to the item, totals to the items, every move logged, P5 for delivered members', async () => {
    const short = await app.sqlite
      .prepare(
        `select count(*) as n from order_items i join orders o on o.id = i.order_id
         where o.stage not in ('baru', 'dibatalkan') and i.quantity <> (select coalesce(sum(quantity), 0) from order_assignments a where a.item_id = i.id and a.status not in ('ditolak', 'dibatalkan'))`,
      )
      .get();
    expect(short).toEqual({ n: 0 });
    const totals = app.sqlite
      .prepare(`select count(*) as n from orders o where o.total_amount <> (select sum(amount) from order_items i where i.order_id = o.id)`)
      .get();
    expect(totals).toEqual({ n: 0 });
    const unlogged = app.sqlite
      .prepare(
        `select count(*) as n from order_assignments a where a.status <> (select e.to_status from order_events e where e.assignment_id = a.id order by e.at desc, e.rowid desc limit 1)`,
      )
      .get();
    expect(unlogged).toEqual({ n: 0 });
    const withoutP5 = app.sqlite
      .prepare(
        `select count(distinct a.member_id) as n from order_assignments a where a.delivered_on is not null and not exists (select 1 from member_stages s where s.member_id = a.member_id and s.stage_code = 'P5' and s.status = 'selesai')`,
      )
      .get();
    expect(withoutP5).toEqual({ n: 0 });
  });

  it('hands some deliveries over off the planned day, never after today, and has no payment dated ahead', () => {
    const today = jakartaDay(app.clock);
    const delivered = app.sqlite.prepare('select delivery_date, delivered_on, paid_on from order_assignments where delivered_on is not null').all() as {
      delivery_date: string;
      delivered_on: string;
      paid_on: string | null;
    }[];
    expect(delivered.filter((a) => a.delivered_on < a.delivery_date).length).toBeGreaterThan(0);
    expect(delivered.filter((a) => a.delivered_on > a.delivery_date).length).toBeGreaterThan(0);
    expect(delivered.every((a) => a.delivered_on <= today)).toBe(true);
    expect(delivered.every((a) => !a.paid_on || (a.paid_on >= a.delivered_on && a.paid_on <= today))).toBe(true);
  });

  it('leaves new orders to assign and numbers that continue', async () => {
    const waiting = await app.ok('orders.list', { stage: 'baru', sort: 'orderNo', dir: 'desc' }, petugas);
    expect(waiting.total).toBeGreaterThan(0);
    const proposal = await app.ok('orders.propose', { itemId: (await app.ok('orders.get', { id: waiting.rows[0].id }, petugas)).items[0].id }, petugas);
    expect(proposal.candidates.length).toBeGreaterThan(0);
    const last = app.sqlite.prepare(`select max(order_no) as no from orders where order_no like ?`).get(`EO-${year()}-%`) as { no: string };
    const buyerId = (await app.ok('orderBuyers.list', {}, petugas)).rows[0].id;
    const created = await app.ok(
      'orders.create',
      {
        buyerId,
        orderDate: jakartaDay(app.clock),
        deliveryDate: jakartaDay(app.clock, 6),
        deliveryAddress: 'Kantor',
        items: [{ description: 'Roti', kind: 'roti', quantity: 10, unit: 'bungkus', unitPrice: 10_000 }],
      },
      petugas,
    );
    expect(created.orderNo).toBe(`EO-${year()}-${String(Number(last.no.slice(-5)) + 1).padStart(5, '0')}`);
  });
});
