import { AppError, badInput } from '../../core/api/errors';
import type { Database } from '../../core/api/registry';
import { postalCodeOfKelurahan } from '../office';
import { checkTerritory, type BusinessPlace, type OfficeArea } from './rules/territory';

/** The kelurahan, its kecamatan and kota, by name, for the territory rule and its message. */
export async function loadPlace(db: Database, kelurahanKode: string): Promise<BusinessPlace | null> {
  const row = await db
    .selectFrom('regions as kel')
    .innerJoin('regions as kec', 'kec.kode', 'kel.parent_kode')
    .leftJoin('regions as kota', 'kota.kode', 'kec.parent_kode')
    .select(['kel.kode as kelurahanKode', 'kel.nama as kelurahan', 'kec.kode as kecamatanKode', 'kec.nama as kecamatan', 'kota.nama as kota'])
    .where('kel.kode', '=', kelurahanKode)
    .where('kel.level', '=', 'kelurahan')
    .executeTakeFirst();
  return row ?? null;
}

export async function loadOfficeArea(db: Database): Promise<OfficeArea> {
  const row = await db
    .selectFrom('office')
    .innerJoin('regions as kec', 'kec.kode', 'office.kecamatan_kode')
    .select(['office.kecamatan_kode as kecamatanKode', 'kec.nama as kecamatan'])
    .executeTakeFirst();
  if (!row) throw new AppError('conflict', { id: 'Kantor belum disiapkan.', en: 'The office is not set up yet.' });
  return row;
}

/**
 * Refuses a business outside the office's kecamatan, naming where it lies and where to apply.
 * `field` is where the message lands in the form.
 */
export async function assertInArea(db: Database, kelurahanKode: string, field: string): Promise<BusinessPlace> {
  const place = await loadPlace(db, kelurahanKode);
  if (!place)
    throw badInput(field, {
      id: 'Kelurahan usaha: kode tidak ada di daftar wilayah DKI Jakarta',
      en: 'Business kelurahan: the code is not in the list of DKI Jakarta regions',
    });
  const check = checkTerritory(place, await loadOfficeArea(db));
  if (!check.ok) throw new AppError('bad_input', check.message, { [field]: check.message });
  return place;
}

/**
 * The postal code a certificate prints for a business address: its own, else the one the office
 * keeps for its kelurahan. Missing both is refused with what to do about it.
 */
export async function requirePostalCode(
  db: Database,
  business: { postal_code: string | null; kelurahan_kode: string },
  place: BusinessPlace,
  field: string,
): Promise<string> {
  const code = business.postal_code ?? (await postalCodeOfKelurahan(db, business.kelurahan_kode));
  if (code) return code;
  const message = {
    id:
      `Kode pos alamat usaha belum ada: Kelurahan ${place.kelurahan} belum punya kode pos di Pengaturan › Kode pos kelurahan, ` +
      'dan data usaha juga tanpa kode pos. Isi kode pos usaha, atau minta admin mengisi kode pos kelurahan itu; surat izin wajib memuat kode pos.',
    en:
      `The business address has no postal code: Kelurahan ${place.kelurahan} has none in Settings › Kelurahan postal codes, ` +
      'and the business record has none either. Enter the business postal code, or ask the admin to fill in that kelurahan’s; the certificate must show a postal code.',
  };
  throw new AppError('bad_input', message, { [field]: message });
}
