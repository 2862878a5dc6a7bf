import type { FieldPhrases } from '../../core/api/errors';
import type { Database } from '../../core/api/registry';
import { KBLI_VERSION } from '../reference';
import type { BusinessesTable, MembersTable } from './tables';
import { parseKk } from '../../../src-shared/rules/kk';
import { normaliseName } from './rules/names';
import { checkNikAgainst, parseNik } from '../../../src-shared/rules/nik';
import { validateNpwp } from '../../../src-shared/rules/npwp';
import { normalisePhone } from '../../../src-shared/rules/phone';
import { classifyScale } from '../../../src-shared/rules/scale';
import type { BusinessInput, RegisterInput } from './schemas';

/**
 * The reference lists the checks need (kelurahan of DKI, KBLI 2020 kelompok). They come from
 * the data bundled with the app and loaded at start, so they are read once per process.
 */
export interface Reference {
  kelurahan: Map<string, { nama: string; kecamatan: string; kota: string }>;
  kbli: Map<string, string>;
}

let cached: Reference | null = null;

export async function loadReference(db: Database): Promise<Reference> {
  if (cached && cached.kelurahan.size > 0) return cached;
  const regions = await db.selectFrom('regions').select(['kode', 'nama', 'parent_kode']).where('level', '=', 'kelurahan').execute();
  const kbli = await db.selectFrom('kbli').select(['kode', 'judul']).where('versi', '=', KBLI_VERSION).where('level', '=', 'kelompok').execute();
  cached = {
    kelurahan: new Map(regions.map((r) => [r.kode, { nama: r.nama, kecamatan: r.parent_kode ?? '', kota: r.kode.slice(0, 5) }])),
    kbli: new Map(kbli.map((k) => [k.kode, k.judul])),
  };
  return cached;
}

export type MemberValues = Omit<MembersTable, 'id' | 'member_no' | 'registered_on' | 'created_by' | 'created_at' | 'updated_at'>;
export type BusinessValues = Omit<BusinessesTable, 'id' | 'member_id' | 'created_at' | 'updated_at'>;

export interface CheckedMember {
  member: MemberValues;
  businesses: BusinessValues[];
}

export type MemberFieldsInput = Omit<RegisterInput, 'businesses' | 'confirmDuplicate' | 'registeredOn'>;

export const reverse = (s: string) => Array.from(s).reverse().join('');

/**
 * Applies the identifier rules and the reference lists to a member's fields. Every problem is
 * reported under its field, with a message that names the field and the rule.
 */
export function checkMemberFields(input: MemberFieldsInput, ref: Reference, today: string, fields: FieldPhrases): MemberValues {
  const nik = input.nik.replace(/\s+/g, '');
  const parsed = parseNik(nik, today);
  if (!parsed.ok) fields.nik = parsed.message;
  else {
    const against = checkNikAgainst(nik, { birthDate: input.birthDate, gender: input.gender });
    if (!against.ok) {
      fields.nik = against.message;
      for (const m of against.mismatches) fields[m.field] ??= m.message;
    }
  }
  if (input.birthDate > today && !Object.hasOwn(fields, 'birthDate'))
    fields.birthDate = { id: 'Tanggal lahir: tidak boleh setelah hari ini', en: 'Date of birth: may not be after today' };
  let kk: string | null = null;
  if (input.kk) {
    const r = parseKk(input.kk, today);
    if (!r.ok) fields.kk = r.message;
    else kk = r.value.kk;
  }
  let phone: string | null = null;
  if (input.phone) {
    const r = normalisePhone(input.phone);
    if (!r.ok) fields.phone = r.message;
    else phone = r.value;
  }
  if (!ref.kelurahan.has(input.kelurahanKode))
    fields.kelurahanKode = { id: 'Kelurahan: tidak ada di daftar kelurahan DKI Jakarta', en: 'Kelurahan: not in the list of DKI Jakarta kelurahan' };
  const fullName = input.fullName.replace(/\s+/g, ' ').trim();
  const nameKey = normaliseName(fullName);
  if (nameKey === '' && !Object.hasOwn(fields, 'fullName')) fields.fullName = { id: 'Nama lengkap: harus memuat huruf', en: 'Full name: must contain letters' };
  return {
    nik,
    nik_rev: reverse(nik),
    kk,
    full_name: fullName,
    name_key: nameKey,
    birth_place: input.birthPlace ?? null,
    birth_date: input.birthDate,
    gender: input.gender,
    education: input.education ?? null,
    address_street: input.addressStreet,
    rt: input.rt ?? null,
    rw: input.rw ?? null,
    kelurahan_kode: input.kelurahanKode,
    phone,
    email: input.email ?? null,
    target_group: input.targetGroup,
    skpd: input.skpd,
    pendamping_id: input.pendampingId ?? null,
    status: 'aktif',
  };
}

