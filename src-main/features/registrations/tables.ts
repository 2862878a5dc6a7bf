import type { Bool01 } from '../../core/db/schema';

export type Gender = 'L' | 'P';
export type TargetGroup = 'pemula' | 'naik_kelas' | 'pencari_kerja' | 'keluarga_miskin' | 'disabilitas';
export type Skpd = 'ppkukm_ukm' | 'ppkukm_ikm' | 'sosial' | 'parekraf' | 'nakertransgi' | 'ppapp' | 'kpkp';
export type LegalForm = 'perorangan' | 'cv' | 'firma' | 'koperasi' | 'pt' | 'pt_perorangan' | 'lainnya';
export type ScaleClass = 'mikro' | 'kecil' | 'menengah' | 'besar';

export interface SequencesTable {
  name: string;
  scope: string;
  value: number;
}

export interface MembersTable {
  id: string;
  member_no: string;
  nik: string;
  nik_rev: string;
  kk: string | null;
  full_name: string;
  name_key: string;
  birth_place: string | null;
  birth_date: string;
  gender: Gender;
  education: string | null;
  address_street: string;
  rt: string | null;
  rw: string | null;
  kelurahan_kode: string;
  phone: string | null;
  email: string | null;
  target_group: TargetGroup;
  skpd: Skpd;
  pendamping_id: string | null;
  status: 'aktif' | 'nonaktif';
  registered_on: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface BusinessesTable {
  id: string;
  member_id: string;
  name: string;
  name_key: string;
  legal_form: LegalForm;
  kbli_versi: string;
  kbli_kode: string;
  products: string | null;
  address_street: string;
  kelurahan_kode: string;
  postal_code: string | null;
  phone: string | null;
  start_date: string | null;
  place_status: 'milik' | 'sewa' | 'pinjam' | null;
  capital: number;
  monthly_turnover: number;
  employees: number;
  scale: ScaleClass;
  npwp: string | null;
  nib: string | null;
  halal_status: 'belum' | 'proses' | 'bersertifikat';
  pirt_status: 'belum' | 'proses' | 'terdaftar';
  status: 'aktif' | 'tutup';
  created_at: string;
  updated_at: string;
}

export interface BusinessConditionsTable {
  id: string;
  business_id: string;
  recorded_on: string;
  closed_temporarily: Bool01 | null;
  loan_trouble: Bool01 | null;
  turnover_drop_pct: number | null;
  recovered: Bool01 | null;
  sells_online: Bool01;
  marketplace: Bool01;
  social_media: Bool01;
  qris: Bool01;
  eorder: Bool01;
  bookkeeping_app: Bool01;
  note: string | null;
  recorded_by: string | null;
  created_at: string;
}

export interface ProgrammeStagesTable {
  code: string;
  label: string;
  sort_order: number;
  mandatory: Bool01;
}

export interface MemberStagesTable {
  member_id: string;
  stage_code: string;
  status: 'proses' | 'selesai';
  completed_on: string | null;
  evidence: string | null;
  source: string;
  source_id: string | null;
  recorded_by: string | null;
  recorded_at: string;
  /** The officer's own record (stages.record), kept when a record with an earlier date takes over. */
  manual_on: string | null;
  manual_evidence: string | null;
  manual_by: string | null;
}

export interface MemberTotalsTable {
  id: number;
  total: number;
}

/** The members' name order by rowid, kept by triggers (see migration 0007): sorts name searches. */
export interface MemberNameOrderTable {
  rid: number;
  name_key: string;
  id: string;
}

export interface ImportJobsTable {
  id: string;
  file_name: string;
  mode: 'all_or_nothing' | 'valid_only';
  status: 'berjalan' | 'selesai' | 'dibatalkan' | 'ditolak';
  total_rows: number;
  staged_rows: number;
  processed_rows: number;
  inserted: number;
  already_registered: number;
  invalid: number;
  problems: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImportRowsTable {
  job_id: string;
  row_no: number;
  data: string;
}

export interface RegistrationTables {
  sequences: SequencesTable;
  members: MembersTable;
  businesses: BusinessesTable;
  business_conditions: BusinessConditionsTable;
  programme_stages: ProgrammeStagesTable;
  member_stages: MemberStagesTable;
  member_totals: MemberTotalsTable;
  member_name_order: MemberNameOrderTable;
  import_jobs: ImportJobsTable;
  import_rows: ImportRowsTable;
}
