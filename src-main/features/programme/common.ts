import { z } from 'zod';
import { badInput, notFound } from '../../core/api/errors';
import type { CallContext, Database } from '../../core/api/registry';
import { jakartaDate } from '../../core/clock';
import { getSetting } from '../../core/settings';
import { label } from '../../core/api/validation';
import type { Role } from '../../core/db/schema';
import type { Skpd } from '../registrations';
import { DEFAULT_BANKABILITY, type BankabilitySettings } from './rules/bankability';
import { DEFAULT_NAIK_KELAS, type NaikKelasSettings } from './rules/naik-kelas';
import { DEFAULT_CERTIFICATE_NUMBER_TEMPLATE } from './rules/certificate-number';

/** Staff who run the programme; the counter clerk does not. */
export const PROGRAMME_ROLES = ['admin', 'supervisor', 'petugas'] as const satisfies readonly Role[];

export const SKPD_CODES = ['ppkukm_ukm', 'ppkukm_ikm', 'sosial', 'parekraf', 'nakertransgi', 'ppapp', 'kpkp'] as const satisfies readonly Skpd[];

export const SKPD_LABELS: Record<Skpd, string> = {
  ppkukm_ukm: 'Dinas PPKUKM (UKM)',
  ppkukm_ikm: 'Dinas PPKUKM (IKM)',
  sosial: 'Dinas Sosial',
  parekraf: 'Dinas Pariwisata dan Ekonomi Kreatif',
  nakertransgi: 'Dinas Tenaga Kerja, Transmigrasi dan Energi',
  ppapp: 'Dinas PPAPP',
  kpkp: 'Dinas KPKP',
};

/** The office's calendar date (WIB). */
export const todayOf = (ctx: Pick<CallContext, 'app'>) => jakartaDate(ctx.app.clock.nowIso());

export async function loadMember(db: Database, id: string) {
  const m = await db
    .selectFrom('members')
    .select(['id', 'member_no as memberNo', 'full_name as fullName', 'kelurahan_kode as kelurahanKode', 'pendamping_id as pendampingId', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!m) throw notFound({ id: 'Anggota', en: 'Member' });
  return m;
}

/** A user who may be assigned as pendamping: active and marked with that duty. */
export async function loadPendamping(db: Database, id: string, field = 'pendampingId') {
  const u = await db.selectFrom('users').select(['id', 'full_name as fullName', 'is_pendamping', 'active']).where('id', '=', id).executeTakeFirst();
  if (!u) throw badInput(field, { id: 'Pendamping: pengguna tidak ditemukan', en: 'Pendamping: user not found' });
  if (u.is_pendamping !== 1 || u.active !== 1)
    throw badInput(field, { id: `Pendamping: ${u.fullName} bukan pendamping aktif`, en: `Pendamping: ${u.fullName} is not an active pendamping` });
  return { id: u.id, fullName: u.fullName };
}

/** The pendamping a call works for: the one named, else the caller when a pendamping. */
export function pendampingOf(ctx: CallContext, requested: string | undefined | null): string {
  if (requested) return requested;
  if (ctx.user?.isPendamping) return ctx.user.id;
  throw badInput('pendampingId', {
    id: 'Pendamping: pilih pendamping (Anda sendiri bukan pendamping)',
    en: 'Pendamping: choose a pendamping (you are not a pendamping yourself)',
  });
}

export const settingsSchema = z.strictObject({
  visitOverdueDays: z.number().int().min(1).max(365),
  naikKelas: z.strictObject({
    growthShare: z.number().min(0.01).max(10),
    windowMonths: z.number().int().min(1).max(24),
  }),
  bankability: z.strictObject({
    rules: z.strictObject({ izin: z.boolean(), npwp: z.boolean(), umur: z.boolean(), omzet: z.boolean() }),
    minAgeMonths: z.number().int().min(0).max(120),
    reportMonths: z.number().int().min(1).max(12),
  }),
  // Settings saved before certificate numbers were configurable still load, with the default.
  certificateNumberTemplate: label(z.string().trim().min(1).max(120), { id: 'Format nomor sertifikat', en: 'Certificate number format' }).default(
    DEFAULT_CERTIFICATE_NUMBER_TEMPLATE,
  ),
});

export type ProgrammeSettings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: ProgrammeSettings = {
  visitOverdueDays: 30,
  naikKelas: { ...DEFAULT_NAIK_KELAS },
  bankability: { ...DEFAULT_BANKABILITY, rules: { ...DEFAULT_BANKABILITY.rules } },
  certificateNumberTemplate: DEFAULT_CERTIFICATE_NUMBER_TEMPLATE,
};

export const SETTINGS_KEY = 'programme';

export function loadSettings(db: Database): Promise<ProgrammeSettings> {
  return getSetting(db, SETTINGS_KEY, settingsSchema, DEFAULT_SETTINGS);
}

export type { NaikKelasSettings, BankabilitySettings };

/** Whole days from one 'YYYY-MM-DD' to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
