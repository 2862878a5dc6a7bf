import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema';
import { trainingCertificateRecordQuery } from '../programme';
import type { CertificateRecord } from './verify';
import type { PermitsTable } from './tables';

type Db = Kysely<DB> | Transaction<DB>;

/** The register row of an IUMK by its number, with the holder's NIK (one query, app and CLI alike). */
export function permitRecordQuery(db: Db, number: string) {
  return db
    .selectFrom('permits as p')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .selectAll('p')
    .select('m.nik as holder_nik')
    .where('p.number', '=', number);
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

interface TrainingRow {
  revoked_on: string | null;
  revoke_reason: string | null;
  holder_nik: string;
}

/** A training certificate is in force from its issue until it is revoked. */
function trainingRecord(row: TrainingRow): CertificateRecord {
  return { status: row.revoked_on ? 'dicabut' : 'aktif', validUntil: null, endedOn: row.revoked_on, endReason: row.revoke_reason, holderNik: row.holder_nik };
}

/** Where each kind of certificate is registered: its table, the query for one number, and the verifier's view of the row. */
export const certificateRegisters = {
  IUMK: { table: 'permits', query: permitRecordQuery, toRecord: (row: unknown) => toCertificateRecord(row as RecordRow) },
  SERT: { table: 'training_certificates', query: trainingCertificateRecordQuery, toRecord: (row: unknown) => trainingRecord(row as TrainingRow) },
} as const satisfies Record<
  string,
  { table: string; query(db: Db, number: string): { compile(): { sql: string } }; toRecord(row: unknown): CertificateRecord }
>;

export type RegisteredKind = keyof typeof certificateRegisters;

export const isRegisteredKind = (kind: string): kind is RegisteredKind => Object.hasOwn(certificateRegisters, kind);

/** The office's register entry for a certificate of any registered kind. */
export async function findCertificateRecord(db: Db, kind: string, number: string): Promise<CertificateRecord | undefined> {
  if (!isRegisteredKind(kind)) return undefined;
  const register = certificateRegisters[kind];
  const row: unknown = await register.query(db, number).executeTakeFirst();
  return row ? register.toRecord(row) : undefined;
}
