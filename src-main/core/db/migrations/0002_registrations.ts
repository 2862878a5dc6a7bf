import { sql, type Kysely } from 'kysely';

// Frozen once released. Members (pelaku usaha), their businesses (usaha), the dated
// recovery/digitalisation records, the 7P stages as data, and the office's sequences.
export async function up(db: Kysely<any>): Promise<void> {
  // Counters that never hand out a value twice (member numbers, permit numbers...). A value
  // taken inside a transaction that rolls back is given back with it, so there are no gaps.
  await db.schema
    .createTable('sequences')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sequences_pk', ['name', 'scope'])
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_no', 'text', (c) => c.notNull().unique())
    .addColumn('nik', 'text', (c) => c.notNull().unique())
    // The NIK reversed, so "last digits of the NIK" is an indexed prefix search.
    .addColumn('nik_rev', 'text', (c) => c.notNull())
    .addColumn('kk', 'text')
    .addColumn('full_name', 'text', (c) => c.notNull())
    // Normalised name (old spellings mapped, lower case) for sorting, duplicate checks and search.
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('birth_place', 'text')
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull().check(sql`gender in ('L', 'P')`))
    .addColumn('education', 'text')
    .addColumn('address_street', 'text', (c) => c.notNull())
    .addColumn('rt', 'text')
    .addColumn('rw', 'text')
    .addColumn('kelurahan_kode', 'text', (c) => c.notNull().references('regions.kode'))
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('target_group', 'text', (c) =>
      c.notNull().check(sql`target_group in ('pemula', 'naik_kelas', 'pencari_kerja', 'keluarga_miskin', 'disabilitas')`),
    )
    .addColumn('skpd', 'text', (c) => c.notNull().check(sql`skpd in ('ppkukm_ukm', 'ppkukm_ikm', 'sosial', 'parekraf', 'nakertransgi', 'ppapp', 'kpkp')`))
    .addColumn('pendamping_id', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('aktif')
        .check(sql`status in ('aktif', 'nonaktif')`),
    )
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('members_name').on('members').columns(['name_key', 'id']).execute();
  await db.schema.createIndex('members_name_birth').on('members').columns(['name_key', 'birth_date']).execute();
  await db.schema.createIndex('members_nik_rev').on('members').column('nik_rev').execute();
  await db.schema.createIndex('members_phone').on('members').column('phone').execute();
  await db.schema.createIndex('members_kelurahan').on('members').columns(['kelurahan_kode', 'name_key']).execute();
  await db.schema.createIndex('members_registered').on('members').columns(['registered_on', 'id']).execute();
  await db.schema.createIndex('members_pendamping').on('members').column('pendamping_id').execute();

  await db.schema
    .createTable('businesses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('legal_form', 'text', (c) => c.notNull().check(sql`legal_form in ('perorangan', 'cv', 'firma', 'koperasi', 'pt', 'pt_perorangan', 'lainnya')`))
    .addColumn('kbli_versi', 'text', (c) => c.notNull())
    .addColumn('kbli_kode', 'text', (c) => c.notNull())
    .addColumn('products', 'text')
    .addColumn('address_street', 'text', (c) => c.notNull())
    .addColumn('kelurahan_kode', 'text', (c) => c.notNull().references('regions.kode'))
    .addColumn('postal_code', 'text')
    .addColumn('phone', 'text')
    .addColumn('start_date', 'text')
    .addColumn('place_status', 'text', (c) => c.check(sql`place_status in ('milik', 'sewa', 'pinjam')`))
    .addColumn('capital', 'integer', (c) => c.notNull().check(sql`capital >= 0`))
    .addColumn('monthly_turnover', 'integer', (c) => c.notNull().check(sql`monthly_turnover >= 0`))
    .addColumn('employees', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`employees >= 0`),
    )
    // Stored (computed by the PP 7/2021 rule on every write) so lists can filter on it in SQL.
    .addColumn('scale', 'text', (c) => c.notNull().check(sql`scale in ('mikro', 'kecil', 'menengah', 'besar')`))
    .addColumn('npwp', 'text')
    .addColumn('nib', 'text')
    .addColumn('halal_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('belum')
        .check(sql`halal_status in ('belum', 'proses', 'bersertifikat')`),
    )
    .addColumn('pirt_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('belum')
        .check(sql`pirt_status in ('belum', 'proses', 'terdaftar')`),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('aktif')
        .check(sql`status in ('aktif', 'tutup')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('businesses_kbli_fk', ['kbli_versi', 'kbli_kode'], 'kbli', ['versi', 'kode'])
    .execute();
  await db.schema.createIndex('businesses_member').on('businesses').column('member_id').execute();
  await db.schema.createIndex('businesses_name').on('businesses').column('name_key').execute();
  await db.schema.createIndex('businesses_kbli').on('businesses').columns(['kbli_kode', 'kelurahan_kode']).execute();

  // Dated records of how the pandemic hit a business and how far it went digital: reports
  // compare them over time to show who recovered and who adopted each channel.
  await db.schema
    .createTable('business_conditions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('recorded_on', 'text', (c) => c.notNull())
    .addColumn('closed_temporarily', 'integer', (c) => c.check(sql`closed_temporarily in (0, 1)`))
    .addColumn('loan_trouble', 'integer', (c) => c.check(sql`loan_trouble in (0, 1)`))
    .addColumn('turnover_drop_pct', 'integer', (c) => c.check(sql`turnover_drop_pct between 0 and 100`))
    .addColumn('recovered', 'integer', (c) => c.check(sql`recovered in (0, 1)`))
    .addColumn('sells_online', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`sells_online in (0, 1)`),
    )
    .addColumn('marketplace', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`marketplace in (0, 1)`),
    )
    .addColumn('social_media', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`social_media in (0, 1)`),
    )
    .addColumn('qris', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`qris in (0, 1)`),
    )
    .addColumn('eorder', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`eorder in (0, 1)`),
    )
    .addColumn('bookkeeping_app', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`bookkeeping_app in (0, 1)`),
    )
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('business_conditions_business').on('business_conditions').columns(['business_id', 'recorded_on']).execute();

  // The seven programme stages as data: labels and order can change without a code change.
  await db.schema
    .createTable('programme_stages')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('mandatory', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`mandatory in (0, 1)`),
    )
    .execute();
  const stages = [
    ['P1', 'Pendaftaran', 1, 1],
    ['P2', 'Pelatihan', 2, 0],
    ['P3', 'Pendampingan', 3, 0],
    ['P4', 'Perizinan', 4, 0],
    ['P5', 'Pemasaran', 5, 0],
    ['P6', 'Pelaporan Keuangan', 6, 0],
    ['P7', 'Permodalan', 7, 0],
  ] as const;
  await db
    .insertInto('programme_stages')
    .values(stages.map(([code, label, sort_order, mandatory]) => ({ code, label, sort_order, mandatory })))
    .execute();

  // Each member's progress per stage; stages are reached in any order.
  await db.schema
    .createTable('member_stages')
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('stage_code', 'text', (c) => c.notNull().references('programme_stages.code'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('proses', 'selesai')`))
    .addColumn('completed_on', 'text')
    .addColumn('evidence', 'text')
    // What recorded it: 'manual' or the feature event (registration, training, permit, order...).
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_stages_pk', ['member_id', 'stage_code'])
    .execute();
  await db.schema.createIndex('member_stages_stage').on('member_stages').columns(['stage_code', 'status', 'completed_on']).execute();

  // Full-text search over members (name, business names, products), keyed by the members
  // table's rowid. Contentless: the searchable text is written by the registration service.
  await sql`create virtual table members_fts using fts5(name, businesses, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`.execute(
    db,
  );

  // The list's other filters, each with the default sort behind it so a filtered page is an
  // index range read in order.
  await db.schema.createIndex('members_target').on('members').columns(['target_group', 'name_key', 'id']).execute();
  await db.schema.createIndex('members_skpd').on('members').columns(['skpd', 'name_key', 'id']).execute();
  await db.schema.createIndex('members_status').on('members').columns(['status', 'name_key', 'id']).execute();
  // The kelurahan's newest registrations first: the office's usual view of one kelurahan.
  await db.schema.createIndex('members_kelurahan_registered').on('members').columns(['kelurahan_kode', 'registered_on', 'id']).execute();
  await db.schema.createIndex('businesses_scale').on('businesses').columns(['scale', 'member_id']).execute();

  // The unfiltered member count, kept by triggers: counting 200,000 rows on every list page
  // would cost more than the page itself.
  await db.schema
    .createTable('member_totals')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('total', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into member_totals (id, total) values (1, 0)`.execute(db);
  await sql`create trigger members_count_insert after insert on members begin update member_totals set total = total + 1 where id = 1; end`.execute(db);
  await sql`create trigger members_count_delete after delete on members begin update member_totals set total = total - 1 where id = 1; end`.execute(db);

  // Imports from the offices' spreadsheets. importRun checks every row and stages the good
  // ones here; the rows are then written in batches, each batch in the transaction of one
  // members.importContinue call, so a cancel (between calls) never leaves half a batch.
  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('all_or_nothing', 'valid_only')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('berjalan', 'selesai', 'dibatalkan', 'ditolak')`))
    .addColumn('total_rows', 'integer', (c) => c.notNull())
    .addColumn('staged_rows', 'integer', (c) => c.notNull())
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('already_registered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invalid', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON array of { row, reason, values } for the report of rows not imported.
    .addColumn('problems', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_jobs_created').on('import_jobs').column('created_at').execute();
  await db.schema
    .createTable('import_rows')
    .addColumn('job_id', 'text', (c) => c.notNull().references('import_jobs.id'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    // The checked registration input of the row, as JSON.
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_rows_pk', ['job_id', 'row_no'])
    .execute();
}
