// How the member history names what changed: every key an audit entry of a member, its
// businesses, conditions or 7P stages can carry is either labelled with the form's words or
// hidden (ids, who-recorded, internal markers). test/integration/registrations/history.test.ts
// records every kind of change and fails on a key that is neither, so no column name ever
// reaches the screen.
import type { MessageKey } from '../../app/i18n';

export const HIDDEN_KEYS = new Set([
  'id',
  'source',
  'revealed',
  'recorded_by',
  'pendamping_id',
  'source_id',
  'member_id',
  'business_id',
  'name_key',
  'created_at',
  'updated_at',
  'created_by',
  'recorded_at',
  'businesses',
  'manual_by',
  'npwpOf',
  'kbli_versi',
]);

// Stored codes in the catalogue's words: a history reads like the form, never like the table.
export const CODED: Partial<Record<string, string>> = {
  gender: 'reg.gender',
  target_group: 'reg.tg',
  skpd: 'reg.skpd',
  education: 'reg.edu',
  legal_form: 'reg.lf',
  scale: 'reg.scale',
  status: 'reg.status',
  place_status: 'reg.place',
  halal_status: 'reg.halal',
  pirt_status: 'reg.pirt',
};
/** A 7P stage's status is not a member's status. */
export const STAGE_CODED: Partial<Record<string, string>> = { ...CODED, status: 'reg.stageStatus' };
export const codedFor = (entity: string) => (entity === 'member_stages' ? STAGE_CODED : CODED);
export const MONEY = new Set(['capital', 'monthly_turnover']);
export const DATES = new Set(['birth_date', 'start_date', 'recorded_on', 'completed_on', 'manual_on', 'registered_on']);
export const YES_NO = new Set([
  'closed_temporarily',
  'loan_trouble',
  'recovered',
  'sells_online',
  'marketplace',
  'social_media',
  'qris',
  'eorder',
  'bookkeeping_app',
]);

export const METHOD_LABELS: Partial<Record<string, MessageKey>> = {
  'members.register': 'reg.h.register',
  'members.update': 'reg.h.update',
  'members.revealNik': 'reg.h.reveal',
  'members.importRun': 'reg.h.import',
  'members.importContinue': 'reg.h.import',
  'businesses.add': 'reg.h.businessAdd',
  'businesses.update': 'reg.h.businessUpdate',
  'members.save': 'reg.h.update',
  'businesses.recordCondition': 'reg.h.condition',
  'stages.record': 'reg.h.stage',
};

// Stored column names as the form's labels, so the history reads like the form.
export const FIELD_LABELS: Partial<Record<string, MessageKey>> = {
  member_no: 'reg.m.memberNo',
  nik: 'reg.f.nik',
  kk: 'reg.f.kk',
  full_name: 'reg.f.fullName',
  birth_place: 'reg.f.birthPlace',
  birth_date: 'reg.f.birthDate',
  gender: 'reg.f.gender',
  education: 'reg.f.education',
  address_street: 'reg.f.street',
  rt: 'reg.f.rt',
  rw: 'reg.f.rw',
  kelurahan_kode: 'reg.f.kelurahan',
  phone: 'reg.f.phone',
  email: 'reg.f.email',
  target_group: 'reg.f.targetGroup',
  skpd: 'reg.f.skpd',
  status: 'reg.f.status',
  name: 'reg.b.name',
  legal_form: 'reg.b.legalForm',
  kbli_kode: 'reg.b.kbli',
  products: 'reg.b.products',
  capital: 'reg.b.capital',
  monthly_turnover: 'reg.b.turnover',
  employees: 'reg.b.employees',
  scale: 'reg.b.scale',
  npwp: 'reg.b.npwp',
  nib: 'reg.b.nib',
  halal_status: 'reg.b.halal',
  pirt_status: 'reg.b.pirt',
  start_date: 'reg.b.startDate',
  place_status: 'reg.b.placeStatus',
  recorded_on: 'reg.c.recordedOn',
  turnover_drop_pct: 'reg.c.drop',
  closed_temporarily: 'reg.c.closed',
  loan_trouble: 'reg.c.loanTrouble',
  recovered: 'reg.c.recovered',
  sells_online: 'reg.c.sellsOnline',
  marketplace: 'reg.c.marketplace',
  social_media: 'reg.c.socialMedia',
  qris: 'reg.c.qris',
  eorder: 'reg.c.eorder',
  bookkeeping_app: 'reg.c.bookkeeping',
  memberNo: 'reg.m.memberNo',
  note: 'reg.c.note',
  stage_code: 'reg.s.stage',
  completed_on: 'reg.s.date',
  evidence: 'reg.s.evidence',
  manual_on: 'reg.s.manualOn',
  manual_evidence: 'reg.s.manualEvidence',
  postal_code: 'reg.b.postalCode',
  registered_on: 'reg.m.registeredOn',
};
