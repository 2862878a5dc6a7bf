import { sql, type Kysely } from 'kysely';

// Frozen once released. Programme 7P facilities: trainings (P2) with enrolment, waiting list
// and attendance; mentoring visits (P3); monthly turnover reports (P6); capital referrals (P7).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('trainings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('topic', 'text', (c) => c.notNull())
    // Instants as ISO-8601 UTC; the screens show them in WIB.
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('online', 'offline')`))
    .addColumn('place', 'text')
    .addColumn('link', 'text')
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
    .addColumn('trainer', 'text', (c) => c.notNull())
    .addColumn('skpd', 'text', (c) => c.notNull().check(sql`skpd in ('ppkukm_ukm', 'ppkukm_ikm', 'sosial', 'parekraf', 'nakertransgi', 'ppapp', 'kpkp')`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('terjadwal')
        .check(sql`status in ('terjadwal', 'selesai', 'dibatalkan')`),
    )
    .addColumn('completed_on', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trainings_starts').on('trainings').columns(['starts_at', 'id']).execute();
  await db.schema.createIndex('trainings_status').on('trainings').columns(['status', 'starts_at']).execute();

  // One row per member per training. 'terdaftar' holds a seat; 'menunggu' waits in the order of
  // waitlist_pos; 'mundur' has withdrawn and frees the seat for the first waiting member.
  await db.schema
    .createTable('training_enrolments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('training_id', 'text', (c) => c.notNull().references('trainings.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('terdaftar', 'menunggu', 'mundur')`))
    .addColumn('waitlist_pos', 'integer')
    .addColumn('attended', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`attended in (0, 1)`),
    )
    .addColumn('completed', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`completed in (0, 1)`),
    )
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('training_enrolments_member', ['training_id', 'member_id'])
    .execute();
  await db.schema.createIndex('training_enrolments_status').on('training_enrolments').columns(['training_id', 'status', 'waitlist_pos']).execute();
  await db.schema.createIndex('training_enrolments_by_member').on('training_enrolments').column('member_id').execute();

  await db.schema
    .createTable('mentoring_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('pendamping_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('follow_up', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mentoring_visits_member').on('mentoring_visits').columns(['member_id', 'visited_on']).execute();
  await db.schema.createIndex('mentoring_visits_pendamping').on('mentoring_visits').columns(['pendamping_id', 'visited_on']).execute();

  // Monthly figures per business, one row per business and month ('YYYY-MM').
  await db.schema
    .createTable('turnover_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('turnover', 'integer', (c) => c.notNull().check(sql`turnover >= 0`))
    // A loss is a negative profit.
    .addColumn('profit', 'integer')
    .addColumn('employees', 'integer', (c) => c.check(sql`employees >= 0`))
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('turnover_reports_month', ['business_id', 'month'])
    .execute();
  await db.schema.createIndex('turnover_reports_month_idx').on('turnover_reports').columns(['month', 'business_id']).execute();
  await db.schema.createIndex('turnover_reports_member').on('turnover_reports').columns(['member_id', 'month']).execute();

  await db.schema
    .createTable('financing_referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('bank_dki', 'fintech', 'pegadaian', 'koperasi')`))
    .addColumn('institution', 'text', (c) => c.notNull())
    .addColumn('product', 'text')
    .addColumn('amount_requested', 'integer', (c) => c.notNull().check(sql`amount_requested > 0`))
    .addColumn('amount_approved', 'integer', (c) => c.check(sql`amount_approved >= 0`))
    .addColumn('amount_disbursed', 'integer', (c) => c.check(sql`amount_disbursed >= 0`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('diajukan', 'disetujui', 'ditolak', 'dicairkan')`))
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text')
    .addColumn('disbursed_on', 'text')
    .addColumn('bankable', 'integer', (c) => c.notNull().check(sql`bankable in (0, 1)`))
    // The bankability check as it stood when the referral was made (JSON).
    .addColumn('checks', 'text', (c) => c.notNull())
    .addColumn('override_reason', 'text')
    .addColumn('override_by', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('financing_referrals_status').on('financing_referrals').columns(['status', 'submitted_on']).execute();
  await db.schema.createIndex('financing_referrals_member').on('financing_referrals').column('member_id').execute();
}
