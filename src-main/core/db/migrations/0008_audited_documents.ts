import { sql, type Kysely } from 'kysely';

// Frozen once released. Documents and monthly figures that hold up when audited:
//  - training certificates get stored numbers from a per-year sequence (assigned at completion,
//    never changed or deleted), also for the trainings completed before this version;
//  - a 7P stage recorded by hand keeps the officer's date and evidence beside the stage row, so
//    the stage can follow its records (earliest first) without losing what the officer wrote;
//  - e-order documents keep what their first print said, so a reprint repeats it;
//  - closed months keep their signed summary package.
// The formatting below is a frozen copy of the default certificate number template
// ('{seq:4}/SERT-P2/{kecamatan}/{bulan_romawi}/{tahun}'): later changes to the template code
// must not change what this migration wrote.

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('training_certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('training_id', 'text', (c) => c.notNull().references('trainings.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq > 0`))
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('copies_printed', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`copies_printed >= 0`),
    )
    .addColumn('revoked_on', 'text')
    .addColumn('revoke_reason', 'text')
    .addColumn('revoked_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('training_certificates_member', ['training_id', 'member_id'])
    .addUniqueConstraint('training_certificates_seq', ['year', 'seq'])
    .execute();
  await db.schema.createIndex('training_certificates_by_member').on('training_certificates').column('member_id').execute();
  // What a certificate says is fixed once it is issued: only the print count and a revocation change.
  await sql`create trigger training_certificates_fixed before update on training_certificates
    when new.number is not old.number or new.year is not old.year or new.seq is not old.seq or new.issued_on is not old.issued_on
      or new.training_id is not old.training_id or new.member_id is not old.member_id
    begin select raise(abort, 'training certificate numbers never change'); end`.execute(db);
  await sql`create trigger training_certificates_no_delete before delete on training_certificates
    begin select raise(abort, 'training certificates are never deleted'); end`.execute(db);

  await backfillTrainingCertificates(db);

  // The officer's own record of a stage, kept apart from the stage's current date and evidence.
  await sql`alter table member_stages add column manual_on text`.execute(db);
  await sql`alter table member_stages add column manual_evidence text`.execute(db);
  await sql`alter table member_stages add column manual_by text references users(id)`.execute(db);
  await sql`update member_stages set manual_on = completed_on, manual_evidence = evidence, manual_by = recorded_by where source = 'manual'`.execute(db);

  // The first print of each e-order document: its date and its content as printed.
  await db.schema
    .createTable('order_document_prints')
    .addColumn('assignment_id', 'text', (c) => c.notNull().references('order_assignments.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('po', 'bast', 'invoice')`))
    .addColumn('document_date', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('copies', 'integer', (c) => c.notNull().check(sql`copies >= 1`))
    .addColumn('first_printed_at', 'text', (c) => c.notNull())
    .addColumn('first_printed_by', 'text', (c) => c.references('users.id'))
    .addColumn('last_printed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('order_document_prints_pk', ['assignment_id', 'kind'])
    .execute();
  await sql`create trigger order_document_prints_fixed before update on order_document_prints
    when new.content is not old.content or new.document_date is not old.document_date or new.first_printed_at is not old.first_printed_at
    begin select raise(abort, 'a printed document never changes'); end`.execute(db);
  await sql`create trigger order_document_prints_no_delete before delete on order_document_prints
    begin select raise(abort, 'printed documents are never deleted'); end`.execute(db);

  // Closed months: the signed summary package as it was reported upward. Append-only.
  await db.schema
    .createTable('month_closings')
    .addColumn('month', 'text', (c) => c.primaryKey().check(sql`month glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]'`))
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('format_version', 'integer', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('package', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
  await sql`create trigger month_closings_no_update before update on month_closings
    begin select raise(abort, 'a closed month never changes'); end`.execute(db);
  await sql`create trigger month_closings_no_delete before delete on month_closings
    begin select raise(abort, 'a closed month never changes'); end`.execute(db);
}

/**
 * Numbers for the graduates of trainings completed before this version: in order of completion,
 * then by name, per year of completion; the sequence continues from there.
 */
export async function backfillTrainingCertificates(db: Kysely<any>): Promise<void> {
  const office = (await sql<{ kecamatan_kode: string }>`select kecamatan_kode from office limit 1`.execute(db)).rows.at(0);
  if (!office) return;
  const graduates = (
    await sql<{ training_id: string; member_id: string; completed_on: string; updated_at: string }>`
      select t.id as training_id, e.member_id, t.completed_on, t.updated_at
      from trainings t
      join training_enrolments e on e.training_id = t.id and e.completed = 1
      join members m on m.id = e.member_id
      where t.status = 'selesai' and t.completed_on is not null
      order by t.completed_on, t.starts_at, t.id, m.name_key, m.id`.execute(db)
  ).rows;
  const seqByYear = new Map<number, number>();
  for (const [i, g] of graduates.entries()) {
    const year = Number(g.completed_on.slice(0, 4));
    const month = Number(g.completed_on.slice(5, 7));
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    const number = `${String(seq).padStart(4, '0')}/SERT-P2/${office.kecamatan_kode}/${ROMAN[month - 1]}/${year}`;
    // Ids of backfilled rows only need to be unique and stable; they sort before new UUIDv7 ids.
    const id = `00000000-0000-7000-8000-${String(i + 1).padStart(12, '0')}`;
    // created_at: when the completion was recorded, the moment the number was in effect given.
    await sql`insert into training_certificates (id, training_id, member_id, number, year, seq, issued_on, copies_printed, created_at)
      values (${id}, ${g.training_id}, ${g.member_id}, ${number}, ${year}, ${seq}, ${g.completed_on}, 0, ${g.updated_at})`.execute(db);
  }
  for (const [year, value] of seqByYear) {
    await sql`insert into sequences (name, scope, value) values ('training_certificate', ${String(year)}, ${value})
      on conflict (name, scope) do update set value = max(value, excluded.value)`.execute(db);
  }
}
