// Members and businesses written straight into the database, for the tests of features that
// build on them (permits, programme, e-order) and must not depend on the registration screens.
// Registration itself is tested through its API. Every row gets unique ids, NIK and number.
import type { Insertable } from 'kysely';
import type { App } from '../../src-main/app';
import type { BusinessesTable, MembersTable } from '../../src-main/features/registrations/tables';
import { refreshSearch } from '../../src-main/features/registrations/store';

let serial = 0;
const unique = () => `${String(++serial).padStart(5, '0')}-${Math.random().toString(36).slice(2, 8)}`;

/** A valid NIK for a birth date and gender (women: day + 40), region 3171 07. */
export function makeNik(birthDate: string, gender: 'L' | 'P', n: number): string {
  const [y, m, d] = birthDate.split('-');
  const day = gender === 'P' ? Number(d) + 40 : Number(d);
  return `317107${String(day).padStart(2, '0')}${m}${y.slice(2)}${String(n % 10000 || 1).padStart(4, '0')}`;
}

export type MemberRow = Insertable<MembersTable>;
export type BusinessRow = Insertable<BusinessesTable>;

export async function insertMemberRow(app: App, overrides: Partial<MemberRow> = {}): Promise<MemberRow> {
  const key = unique();
  const now = overrides.created_at ?? '2026-01-05T03:00:00.000Z';
  const gender = overrides.gender ?? 'P';
  const birthDate = overrides.birth_date ?? '1985-04-12';
  const nik = overrides.nik ?? makeNik(birthDate, gender, serial);
  const fullName = overrides.full_name ?? `Anggota Uji ${serial}`;
  const row: MemberRow = {
    id: `mem-${key}`,
    member_no: `UJI-${key}`,
    nik_rev: Array.from(nik).reverse().join(''),
    kk: null,
    name_key: fullName.toLowerCase(),
    birth_place: 'Jakarta',
    education: null,
    address_street: `Jl. Kebon Kacang Raya No. ${serial}`,
    rt: '003',
    rw: '005',
    kelurahan_kode: '31.71.07.1006',
    phone: '081234567890',
    email: null,
    target_group: 'pemula',
    skpd: 'ppkukm_ukm',
    pendamping_id: null,
    status: 'aktif',
    registered_on: now.slice(0, 10),
    created_by: null,
    updated_at: now,
    ...overrides,
    nik,
    full_name: fullName,
    gender,
    birth_date: birthDate,
    created_at: now,
  };
  await app.db.insertInto('members').values(row).execute();
  // Findable by name like a registered member (the members search reads the full-text index).
  await refreshSearch(app.db, row.id);
  return row;
}

export async function insertBusinessRow(app: App, memberId: string, overrides: Partial<BusinessRow> = {}): Promise<BusinessRow> {
  const key = unique();
  const now = overrides.created_at ?? '2026-01-05T03:00:00.000Z';
  const name = overrides.name ?? `Usaha Uji ${serial}`;
  const row: BusinessRow = {
    id: `biz-${key}`,
    member_id: memberId,
    name_key: name.toLowerCase(),
    legal_form: 'perorangan',
    kbli_versi: '2020',
    kbli_kode: '56103',
    products: 'Kue basah',
    address_street: `Jl. Kebon Kacang IX No. ${serial}`,
    kelurahan_kode: '31.71.07.1006',
    postal_code: '10240',
    phone: '081234567890',
    start_date: '2020-01-01',
    place_status: 'milik',
    capital: 5_000_000,
    monthly_turnover: 3_000_000,
    employees: 1,
    scale: 'mikro',
    npwp: null,
    nib: null,
    halal_status: 'belum',
    pirt_status: 'belum',
    status: 'aktif',
    updated_at: now,
    ...overrides,
    name,
    created_at: now,
  };
  await app.db.insertInto('businesses').values(row).execute();
  await refreshSearch(app.db, memberId);
  return row;
}
