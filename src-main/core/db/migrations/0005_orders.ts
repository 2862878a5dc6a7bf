import { sql, type Kysely } from 'kysely';

// Frozen once released. E-order: buyers, the curated catalogue of member products, orders with
// their items, the assignment of each item to member businesses, and every status move.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('order_buyers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('skpd', 'bumd', 'swasta', 'lainnya')`))
    .addColumn('units', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('kelurahan_kode', 'text', (c) => c.references('regions.kode'))
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('npwp', 'text')
    .addColumn('ppk_name', 'text')
    .addColumn('ppk_nip', 'text')
    .addColumn('ppk_phone', 'text')
    .addColumn('procurement_name', 'text')
    .addColumn('procurement_phone', 'text')
    .addColumn('treasurer_name', 'text')
    .addColumn('treasurer_phone', 'text')
    .addColumn('active', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`active in (0, 1)`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_buyers_name').on('order_buyers').columns(['name_key', 'id']).execute();

  await db.schema
    .createTable('order_products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('kelurahan_kode', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kbli_kode', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('unit_price', 'integer', (c) => c.notNull().check(sql`unit_price >= 0`))
    .addColumn('daily_capacity', 'integer', (c) => c.notNull().check(sql`daily_capacity >= 1`))
    .addColumn('halal_cert_no', 'text')
    .addColumn('photo', 'text')
    .addColumn('curation_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('diajukan')
        .check(sql`curation_status in ('diajukan', 'lolos', 'tidak_lolos')`),
    )
    .addColumn('curation_reason', 'text')
    .addColumn('crit_rasa', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`crit_rasa in (0, 1)`),
    )
    .addColumn('crit_kemasan', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`crit_kemasan in (0, 1)`),
    )
    .addColumn('crit_higienitas', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`crit_higienitas in (0, 1)`),
    )
    .addColumn('crit_halal', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`crit_halal in (0, 1)`),
    )
    .addColumn('crit_foto', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`crit_foto in (0, 1)`),
    )
    .addColumn('curated_by', 'text', (c) => c.references('users.id'))
    .addColumn('curated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Proposals read candidates from these alone (covering: no table row per candidate).
  await db.schema
    .createIndex('order_products_kbli')
    .on('order_products')
    .columns(['curation_status', 'kbli_kode', 'id', 'business_id', 'kelurahan_kode', 'daily_capacity', 'kind'])
    .execute();
  await db.schema
    .createIndex('order_products_kind')
    .on('order_products')
    .columns(['curation_status', 'kind', 'id', 'business_id', 'kelurahan_kode', 'daily_capacity'])
    .execute();
  await db.schema.createIndex('order_products_business').on('order_products').column('business_id').execute();
  await db.schema.createIndex('order_products_member').on('order_products').column('member_id').execute();
  await db.schema.createIndex('order_products_name').on('order_products').columns(['name', 'id']).execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_no', 'text', (c) => c.notNull().unique())
    .addColumn('buyer_id', 'text', (c) => c.notNull().references('order_buyers.id'))
    .addColumn('buyer_unit', 'text')
    .addColumn('buyer_order_no', 'text')
    .addColumn('budget_ref', 'text')
    .addColumn('order_date', 'text', (c) => c.notNull())
    .addColumn('delivery_date', 'text', (c) => c.notNull())
    .addColumn('delivery_time', 'text')
    .addColumn('delivery_address', 'text', (c) => c.notNull())
    .addColumn('delivery_kelurahan_kode', 'text', (c) => c.references('regions.kode'))
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('baru')
        .check(sql`status in ('baru', 'dikonfirmasi', 'dibatalkan')`),
    )
    .addColumn('stage', 'text', (c) =>
      c
        .notNull()
        .defaultTo('baru')
        .check(sql`stage in ('baru', 'dipesan', 'dikonfirmasi', 'diproduksi', 'dikirim', 'diterima', 'dibayar', 'selesai', 'ditolak', 'dibatalkan')`),
    )
    .addColumn('cancel_reason', 'text')
    .addColumn('item_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_amount', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`total_amount >= 0`),
    )
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('orders_order_date').on('orders').columns(['order_date', 'order_no']).execute();
  await db.schema.createIndex('orders_delivery').on('orders').columns(['delivery_date', 'order_no']).execute();
  await db.schema.createIndex('orders_stage_order_date').on('orders').columns(['stage', 'order_date', 'order_no']).execute();
  await db.schema.createIndex('orders_stage_delivery').on('orders').columns(['stage', 'delivery_date', 'order_no']).execute();
  await db.schema.createIndex('orders_buyer').on('orders').columns(['buyer_id', 'order_date', 'order_no']).execute();
  await db.schema.createIndex('orders_total').on('orders').columns(['total_amount', 'order_no']).execute();

  await db.schema
    .createTable('order_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kbli_kode', 'text')
    .addColumn('kind', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity >= 1`))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('unit_price', 'integer', (c) => c.notNull().check(sql`unit_price >= 0`))
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount >= 0`))
    .addUniqueConstraint('order_items_line', ['order_id', 'line_no'])
    .execute();

  await db.schema
    .createTable('order_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assignment_no', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('order_items.id'))
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('order_products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity >= 1`))
    .addColumn('unit_price', 'integer', (c) => c.notNull().check(sql`unit_price >= 0`))
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('ppn_rate_bp', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`ppn_rate_bp between 0 and 10000`),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('dipesan', 'dikonfirmasi', 'diproduksi', 'dikirim', 'diterima', 'dibayar', 'selesai', 'ditolak', 'dibatalkan')`),
    )
    .addColumn('delivery_date', 'text', (c) => c.notNull())
    .addColumn('assigned_on', 'text', (c) => c.notNull())
    .addColumn('override_reason', 'text')
    .addColumn('delivered_on', 'text')
    .addColumn('paid_amount', 'integer', (c) => c.check(sql`paid_amount >= 0`))
    .addColumn('paid_on', 'text')
    .addColumn('payment_note', 'text')
    .addColumn('assigned_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_assignments_order').on('order_assignments').column('order_id').execute();
  await db.schema.createIndex('order_assignments_item').on('order_assignments').column('item_id').execute();
  await db.schema.createIndex('order_assignments_capacity').on('order_assignments').columns(['product_id', 'status', 'delivery_date']).execute();
  await db.schema.createIndex('order_assignments_rotation').on('order_assignments').columns(['business_id', 'assigned_on']).execute();
  await db.schema.createIndex('order_assignments_due').on('order_assignments').columns(['status', 'delivery_date']).execute();
  await db.schema.createIndex('order_assignments_member').on('order_assignments').columns(['member_id', 'assigned_on']).execute();
  await db.schema.createIndex('order_assignments_delivered').on('order_assignments').columns(['status', 'delivered_on']).execute();

  await db.schema
    .createTable('order_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assignment_id', 'text', (c) => c.notNull().references('order_assignments.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('order_events_assignment').on('order_events').columns(['assignment_id', 'at']).execute();
}
