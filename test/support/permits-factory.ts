import type { TestApp } from './app';
import { jakartaDay } from './clock';
import { insertBusinessRow, insertMemberRow } from './members-factory';

export { makeNik } from './members-factory';

let counter = 0;

export interface FactoryMember {
  memberId: string;
  businessId: string;
  nik: string;
  fullName: string;
  businessName: string;
}

/** A member with one food business in Kebon Kacang, registered today. */
export async function createMember(
  app: TestApp,
  opts: { fullName?: string; businessName?: string; capital?: number; nib?: string | null; scale?: 'mikro' | 'kecil' | 'menengah' } = {},
): Promise<FactoryMember> {
  const n = ++counter;
  const now = app.clock.nowIso();
  const m = await insertMemberRow(app, { created_at: now, registered_on: jakartaDay(app.clock), full_name: opts.fullName ?? `Siti Aminah ${n}` });
  const b = await insertBusinessRow(app, m.id, {
    created_at: now,
    name: opts.businessName ?? `Warung Makan Bu Siti ${n}`,
    kbli_kode: '56103',
    products: 'Nasi rames, gorengan',
    capital: opts.capital ?? 15_000_000,
    monthly_turnover: 9_000_000,
    scale: opts.scale ?? 'mikro',
    nib: opts.nib ?? null,
  });
  return { memberId: m.id, businessId: b.id, nik: m.nik, fullName: m.full_name, businessName: b.name };
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
  return { id, number: issued.number!, member };
}
