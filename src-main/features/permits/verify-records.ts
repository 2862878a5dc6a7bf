import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema';
import type { CertificateRecord } from './verify';
import type { PermitsTable } from './tables';

/** The register row of an IUMK by its number, with the holder's NIK (one query, app and CLI alike). */
export function permitRecordQuery(db: Kysely<DB> | Transaction<DB>, number: string) {
  return db.selectFrom('permits as p').innerJoin('members as m', 'm.id', 'p.member_id').selectAll('p').select('m.nik as holder_nik').where('p.number', '=', number);
}

type RecordRow = Partial<Selectable<PermitsTable>> & Pick<Selectable<PermitsTable>, 'status'> & { holder_nik: string };

/** The verifier's view of a register row. Columns of later versions may be missing in an older database. */
export function toCertificateRecord(row: RecordRow): CertificateRecord {
  const ended = row.status === 'dicabut';
  const replaced = ended && row.revoked_kind === 'diganti';
  return {
    status: replaced ? 'diganti' : ended ? 'dicabut' : row.status === 'terbit' || row.status === 'diserahkan' ? 'aktif' : 'belum_terbit',
    validUntil: row.valid_until ?? null,
    endedOn: ended ? (row.revoked_on ?? null) : null,
    endReason: ended ? (row.revoked_reason ?? null) : null,
    holderNik: row.holder_nik,
  };
}
