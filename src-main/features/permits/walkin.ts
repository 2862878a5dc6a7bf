import { sql } from 'kysely';
import { z } from 'zod';
import { AppError, conflict } from '../../core/api/errors';
import type { CallContext } from '../../core/api/registry';
import { isoDate, label, optionalText, rupiah, text } from '../../core/api/validation';
import { jakartaDate } from '../../core/clock';
import { nextSequence } from '../../core/sequences';
import { completeStage } from '../programme/stages';
import { KBLI_VERSION } from '../reference/load';
import { normaliseName } from '../registrations/rules/names';
import { checkNikAgainst, parseNik } from '../registrations/rules/nik';
import { validateNpwp } from '../registrations/rules/npwp';
import { normalisePhone } from '../registrations/rules/phone';
import { classifyScale, iumkEligible, SCALE_LABELS } from '../registrations/rules/scale';

/**
 * A walk-in applicant who is not a member yet: registered minimally at the counter, with the
 * same rules as the full registration (NIK against birth date and gender, phone, NPWP, scale),
 * so that the permit always belongs to a member and a business.
 */
export const walkInSchema = z.strictObject({
  nik: label(z.string().trim().regex(/^\d{16}$/, 'harus 16 angka'), 'NIK'),
  fullName: text('Nama lengkap', 120),
  birthDate: isoDate('Tanggal lahir'),
  gender: label(z.enum(['L', 'P']), 'Jenis kelamin'),
  addressStreet: text('Alamat', 300),
  rt: label(z.string().trim().regex(/^\d{1,3}$/, 'angka 1-3 digit'), 'RT').nullish(),
  rw: label(z.string().trim().regex(/^\d{1,3}$/, 'angka 1-3 digit'), 'RW').nullish(),
  kelurahanKode: label(z.string().regex(/^31\.\d{2}\.\d{2}\.\d{4}$/, 'pilih kelurahan dari daftar'), 'Kelurahan'),
  phone: text('Nomor telepon', 30),
  businessName: text('Nama usaha', 160),
  kbliKode: label(z.string().trim().regex(/^\d{5}$/, 'kode KBLI 5 angka'), 'KBLI'),
  products: optionalText('Produk/jasa', 300),
  businessAddress: optionalText('Alamat usaha', 300),
  businessKelurahanKode: label(z.string().regex(/^31\.\d{2}\.\d{2}\.\d{4}$/, 'pilih kelurahan dari daftar'), 'Kelurahan usaha').nullish(),
  postalCode: label(z.string().trim().regex(/^\d{5}$/, 'kode pos 5 angka'), 'Kode pos').nullish(),
  capital: rupiah('Modal usaha'),
  monthlyTurnover: rupiah('Omzet bulanan').default(0),
  npwp: optionalText('NPWP', 30),
  nib: label(z.string().trim().regex(/^\d{13}$/, 'NIB 13 angka'), 'NIB').nullish(),
});

export type WalkIn = z.output<typeof walkInSchema>;

const at = (field: string) => `walkIn.${field}`;

