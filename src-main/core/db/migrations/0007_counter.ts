import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

// Frozen once released. The counter's certificate rules:
// - the postal code of each kelurahan the office serves (entered once in Pengaturan), which a
//   business address takes when it has none of its own;
// - on each permit: the postal code printed on its certificate, the short verification code a
//   person can read out on the phone, when the clerk confirmed that the original printed well,
//   and whether a revocation was a replacement (by an NIB or a new permit);
// - every print of a certificate and its outcome (a paper jam is reported, not hidden).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kelurahan_postal_codes')
    .addColumn('kelurahan_kode', 'text', (c) => c.primaryKey().references('regions.kode'))
    .addColumn('postal_code', 'text', (c) => c.notNull().check(sql`length(postal_code) = 5 and postal_code not glob '*[^0-9]*'`))
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('permits').addColumn('postal_code', 'text').execute();
  await db.schema.alterTable('permits').addColumn('verification_code', 'text').execute();
  await db.schema.alterTable('permits').addColumn('original_confirmed_at', 'text').execute();
  await db.schema
    .alterTable('permits')
    .addColumn('original_confirmed_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .alterTable('permits')
    .addColumn('revoked_kind', 'text', (c) => c.check(sql`revoked_kind in ('dicabut', 'diganti')`))
    .execute();
  await db.schema.createIndex('permits_verification_code').on('permits').column('verification_code').unique().execute();
  // The work queues page each status oldest first with the id as tie-breaker: all from the index.
  await db.schema.dropIndex('permits_status').execute();
  await db.schema.createIndex('permits_status').on('permits').columns(['status', 'submitted_at', 'id']).execute();

  await db.schema
    .createTable('permit_prints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('permit_id', 'text', (c) => c.notNull().references('permits.id'))
    // asli: the original (no SALINAN mark); salinan: a copy after the original was confirmed.
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('asli', 'salinan')`))
    // A print, or the clerk's report on the last one: good (berhasil) or failed (gagal).
    .addColumn('event', 'text', (c) => c.notNull().check(sql`event in ('dicetak', 'berhasil', 'gagal')`))
    .addColumn('note', 'text')
    .addColumn('by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('by_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('permit_prints_permit').on('permit_prints').columns(['permit_id', 'at']).execute();
  await sql`create trigger permit_prints_no_update before update on permit_prints begin select raise(abort, 'permit_prints is append-only'); end`.execute(db);
  await sql`create trigger permit_prints_no_delete before delete on permit_prints begin select raise(abort, 'permit_prints is append-only'); end`.execute(db);

  // Existing permits keep what their certificates already showed.
  await sql`update permits set postal_code = (select b.postal_code from businesses b where b.id = permits.business_id)`.execute(db);
  // Printed before this version: those prints counted as originals, so later ones stay copies.
  await sql`update permits set original_confirmed_at = updated_at where copies_printed > 0`.execute(db);
  const issued = await db.selectFrom('permits').select('id').where('number', 'is not', null).execute();
  const used = new Set<string>();
  for (const row of issued) {
    let code: string;
    do code = randomVerificationCode();
    while (used.has(code));
    used.add(code);
    await db.updateTable('permits').set({ verification_code: code }).where('id', '=', row.id).execute();
  }
}

// Frozen copy of the rule at the time of this migration (the live one is in the permits feature).
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
function randomVerificationCode(): string {
  const bytes = randomBytes(12);
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}
