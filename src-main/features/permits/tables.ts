import type { Bool01 } from '../../core/db/schema';
import type { PermitStatus } from './rules/transitions';

export type PermitChannel = 'loket' | 'ajib' | 'pendamping' | 'online';
export type PermitCategory = 'binaan' | 'non_binaan';
export type PermitLocationType = 'menetap' | 'rumah' | 'berkeliling';

export interface PermitsTable {
  id: string;
  member_id: string;
  business_id: string;
  channel: PermitChannel;
  category: PermitCategory;
  category_ref: string | null;
  location_type: PermitLocationType;
  floor_area_m2: number | null;
  plot_area_m2: number | null;
  designated_location: Bool01 | null;
  zone: string | null;
  facility: string | null;
  /** JSON array of ticked requirement codes. */
  requirements: string;
  status: PermitStatus;
  number: string | null;
  number_year: number | null;
  number_seq: number | null;
  issued_on: string | null;
  valid_until: string | null;
  nib: string | null;
  decision_reason: string | null;
  revoked_reason: string | null;
  revoked_on: string | null;
  copies_printed: number;
  /** Postal code of the business address as printed on the certificate (taken at intake). */
  postal_code: string | null;
  /** Short code under the QR, read out on the phone to check a certificate (given at issuance). */
  verification_code: string | null;
  /** When the clerk confirmed that the original printed well; later prints are SALINAN. */
  original_confirmed_at: string | null;
  original_confirmed_by: string | null;
  /** dicabut: revoked; diganti: no longer valid because an NIB or a new permit replaced it. */
  revoked_kind: 'dicabut' | 'diganti' | null;
  note: string | null;
  submitted_at: string;
  status_at: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PermitEventsTable {
  id: string;
  permit_id: string;
  from_status: PermitStatus | null;
  to_status: PermitStatus;
  by_user_id: string | null;
  by_name: string | null;
  by_role: string | null;
  at: string;
  note: string | null;
  receiver_name: string | null;
  delivery_channel: 'loket' | 'ajib' | null;
}

export interface PermitNumberLogTable {
  number: string;
  year: number;
  seq: number;
  permit_id: string;
  issued_at: string;
  issued_by: string | null;
  voided_at: string | null;
  void_reason: string | null;
}

export type PermitPrintKind = 'asli' | 'salinan';
export type PermitPrintEvent = 'dicetak' | 'berhasil' | 'gagal';

/** Every print of a certificate and the clerk's report on it. Append-only. */
export interface PermitPrintsTable {
  id: string;
  permit_id: string;
  kind: PermitPrintKind;
  event: PermitPrintEvent;
  note: string | null;
  by_user_id: string | null;
  by_name: string | null;
  at: string;
}

export interface HolidaysTable {
  date: string;
  name: string;
  created_at: string;
  updated_at: string;
}

export type AjibKind = 'pickup' | 'delivery';
export type AjibStatus = 'rencana' | 'selesai' | 'batal';

export interface AjibTasksTable {
  id: string;
  permit_id: string;
  kind: AjibKind;
  officer_name: string;
  address: string;
  planned_date: string;
  status: AjibStatus;
  receiver_name: string | null;
  proof_note: string | null;
  done_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PermitTables {
  permits: PermitsTable;
  permit_events: PermitEventsTable;
  permit_number_log: PermitNumberLogTable;
  permit_prints: PermitPrintsTable;
  holidays: HolidaysTable;
  ajib_tasks: AjibTasksTable;
}
