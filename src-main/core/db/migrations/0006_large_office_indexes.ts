import type { Kysely } from 'kysely';

// Frozen once released. Indexes found missing on a 200,000-member office: the monthly summary
// counts by date range instead of scanning whole tables, and a pendamping's members are found
// (in name order) without the planner falling back to the far less selective status index.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('order_assignments_paid').on('order_assignments').column('paid_on').execute();
  await db.schema.createIndex('members_pendamping_registered').on('members').columns(['pendamping_id', 'registered_on']).execute();
  await db.schema.createIndex('members_pendamping_name').on('members').columns(['pendamping_id', 'name_key', 'id']).execute();
  // Both indexes above start with pendamping_id: the single-column one only slows registration.
  await db.schema.dropIndex('members_pendamping').execute();
  await db.schema.createIndex('business_conditions_recorded').on('business_conditions').columns(['recorded_on', 'business_id']).execute();
}