/** Creates the member and the business; returns their ids. Field errors are under `walkIn.`. */
export async function registerWalkIn(ctx: CallContext, input: WalkIn): Promise<{ memberId: string; businessId: string }> {
  const now = ctx.app.clock.nowIso();
  const today = jakartaDate(now);
  const fields: Record<string, string> = {};

  const nik = parseNik(input.nik, today);
  if (!nik.ok) fields[at('nik')] = nik.message;
  else {
    const check = checkNikAgainst(input.nik, { birthDate: input.birthDate, gender: input.gender });
    if (!check.ok) {
      if (check.mismatches.length) for (const m of check.mismatches) fields[at(m.field)] = m.message;
      else fields[at(check.field)] = check.message;
    }
  }
  const phone = normalisePhone(input.phone);
  if (!phone.ok) fields[at('phone')] = phone.message;
  let npwp: string | null = null;
  if (input.npwp) {
    const parsed = validateNpwp(input.npwp);
    if (!parsed.ok) fields[at('npwp')] = parsed.message;
    else npwp = parsed.value.npwp16;
  }
  const scale = classifyScale({ capital: input.capital });
  if (!scale.ok) fields[at('capital')] = scale.message;
  else if (!iumkEligible(scale.value.scale)) {
    fields[at('capital')] = `Modal usaha: usaha ${SCALE_LABELS[scale.value.scale].toLowerCase()} tidak dapat memperoleh IUMK (hanya usaha mikro dan kecil)`;
  }
  const businessKelurahan = input.businessKelurahanKode ?? input.kelurahanKode;
  const kelurahans = await ctx.db
    .selectFrom('regions')
    .select('kode')
    .where('level', '=', 'kelurahan')
    .where('kode', 'in', [input.kelurahanKode, businessKelurahan])
    .execute();
  const known = new Set(kelurahans.map((k) => k.kode));
  if (!known.has(input.kelurahanKode)) fields[at('kelurahanKode')] = 'Kelurahan: kode tidak ada di daftar wilayah DKI Jakarta';
  if (!known.has(businessKelurahan)) fields[at('businessKelurahanKode')] = 'Kelurahan usaha: kode tidak ada di daftar wilayah DKI Jakarta';
  const kbli = await ctx.db
    .selectFrom('kbli')
    .select('kode')
    .where('versi', '=', KBLI_VERSION)
    .where('kode', '=', input.kbliKode)
    .where('level', '=', 'kelompok')
    .executeTakeFirst();
  if (!kbli) fields[at('kbliKode')] = `KBLI: kode ${input.kbliKode} tidak ada di KBLI ${KBLI_VERSION}`;
  if (Object.keys(fields).length) {
    throw new AppError('bad_input', Object.values(fields).length === 1 ? Object.values(fields)[0] : `Ada ${Object.keys(fields).length} isian pendaftaran yang perlu diperbaiki. ${Object.values(fields)[0]}`, fields);
  }

  const existing = await ctx.db.selectFrom('members').select(['member_no', 'full_name']).where('nik', '=', input.nik).executeTakeFirst();
  if (existing) {
    throw conflict(`NIK sudah terdaftar sebagai anggota ${existing.member_no} (${existing.full_name}): pilih anggota tersebut.`, {
      [at('nik')]: `NIK: sudah terdaftar sebagai anggota ${existing.member_no}`,
    });
  }

  const year = today.slice(0, 4);
  // The member-number counter is shared with the full registration, so numbers never collide.
  const seq = await nextSequence(ctx.db, 'member_no', year);
  const memberNo = `${year}${String(seq).padStart(6, '0')}`;
  const memberId = ctx.app.newId();
  const businessId = ctx.app.newId();
  const userId = ctx.user?.id ?? null;
  await ctx.db
    .insertInto('members')
    .values({
      id: memberId,
      member_no: memberNo,
      nik: input.nik,
      nik_rev: [...input.nik].reverse().join(''),
      kk: null,
      full_name: input.fullName,
      name_key: normaliseName(input.fullName),
      birth_place: null,
      birth_date: input.birthDate,
      gender: input.gender,
      education: null,
      address_street: input.addressStreet,
      rt: input.rt ?? null,
      rw: input.rw ?? null,
      kelurahan_kode: input.kelurahanKode,
      phone: phone.ok ? phone.value : null,
      email: null,
      target_group: 'pemula',
      skpd: 'ppkukm_ukm',
      pendamping_id: null,
      status: 'aktif',
      registered_on: today,
      created_by: userId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('businesses')
    .values({
      id: businessId,
      member_id: memberId,
      name: input.businessName,
      name_key: normaliseName(input.businessName),
      legal_form: 'perorangan',
      kbli_versi: KBLI_VERSION,
      kbli_kode: input.kbliKode,
      products: input.products ?? null,
      address_street: input.businessAddress ?? input.addressStreet,
      kelurahan_kode: businessKelurahan,
      postal_code: input.postalCode ?? null,
      phone: phone.ok ? phone.value : null,
      start_date: null,
      place_status: null,
      capital: input.capital,
      monthly_turnover: input.monthlyTurnover,
      employees: 0,
      scale: scale.ok ? scale.value.scale : 'mikro',
      npwp,
      nib: input.nib ?? null,
      halal_status: 'belum',
      pirt_status: 'belum',
      status: 'aktif',
      created_at: now,
      updated_at: now,
    })
    .execute();
  // Keep the member findable in the member search, as a full registration would.
  const rowid = await sql<{ rowid: number }>`select rowid from members where id = ${memberId}`.execute(ctx.db);
  await sql`insert into members_fts (rowid, name, businesses) values (${rowid.rows[0].rowid}, ${input.fullName}, ${input.businessName})`.execute(ctx.db);
  await completeStage(ctx.db, { memberId, stage: 'P1', completedOn: today, evidence: 'Pendaftaran singkat di loket IUMK', source: 'registration', sourceId: memberId, userId, nowIso: now });
  await ctx.audit({ entity: 'member', entityId: memberId, after: { memberNo, nik: input.nik, fullName: input.fullName, businessId, businessName: input.businessName, via: 'permits.create' } });
  return { memberId, businessId };
}
