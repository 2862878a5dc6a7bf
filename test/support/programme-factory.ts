// Members, businesses and pendamping for programme tests, written straight into the database
// (the registration screens have their own tests); users go through the API.
import type { App } from '../../src-main/app';
import type { TestApp } from './app';
import { insertBusinessRow, insertMemberRow } from './members-factory';

export const KELURAHAN = { gelora: '31.71.07.1001', bendungan: '31.71.07.1002', kebonKacang: '31.71.07.1006' } as const;

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

export async function insertMember(app: App, spec: MemberSpec = {}): Promise<{ id: string; fullName: string; memberNo: string }> {
  const row = await insertMemberRow(app, {
    gender: spec.gender ?? 'L',
    birth_date: '1990-01-10',
    kelurahan_kode: spec.kelurahanKode ?? KELURAHAN.gelora,
    pendamping_id: spec.pendampingId ?? null,
    phone: null,
    ...(spec.fullName && { full_name: spec.fullName }),
  });
  return { id: row.id, fullName: row.full_name, memberNo: row.member_no };
}

export async function insertBusiness(app: App, memberId: string, spec: BusinessSpec = {}): Promise<{ id: string; name: string }> {
  const row = await insertBusinessRow(app, memberId, {
    kelurahan_kode: KELURAHAN.gelora,
    postal_code: null,
    phone: null,
    start_date: spec.startDate === undefined ? '2024-03-01' : spec.startDate,
    capital: spec.capital ?? 5_000_000,
    monthly_turnover: spec.monthlyTurnover ?? 3_000_000,
    npwp: spec.npwp ?? null,
    nib: spec.nib ?? null,
    ...(spec.name && { name: spec.name }),
  });
  return { id: row.id, name: row.name };
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
  await app.db.updateTable('users').set({ must_change_password: 0 }).where('id', '=', user.id).execute();
  const token = await app.login(username, password);
  return { id: user.id, token, fullName };
}

export async function stageOf(app: App, memberId: string, stage: string) {
  return app.db.selectFrom('member_stages').selectAll().where('member_id', '=', memberId).where('stage_code', '=', stage).executeTakeFirst();
}

/** Row counts of the programme's tables: to show a refused call changed nothing. */
export async function programmeCounts(app: App) {
  const tables = ['trainings', 'training_enrolments', 'mentoring_visits', 'turnover_reports', 'financing_referrals', 'member_stages'] as const;
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await app.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = r.n;
  }
  return out;
}
