import { z } from 'zod';
import { AppError, conflict, type FieldPhrases } from '../../core/api/errors';
import type { CallContext } from '../../core/api/registry';
import { fieldMessage, isoDate, label, optionalText, postalCodeField, rupiah, summarise, text } from '../../core/api/validation';
import type { Phrase } from '../../../src-shared/i18n';
import { jakartaDate } from '../../core/clock';
import { maskNik } from '../../core/masking';
import { iumkEligible, SCALE_LABELS } from '../../../src-shared/rules/scale';
import { checkRegistration, findByNik, insertMembers, loadReference, registerInput } from '../registrations';
import { assertInArea, requirePostalCode } from './places';

/**
 * A walk-in applicant who is not a member yet: registered minimally at the counter, with the
 * same rules as the full registration (NIK against birth date and gender, phone, NPWP, scale),
 * so that the permit always belongs to a member and a business.
 */
export const walkInSchema = z.strictObject({
  nik: label(
    z
      .string()
      .trim()
      .regex(/^\d{16}$/, fieldMessage({ id: 'harus 16 angka', en: 'must be 16 digits' })),
    { id: 'NIK', en: 'NIK' },
  ),
  fullName: text({ id: 'Nama lengkap', en: 'Full name' }, 120),
  birthDate: isoDate({ id: 'Tanggal lahir', en: 'Date of birth' }),
  gender: label(z.enum(['L', 'P']), { id: 'Jenis kelamin', en: 'Sex' }),
  addressStreet: text({ id: 'Alamat', en: 'Address' }, 300),
  rt: label(
    z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, fieldMessage({ id: 'angka 1-3 digit', en: '1 to 3 digits' })),
    { id: 'RT', en: 'RT' },
  ).nullish(),
  rw: label(
    z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, fieldMessage({ id: 'angka 1-3 digit', en: '1 to 3 digits' })),
    { id: 'RW', en: 'RW' },
  ).nullish(),
  kelurahanKode: label(
    z.string().regex(/^31\.\d{2}\.\d{2}\.\d{4}$/, fieldMessage({ id: 'pilih kelurahan dari daftar', en: 'choose the kelurahan from the list' })),
    { id: 'Kelurahan', en: 'Kelurahan' },
  ),
  phone: text({ id: 'Nomor telepon', en: 'Phone number' }, 30),
  businessName: text({ id: 'Nama usaha', en: 'Business name' }, 160),
  kbliKode: label(
    z
      .string()
      .trim()
      .regex(/^\d{5}$/, fieldMessage({ id: 'kode KBLI 5 angka', en: 'KBLI code of 5 digits' })),
    { id: 'KBLI', en: 'KBLI' },
  ),
  products: optionalText({ id: 'Produk/jasa', en: 'Products/services' }, 300),
  businessAddress: optionalText({ id: 'Alamat usaha', en: 'Business address' }, 300),
  businessKelurahanKode: label(
    z.string().regex(/^31\.\d{2}\.\d{2}\.\d{4}$/, fieldMessage({ id: 'pilih kelurahan dari daftar', en: 'choose the kelurahan from the list' })),
    { id: 'Kelurahan usaha', en: 'Business kelurahan' },
  ).nullish(),
  postalCode: postalCodeField().nullish(),
  capital: rupiah({ id: 'Modal usaha', en: 'Business capital' }),
  monthlyTurnover: rupiah({ id: 'Omzet bulanan', en: 'Monthly turnover' }).default(0),
  npwp: optionalText({ id: 'NPWP', en: 'NPWP' }, 30),
  nib: label(
    z
      .string()
      .trim()
      .regex(/^\d{13}$/, fieldMessage({ id: 'NIB 13 angka', en: 'NIB of 13 digits' })),
    { id: 'NIB', en: 'NIB' },
  ).nullish(),
});

export type WalkIn = z.output<typeof walkInSchema>;

/** Where the registration's field errors land in the walk-in form. */
const FIELD_MAP: Record<string, string> = {
  nik: 'nik',
  fullName: 'fullName',
  birthDate: 'birthDate',
  gender: 'gender',
  addressStreet: 'addressStreet',
  rt: 'rt',
  rw: 'rw',
  kelurahanKode: 'kelurahanKode',
  phone: 'phone',
  'businesses.0.name': 'businessName',
  'businesses.0.kbliKode': 'kbliKode',
  'businesses.0.products': 'products',
  'businesses.0.addressStreet': 'businessAddress',
  'businesses.0.kelurahanKode': 'businessKelurahanKode',
  'businesses.0.postalCode': 'postalCode',
  'businesses.0.capital': 'capital',
  'businesses.0.monthlyTurnover': 'monthlyTurnover',
  'businesses.0.npwp': 'npwp',
  'businesses.0.nib': 'nib',
  'businesses.0.phone': 'phone',
};

