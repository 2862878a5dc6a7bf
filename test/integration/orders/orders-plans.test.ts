import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../support/app';

// The hot queries of e-order read through their indexes (checked on the plan, not on timing).
let app: TestApp;
beforeAll(async () => {
  app = await makeTestApp();
});
afterAll(async () => {
  await app.dispose();
});

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
    expect(plan(`select id, business_id, kelurahan_kode, daily_capacity, kind from order_products where curation_status = 'lolos' and kind = ?`, 'nasi kotak')).toContain(
      'USING COVERING INDEX order_products_kind',
    );
    expect(plan(`select id, business_id, kelurahan_kode, daily_capacity, kind from order_products where curation_status = 'lolos' and kbli_kode = ?`, '56210')).toContain(
      'USING COVERING INDEX order_products_kbli',
    );
    expect(
      plan(`select product_id, sum(quantity) from order_assignments where product_id in (?, ?) and status in ('dipesan', 'dikonfirmasi', 'diproduksi') and delivery_date <= ? group by product_id`, 'a', 'b', '2026-12-04'),
    ).toContain('USING INDEX order_assignments_capacity');
    expect(plan(`select business_id, count(*) from order_assignments where business_id in (?, ?) and assigned_on > ? group by business_id`, 'a', 'b', '2026-11-01')).toContain(
      'USING COVERING INDEX order_assignments_rotation',
    );
  });
});
