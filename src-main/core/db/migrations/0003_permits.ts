import { sql, type Kysely } from 'kysely';

// Frozen once released. IUMK permits, their append-only history, every number ever issued,
// the office's holidays (for the working-day SLA) and the AJIB pickup/delivery tasks.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('permits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('loket', 'ajib', 'pendamping', 'online')`))
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ('binaan', 'non_binaan')`))
    // Binaan: the supervising agency's letter; non-binaan: the lurah's recommendation.
    .addColumn('category_ref', 'text')
    .addColumn('location_type', 'text', (c) => c.notNull().check(sql`location_type in ('menetap', 'rumah', 'berkeliling')`))
    .addColumn('floor_area_m2', 'real')
    .addColumn('plot_area_m2', 'real')
    .addColumn('designated_location', 'integer', (c) => c.check(sql`designated_location in (0, 1)`))
    .addColumn('zone', 'text')
    // Sarana usaha as printed on the certificate (kios, gerobak, rumah tinggal...).
    .addColumn('facility', 'text')
    // JSON array of the requirement codes ticked at intake or later.
    .addColumn('requirements', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('diajukan', 'diverifikasi', 'perlu_perbaikan', 'disetujui', 'terbit', 'diserahkan', 'ditolak', 'dicabut')`),
    )
    .addColumn('number', 'text', (c) => c.unique())
    .addColumn('number_year', 'integer')
    .addColumn('number_seq', 'integer')
    .addColumn('issued_on', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('nib', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('revoked_reason', 'text')
    .addColumn('revoked_on', 'text')
    .addColumn('copies_printed', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`copies_printed >= 0`),
    )
    .addColumn('note', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('status_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('permits_number_when_issued', sql`(number is null) = (issued_on is null)`)
    .execute();
  await db.schema.createIndex('permits_status').on('permits').columns(['status', 'submitted_at']).execute();
  await db.schema.createIndex('permits_channel').on('permits').columns(['channel', 'submitted_at']).execute();
  await db.schema.createIndex('permits_submitted').on('permits').columns(['submitted_at', 'id']).execute();
  await db.schema.createIndex('permits_issued').on('permits').columns(['issued_on', 'number_seq']).execute();
  await db.schema.createIndex('permits_member').on('permits').column('member_id').execute();
  await db.schema.createIndex('permits_business').on('permits').column('business_id').execute();
  await db.schema.createIndex('permits_year_seq').on('permits').columns(['number_year', 'number_seq']).unique().execute();

  // Who moved the permit from which status to which, when, and why. Never changed afterwards.
  await db.schema
    .createTable('permit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('permit_id', 'text', (c) => c.notNull().references('permits.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('by_name', 'text')
    .addColumn('by_role', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('receiver_name', 'text')
    .addColumn('delivery_channel', 'text', (c) => c.check(sql`delivery_channel in ('loket', 'ajib')`))
    .execute();
  await db.schema.createIndex('permit_events_permit').on('permit_events').columns(['permit_id', 'at']).execute();
  await sql`create trigger permit_events_no_update before update on permit_events begin select raise(abort, 'permit_events is append-only'); end`.execute(db);
  await sql`create trigger permit_events_no_delete before delete on permit_events begin select raise(abort, 'permit_events is append-only'); end`.execute(db);

  // Every number handed out, also when the permit was later revoked: the register of the office.
  await db.schema
    .createTable('permit_number_log')
    .addColumn('number', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('permit_id', 'text', (c) => c.notNull().references('permits.id'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.references('users.id'))
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addUniqueConstraint('permit_number_log_year_seq', ['year', 'seq'])
    .execute();
  await sql`create trigger permit_number_log_no_delete before delete on permit_number_log begin select raise(abort, 'permit_number_log keeps every number'); end`.execute(
    db,
  );
  await sql`create trigger permit_number_log_keep_number before update of number, year, seq, permit_id, issued_at, issued_by on permit_number_log begin select raise(abort, 'permit_number_log keeps every number'); end`.execute(
    db,
  );

  await db.schema
    .createTable('holidays')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ajib_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('permit_id', 'text', (c) => c.notNull().references('permits.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('pickup', 'delivery')`))
    .addColumn('officer_name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('planned_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('rencana', 'selesai', 'batal')`))
    .addColumn('receiver_name', 'text')
    .addColumn('proof_note', 'text')
    .addColumn('done_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ajib_tasks_day').on('ajib_tasks').columns(['planned_date', 'officer_name']).execute();
  await db.schema.createIndex('ajib_tasks_permit').on('ajib_tasks').column('permit_id').execute();
}