export function checkBusiness(b: BusinessInput, ref: Reference, fields: FieldPhrases, prefix: string): BusinessValues {
  const key = (f: string) => `${prefix}${f}`;
  if (!ref.kbli.has(b.kbliKode))
    fields[key('kbliKode')] = {
      id: `KBLI: kode ${b.kbliKode} bukan kelompok KBLI ${KBLI_VERSION}`,
      en: `KBLI: code ${b.kbliKode} is not a KBLI ${KBLI_VERSION} group`,
    };
  if (!ref.kelurahan.has(b.kelurahanKode))
    fields[key('kelurahanKode')] = {
      id: 'Kelurahan usaha: tidak ada di daftar kelurahan DKI Jakarta',
      en: 'Business kelurahan: not in the list of DKI Jakarta kelurahan',
    };
  let npwp: string | null = null;
  if (b.npwp) {
    const r = validateNpwp(b.npwp);
    if (!r.ok) fields[key('npwp')] = r.message;
    else npwp = r.value.digits;
  }
  let phone: string | null = null;
  if (b.phone) {
    const r = normalisePhone(b.phone);
    if (!r.ok)
      fields[key('phone')] = { id: r.message.id.replace(/^Nomor telepon/, 'Telepon usaha'), en: r.message.en.replace(/^Phone number/, 'Business phone') };
    else phone = r.value;
  }
  const scale = classifyScale({ capital: b.capital, monthlyTurnover: b.monthlyTurnover });
  if (!scale.ok) fields[key('capital')] = scale.message;
  const name = b.name.replace(/\s+/g, ' ').trim();
  return {
    name,
    name_key: normaliseName(name),
    legal_form: b.legalForm,
    kbli_versi: KBLI_VERSION,
    kbli_kode: b.kbliKode,
    products: b.products ?? null,
    address_street: b.addressStreet,
    kelurahan_kode: b.kelurahanKode,
    postal_code: b.postalCode ?? null,
    phone,
    start_date: b.startDate ?? null,
    place_status: b.placeStatus ?? null,
    capital: b.capital,
    monthly_turnover: b.monthlyTurnover,
    employees: b.employees,
    scale: scale.ok ? scale.value.scale : 'mikro',
    npwp,
    nib: b.nib ?? null,
    halal_status: b.halalStatus,
    pirt_status: b.pirtStatus,
    status: 'aktif',
  };
}

/** All pure checks of a registration; `fields` is empty when it may be saved. */
export function checkRegistration(
  input: Omit<RegisterInput, 'confirmDuplicate'>,
  ref: Reference,
  today: string,
): { value: CheckedMember; fields: FieldPhrases } {
  const fields: FieldPhrases = {};
  const member = checkMemberFields(input, ref, today, fields);
  const businesses = input.businesses.map((b, i) => checkBusiness(b, ref, fields, `businesses.${i}.`));
  if (input.registeredOn && input.registeredOn > today)
    fields.registeredOn = { id: 'Tanggal daftar: tidak boleh setelah hari ini', en: 'Date registered: may not be after today' };
  return { value: { member, businesses }, fields };
}

/** The text the full-text index holds for a member: normalised name and business names. */
export function searchText(member: { name_key: string }, businesses: { name_key: string }[]) {
  return { name: member.name_key, businesses: businesses.map((b) => b.name_key).join(' ') };
}
