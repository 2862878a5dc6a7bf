import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compilable } from 'kysely';
import { proposalQueries } from '../../../src-main/features/orders/service';
import { makeTestApp, type TestApp } from '../../support/app';
import { jakartaDay } from '../../support/clock';

// The hot queries of e-order read through their indexes (checked on the plan, not on timing).
let app: TestApp;
beforeAll(async () => {
  app = await makeTestApp();
});
afterAll(async () => {
  await app.dispose();
});

/** SQLite's plan of the query a builder of the product compiles to. */
const planOf = (query: Compilable) => {
  const { sql, parameters } = query.compile();
  return (app.sqlite.prepare(`explain query plan ${sql}`).all(...parameters) as { detail: string }[]).map((r) => r.detail).join('\n');
};
const plan = (sql: string, ...params: unknown[]) =>
  (app.sqlite.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');

describe('query plans', () => {
  it('pages the order list filtered by status or buyer from an index in sort order', () => {
    const byStage = plan(`select o.id from orders o where o.stage = ? order by o.delivery_date desc, o.order_no desc limit 25`, 'dipesan');
    expect(byStage).toContain('USING INDEX orders_stage_delivery');
    expect(byStage).not.toContain('TEMP B-TREE');
    const byBuyer = plan(`select o.id from orders o where o.buyer_id = ? order by o.order_date desc, o.order_no desc limit 25`, 'x');
    expect(byBuyer).toContain('USING INDEX orders_buyer');
    expect(byBuyer).not.toContain('TEMP B-TREE');
    expect(plan(`select o.id from orders o order by o.total_amount desc, o.order_no desc limit 25`)).toContain('USING INDEX orders_total');
    expect(plan(`select count(*) from orders o where o.stage = ?`, 'dipesan')).toContain('USING COVERING INDEX');
  });

  it('reads proposal candidates and their figures from covering or capacity indexes', () => {
    expect(planOf(proposalQueries.candidates(app.db, 'kind', 'nasi kotak'))).toContain('USING COVERING INDEX order_products_kind');
    expect(planOf(proposalQueries.candidates(app.db, 'kbli_kode', '56210'))).toContain('USING COVERING INDEX order_products_kbli');
    expect(planOf(proposalQueries.openQuantities(app.db, ['a', 'b'], jakartaDay(app.clock, 3)))).toContain('USING INDEX order_assignments_capacity');
    expect(planOf(proposalQueries.recentAssignments(app.db, ['a', 'b'], jakartaDay(app.clock, -30)))).toContain('USING COVERING INDEX order_assignments_rotation');
  });
});
