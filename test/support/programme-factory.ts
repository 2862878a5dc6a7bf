// Members, businesses and pendamping for programme tests, written straight into the database
// (the registration screens have their own tests); users go through the API.
import type { App } from '../../src-main/app';
import type { TestApp } from './app';

export const KELURAHAN = { gelora: '31.71.07.1001', bendungan: '31.71.07.1002', kebonKacang: '31.71.07.1006' } as const;

let serial = 0;

export interface MemberSpec {
  fullName?: string;
  kelurahanKode?: string;
  pendampingId?: string | null;
  gender?: 'L' | 'P';
}

export interface BusinessSpec {
  name?: string;
  nib?: string | null;
  npwp?: string | null;
  startDate?: string | null;
  capital?: number;
  monthlyTurnover?: number;
}

function dbOf(app: App) {
  return app.db;
}

export async function insertMember(app: App, spec: MemberSpec = {}): Promise<{ id: string; fullName: string; memberNo: string }> {
  serial++;
  const id = `mem-${String(serial).padStart(5, '0')}-${Math.random().toString(36).slice(2, 8)}`;
  const fullName = spec.fullName ?? `Anggota Uji ${serial}`;
  const memberNo = `JP-0771-${String(serial).padStart(6, '0')}`;
  const nik = `317107${String(10 + (serial % 18)).padStart(2, '0')}0190${String(serial).padStart(4, '0')}`;
  const now = '2026-01-05T03:00:00.000Z';
  await dbOf(app)
    .insertInto('members')
    .values({
      id,
      member_no: memberNo,
      nik,
      nik_rev: [...nik].reverse().join(''),
      kk: null,
      full_name: fullName,
      name_key: fullName.toLowerCase(),
      birth_place: 'Jakarta',
      birth_date: '1990-01-10',
      gender: spec.gender ?? 'L',
      education: null,
      address_street: `Jl. Uji No. ${serial}`,
      rt: '001',
      rw: '002',
      kelurahan_kode: spec.kelurahanKode ?? KELURAHAN.gelora,
      phone: null,
      email: null,
      target_group: 'pemula',
      skpd: 'ppkukm_ukm',
      pendamping_id: spec.pendampingId ?? null,
      status: 'aktif',
      registered_on: '2026-01-05',
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, fullName, memberNo };
}

export async function insertBusiness(app: App, memberId: string, spec: BusinessSpec = {}): Promise<{ id: string; name: string }> {
  serial++;
  const id = `biz-${String(serial).padStart(5, '0')}-${Math.random().toString(36).slice(2, 8)}`;
  const name = spec.name ?? `Usaha Uji ${serial}`;
  const now = '2026-01-05T03:00:00.000Z';
  await dbOf(app)
    .insertInto('businesses')
    .values({
      id,
      member_id: memberId,
      name,
      name_key: name.toLowerCase(),
      legal_form: 'perorangan',
      kbli_versi: '2020',
      kbli_kode: '56103',
      products: 'Kue basah',
      address_street: 'Jl. Uji',
      kelurahan_kode: KELURAHAN.gelora,
      postal_code: null,
      phone: null,
      start_date: spec.startDate === undefined ? '2024-03-01' : spec.startDate,
      place_status: 'milik',
      capital: spec.capital ?? 5_000_000,
      monthly_turnover: spec.monthlyTurnover ?? 3_000_000,
      employees: 1,
      scale: 'mikro',
      npwp: spec.npwp === undefined ? null : spec.npwp,
      nib: spec.nib === undefined ? null : spec.nib,
      halal_status: 'belum',
      pirt_status: 'belum',
      status: 'aktif',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, name };
}

/** A member with one business. */
export async function insertMemberWithBusiness(app: App, member: MemberSpec = {}, business: BusinessSpec = {}) {
  const m = await insertMember(app, member);
  const b = await insertBusiness(app, m.id, business);
  return { member: m, business: b };
}

/** A petugas account with the pendamping duty; returns its id and a session token. */
export async function createPendamping(app: TestApp, adminToken: string, username: string, fullName = `Pendamping ${username}`) {
  const password = 'SandiAwal123';
  const user = await app.ok('users.create', { username, fullName, role: 'petugas', password, isPendamping: true }, adminToken);
  const token = await app.login(username, password);
  return { id: user.id as string, token, fullName };
}

export async function stageOf(app: App, memberId: string, stage: string) {
  return dbOf(app).selectFrom('member_stages').selectAll().where('member_id', '=', memberId).where('stage_code', '=', stage).executeTakeFirst();
}

/** Row counts of the programme's tables: to show a refused call changed nothing. */
export async function programmeCounts(app: App) {
  const tables = ['trainings', 'training_enrolments', 'mentoring_visits', 'turnover_reports', 'financing_referrals', 'member_stages'] as const;
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await dbOf(app).selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}
