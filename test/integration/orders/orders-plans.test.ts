import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compilable } from 'kysely';
import { orderListQuery, type OrderListFilter } from '../../../src-main/features/orders/list';
import { proposalQueries } from '../../../src-main/features/orders/service';
import { makeTestApp, type TestApp } from '../../support/app';
import { jakartaDay } from '../../support/clock';

// The hot queries of e-order read through their indexes (checked on the plan of the very
// builders the methods run, not on timing).
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

describe('query plans', () => {
  it('pages the order list filtered by status or buyer from an index in sort order', () => {
    const today = jakartaDay(app.clock, 0);
    const page = (filter: OrderListFilter) => orderListQuery(app.db, filter, today).rows.limit(25);
    const byStage = planOf(page({ stage: 'dipesan', sort: 'deliveryDate', dir: 'desc' }));
    expect(byStage).toContain('USING INDEX orders_stage_delivery');
    expect(byStage).not.toContain('TEMP B-TREE');
    const byBuyer = planOf(page({ buyerId: 'x', sort: 'orderDate', dir: 'desc' }));
    expect(byBuyer).toContain('USING INDEX orders_buyer');
    expect(byBuyer).not.toContain('TEMP B-TREE');
    expect(planOf(page({ sort: 'total', dir: 'desc' }))).toContain('USING INDEX orders_total');
    expect(planOf(orderListQuery(app.db, { stage: 'dipesan', sort: 'orderDate', dir: 'desc' }, today).count)).toContain('USING COVERING INDEX');
  });

  it('reads proposal candidates and their figures from covering or capacity indexes', () => {
    expect(planOf(proposalQueries.candidates(app.db, 'kind', 'nasi kotak'))).toContain('USING COVERING INDEX order_products_kind');
    expect(planOf(proposalQueries.candidates(app.db, 'kbli_kode', '56210'))).toContain('USING COVERING INDEX order_products_kbli');
    expect(planOf(proposalQueries.openQuantities(app.db, ['a', 'b'], jakartaDay(app.clock, 3)))).toContain('USING INDEX order_assignments_capacity');
    expect(planOf(proposalQueries.recentAssignments(app.db, ['a', 'b'], jakartaDay(app.clock, -30)))).toContain(
      'USING COVERING INDEX order_assignments_rotation',
    );
  });
});
