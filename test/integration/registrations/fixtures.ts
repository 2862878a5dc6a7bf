import type { TestApp } from '../../support/app';

/** A NIK that agrees with the birth date and gender (women: day + 40). */
export function nikFor(birthDate: string, gender: 'L' | 'P', serial: number, region = '317107'): string {
  const [y, m, d] = birthDate.split('-');
  const day = Number(d) + (gender === 'P' ? 40 : 0);
  return `${region}${String(day).padStart(2, '0')}${m}${y.slice(2)}${String(serial).padStart(4, '0')}`;
}

export function business(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Warung Nasi Uduk Bu Siti',
    legalForm: 'perorangan',
    kbliKode: '56102',
    products: 'Nasi uduk, lauk pauk',
    addressStreet: 'Jl. Kebon Kacang Raya No. 12',
    kelurahanKode: '31.71.07.1006',
    capital: 15_000_000,
    monthlyTurnover: 12_000_000,
    employees: 2,
    ...overrides,
  };
}

let serial = 1;
export function member(overrides: Record<string, unknown> = {}) {
  const birthDate = (overrides.birthDate as string | undefined) ?? '1985-04-12';
  const gender = (overrides.gender as 'L' | 'P' | undefined) ?? 'P';
  return {
    nik: nikFor(birthDate, gender, serial++),
    fullName: 'Siti Aminah',
    birthPlace: 'Jakarta',
    birthDate,
    gender,
    addressStreet: 'Jl. Kebon Kacang Raya No. 12',
    rt: '3',
    rw: '5',
    kelurahanKode: '31.71.07.1006',
    phone: '0812-3456-7890',
    targetGroup: 'pemula',
    skpd: 'ppkukm_ukm',
    businesses: [business()],
    ...overrides,
  };
}

export async function petugasApp(app: TestApp) {
  const admin = await app.setup();
  const petugas = await app.userWithRole(admin, 'petugas');
  const loket = await app.userWithRole(admin, 'loket');
  return { admin, petugas, loket };
}

export async function countOf(app: TestApp, table: 'members' | 'businesses' | 'audit_log' | 'member_stages') {
  const r = await app.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}
