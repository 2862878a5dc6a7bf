// Row types of the database, composed from the features that own the tables. Column types
// are the portable ones: ids and timestamps as text, money as integer rupiah, booleans 0/1.
import type { Generated } from 'kysely';
import type { RegistrationTables } from '../../features/registrations/tables';
import type { PermitTables } from '../../features/permits/tables';
import type { ProgrammeTables } from '../../features/programme/tables';
import type { OrderTables } from '../../features/orders/tables';
import type { ReportTables } from '../../features/reports/tables';

export type Role = 'admin' | 'supervisor' | 'petugas' | 'loket';
export type Bool01 = 0 | 1;

export interface OfficeTable {
  id: string;
  name: string;
  province_label: string;
  kota_kode: string;
  kecamatan_kode: string;
  address: string;
  postal_code: string | null;
  phone: string | null;
  email: string | null;
  /** JSON array of letterhead lines, top to bottom. */
  letterhead_lines: string;
  signatory_name: string;
  signatory_title: string;
  signatory_nip: string;
  yearly_target: number;
  key_id: string;
  public_key: string;
  private_key: string;
  created_at: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  full_name: string;
  role: Role;
  is_pendamping: Generated<Bool01>;
  nip: string | null;
  phone: string | null;
  password_hash: string;
  must_change_password: Generated<Bool01>;
  active: Generated<Bool01>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  username: string | null;
  method: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  /** Position in the hash chain (core/audit/chain.ts), from 1. */
  seq: number;
  prev_hash: string;
  hash: string;
}

export interface AuditCheckpointsTable {
  id: string;
  /** The chain position signed. */
  seq: number;
  at: string;
  reason: 'periodic' | 'backup' | 'restore';
  key_id: string;
  /** JPD1 signed text (core/signing.ts) of { t: 'audit-checkpoint', seq, hash, at, reason }. */
  signed: string;
}

export interface LoginThrottleTable {
  subject: string;
  address: string;
  failures: number;
  last_failure_at: string;
  next_allowed_at: string | null;
  locked_until: string | null;
}

export interface RegionsTable {
  kode: string;
  nama: string;
  level: 'provinsi' | 'kota' | 'kecamatan' | 'kelurahan';
  parent_kode: string | null;
}

export interface KbliTable {
  versi: string;
  kode: string;
  judul: string;
  level: string;
  parent_kode: string | null;
  kategori: string;
}

/** The postal code of each kelurahan the office serves; business addresses take it by default. */
export interface KelurahanPostalCodesTable {
  kelurahan_kode: string;
  postal_code: string;
  updated_by: string | null;
  updated_at: string;
}

export interface ReferenceVersionsTable {
  name: string;
  checksum: string;
  loaded_at: string;
}

export interface CoreTables {
  office: OfficeTable;
  settings: SettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  audit_checkpoints: AuditCheckpointsTable;
  login_throttle: LoginThrottleTable;
  regions: RegionsTable;
  kbli: KbliTable;
  reference_versions: ReferenceVersionsTable;
  kelurahan_postal_codes: KelurahanPostalCodesTable;
}

// One line per feature that owns tables.
export interface DB extends CoreTables, RegistrationTables, PermitTables, ProgrammeTables, OrderTables, ReportTables {}