/**
 * Registers the walk-in through the registration's own checks and store (member number from
 * the office template, search index, P1), so a counter registration is a real registration.
 * Field errors come back under `walkIn.`.
 */
export async function registerWalkIn(ctx: CallContext, input: WalkIn): Promise<{ memberId: string; businessId: string; postalCode: string }> {
  const now = ctx.app.clock.nowIso();
  const today = jakartaDate(now);
  // The person may live anywhere; the business must lie in the office's kecamatan.
  const businessKelurahan = input.businessKelurahanKode ?? input.kelurahanKode;
  const field = input.businessKelurahanKode ? 'walkIn.businessKelurahanKode' : 'walkIn.kelurahanKode';
  const place = await assertInArea(ctx.db, businessKelurahan, field);
  // A missing postal code is one more field to fix, reported with the others.
  let postalCode: string | null = null;
  let postalProblem: Phrase | null = null;
  try {
    postalCode = await requirePostalCode(ctx.db, { postal_code: input.postalCode ?? null, kelurahan_kode: businessKelurahan }, place, 'walkIn.postalCode');
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    postalProblem = e.phrase;
  }
  const registration = registerInput.parse({
    nik: input.nik,
    fullName: input.fullName,
    birthDate: input.birthDate,
    gender: input.gender,
    addressStreet: input.addressStreet,
    rt: input.rt ?? null,
    rw: input.rw ?? null,
    kelurahanKode: input.kelurahanKode,
    phone: input.phone,
    targetGroup: 'pemula',
    skpd: 'ppkukm_ukm',
    businesses: [
      {
        name: input.businessName,
        kbliKode: input.kbliKode,
        products: input.products ?? null,
        addressStreet: (input.businessAddress ?? input.addressStreet).slice(0, 200),
        kelurahanKode: businessKelurahan,
        postalCode,
        phone: input.phone,
        capital: input.capital,
        monthlyTurnover: input.monthlyTurnover,
        npwp: input.npwp ?? null,
        nib: input.nib ?? null,
      },
    ],
  });
  const { value, fields } = checkRegistration(registration, await loadReference(ctx.db), today);
  const out: FieldPhrases = {};
  for (const [key, message] of Object.entries(fields)) out[`walkIn.${FIELD_MAP[key] ?? key}`] ??= message;
  const business = value.businesses.at(0);
  if (business && !Object.hasOwn(out, 'walkIn.capital') && !iumkEligible(business.scale)) {
    const scale = SCALE_LABELS[business.scale];
    out['walkIn.capital'] = {
      id: `Modal usaha: usaha ${scale.id.toLowerCase()} tidak dapat memperoleh IUMK (hanya usaha mikro dan kecil)`,
      en: `Business capital: a ${scale.en.toLowerCase()} business cannot obtain an IUMK (only micro and small businesses)`,
    };
  }
  if (postalProblem) out['walkIn.postalCode'] ??= postalProblem;
  if (Object.keys(out).length) throw new AppError('bad_input', summarise(out), out);
  const existing = await findByNik(ctx.db, value.member.nik);
  if (existing) {
    const nik = maskNik(value.member.nik);
    const message: Phrase = {
      id: `NIK ${nik} sudah terdaftar atas nama ${existing.fullName} (${existing.memberNo}): pilih anggota tersebut.`,
      en: `NIK ${nik} is already registered to ${existing.fullName} (${existing.memberNo}): choose that member.`,
    };
    throw conflict(message, { 'walkIn.nik': message });
  }
  const [created] = await insertMembers(ctx.db, [{ checked: value, registeredOn: today }], {
    userId: ctx.user?.id ?? null,
    nowIso: now,
    newId: ctx.app.newId,
    source: 'registration',
  });
  await ctx.audit({
    entity: 'members',
    entityId: created.id,
    after: {
      memberNo: created.memberNo,
      fullName: value.member.full_name,
      businesses: created.businessIds,
      via: 'permits.create (pendaftaran singkat di loket)',
    },
  });
  // Without a postal code the call was refused above with the other fields.
  if (postalCode === null) throw new AppError('bad_input', summarise(out), out);
  return { memberId: created.id, businessId: created.businessIds[0], postalCode };
}
