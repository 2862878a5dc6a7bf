import type { Bool01 } from '../../core/db/schema';
import type { Skpd } from '../registrations';

export type TrainingMode = 'online' | 'offline';
export type TrainingStatus = 'terjadwal' | 'selesai' | 'dibatalkan';
export type EnrolmentStatus = 'terdaftar' | 'menunggu' | 'mundur';
export type FinancingChannel = 'bank_dki' | 'fintech' | 'pegadaian' | 'koperasi';
export type FinancingStatus = 'diajukan' | 'disetujui' | 'ditolak' | 'dicairkan';

export interface TrainingsTable {
  id: string;
  topic: string;
  starts_at: string;
  ends_at: string;
  mode: TrainingMode;
  place: string | null;
  link: string | null;
  capacity: number;
  trainer: string;
  skpd: Skpd;
  status: TrainingStatus;
  completed_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TrainingEnrolmentsTable {
  id: string;
  training_id: string;
  member_id: string;
  status: EnrolmentStatus;
  waitlist_pos: number | null;
  attended: Bool01;
  completed: Bool01;
  enrolled_at: string;
  updated_at: string;
}

export interface MentoringVisitsTable {
  id: string;
  member_id: string;
  pendamping_id: string;
  visited_on: string;
  topic: string;
  notes: string | null;
  follow_up: string | null;
  created_by: string | null;
  created_at: string;
}

export interface TurnoverReportsTable {
  id: string;
  business_id: string;
  member_id: string;
  month: string;
  turnover: number;
  profit: number | null;
  employees: number | null;
  recorded_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface FinancingReferralsTable {
  id: string;
  member_id: string;
  business_id: string;
  channel: FinancingChannel;
  institution: string;
  product: string | null;
  amount_requested: number;
  amount_approved: number | null;
  amount_disbursed: number | null;
  status: FinancingStatus;
  submitted_on: string;
  decided_on: string | null;
  disbursed_on: string | null;
  bankable: Bool01;
  checks: string;
  override_reason: string | null;
  override_by: string | null;
  note: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A graduate's certificate: its number is assigned once, at completion, and never changes. */
export interface TrainingCertificatesTable {
  id: string;
  training_id: string;
  member_id: string;
  number: string;
  year: number;
  seq: number;
  /** 'YYYY-MM-DD': the day the training was completed, printed on the certificate. */
  issued_on: string;
  copies_printed: number;
  revoked_on: string | null;
  revoke_reason: string | null;
  revoked_by: string | null;
  created_at: string;
}

export interface ProgrammeTables {
  trainings: TrainingsTable;
  training_enrolments: TrainingEnrolmentsTable;
  mentoring_visits: MentoringVisitsTable;
  turnover_reports: TurnoverReportsTable;
  financing_referrals: FinancingReferralsTable;
  training_certificates: TrainingCertificatesTable;
}
