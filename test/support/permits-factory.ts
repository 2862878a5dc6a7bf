import type { TestApp } from './app';

let counter = 0;

/** A valid NIK for a birth date and gender (women: day + 40), region 3171 07. */
export function makeNik(birthDate: string, gender: 'L' | 'P', serial: number): string {
  const [y, m, d] = birthDate.split('-');
  const day = gender === 'P' ? Number(d) + 40 : Number(d);
  return `317107${String(day).padStart(2, '0')}${m}${y.slice(2)}${String(serial).padStart(4, '0')}`;
}

export interface FactoryMember {
  memberId: string;
  businessId: string;
  nik: string;
  fullName: string;
  businessName: string;
}

/**
 * A member with one business, inserted directly (the fields a registration would fill), for
 * permit tests that must not depend on the registration screens.
 */
export async function createMember(
  app: TestApp,
  opts: { fullName?: string; businessName?: string; capital?: number; nib?: string | null; scale?: 'mikro' | 'kecil' | 'menengah' } = {},
): Promise<FactoryMember> {
  counter += 1;
  const n = counter;
  const now = app.clock.nowIso();
  const birthDate = '1985-04-12';
  const nik = makeNik(birthDate, 'P', 1000 + n);
  const fullName = opts.fullName ?? `Siti Aminah ${n}`;
  const businessName = opts.businessName ?? `Warung Makan Bu Siti ${n}`;
  const memberId = `m-${n}-${Math.random().toString(36).slice(2, 8)}`;
  const businessId = `b-${n}-${Math.random().toString(36).slice(2, 8)}`;
  await app.db
    .insertInto('members')
    .values({
      id: memberId,
      member_no: `T${String(n).padStart(8, '0')}-${memberId.slice(-4)}`,
      nik,
      nik_rev: [...nik].reverse().join(''),
      kk: null,
      full_name: fullName,
      name_key: fullName.toLowerCase(),
      birth_place: 'Jakarta',
      birth_date: birthDate,
      gender: 'P',
      education: null,
      address_street: `Jl. Kebon Kacang Raya No. ${n}`,
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
      created_at: now,
      updated_at: now,
    })
    .execute();
  await app.db
    .insertInto('businesses')
    .values({
      id: businessId,
      member_id: memberId,
      name: businessName,
      name_key: businessName.toLowerCase(),
      legal_form: 'perorangan',
      kbli_versi: '2020',
      kbli_kode: '56103',
      products: 'Nasi rames, gorengan',
      address_street: `Jl. Kebon Kacang IX No. ${n}`,
      kelurahan_kode: '31.71.07.1006',
      postal_code: '10240',
      phone: '081234567890',
      start_date: '2020-01-01',
      place_status: 'milik',
      capital: opts.capital ?? 15_000_000,
      monthly_turnover: 9_000_000,
      employees: 2,
      scale: opts.scale ?? 'mikro',
      npwp: null,
      nib: opts.nib ?? null,
      halal_status: 'belum',
      pirt_status: 'belum',
      status: 'aktif',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { memberId, businessId, nik, fullName, businessName };
}

export const ALL_REQUIREMENTS_NON_BINAAN = ['pengantar_rtrw', 'ktp', 'kk', 'pas_foto', 'rekomendasi_lurah'];

/** Intake input for a fixed place of 12 m² in a residential zone, every requirement ticked. */
export function intakeInput(m: FactoryMember, extra: Record<string, unknown> = {}) {
  return {
    memberId: m.memberId,
    businessId: m.businessId,
    channel: 'loket',
    category: 'non_binaan',
    categoryRef: '123/REK/KBK/2026',
    locationType: 'menetap',
    floorAreaM2: 12,
    zone: 'permukiman',
    facility: 'Kios',
    requirements: ALL_REQUIREMENTS_NON_BINAAN,
    ...extra,
  };
}

export interface PermitActors {
  admin: string;
  loket: string;
  supervisor: string;
  petugas: string;
}

export async function setupActors(app: TestApp): Promise<PermitActors> {
  const admin = await app.setup();
  return {
    admin,
    loket: await app.userWithRole(admin, 'loket'),
    supervisor: await app.userWithRole(admin, 'supervisor'),
    petugas: await app.userWithRole(admin, 'petugas'),
  };
}

/** Takes a permit from intake to terbit; returns its id and number. */
export async function issuePermit(app: TestApp, actors: PermitActors, m?: FactoryMember) {
  const member = m ?? (await createMember(app));
  const { id } = await app.ok('permits.create', intakeInput(member), actors.loket);
  await app.ok('permits.transition', { id, to: 'diverifikasi' }, actors.loket);
  await app.ok('permits.transition', { id, to: 'disetujui' }, actors.supervisor);
  const issued = await app.ok('permits.transition', { id, to: 'terbit' }, actors.loket);
  return { id, number: issued.number as string, member };
}
