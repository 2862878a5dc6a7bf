import type { Kysely } from 'kysely';

// Frozen once released. Indexes that let the monthly summary count by date range instead of
// scanning whole tables (measured on a 200,000-member office).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('order_assignments_paid').on('order_assignments').column('paid_on').execute();
  await db.schema.createIndex('members_pendamping_registered').on('members').columns(['pendamping_id', 'registered_on']).execute();
  await db.schema.createIndex('business_conditions_recorded').on('business_conditions').columns(['recorded_on', 'business_id']).execute();
}
