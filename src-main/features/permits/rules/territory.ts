import type { Phrase } from '../../../../src-shared/i18n';
/**
 * Territory: an IUMK is signed by the camat of the kecamatan where the business is located, so
 * an office issues permits only for businesses in its own kecamatan. An applicant from elsewhere
 * is sent to the office of the business's kecamatan (DOMAIN.md, IUMK: territory).
 */

/** Where a business lies, by Kemendagri codes and names (kelurahan, its kecamatan and kota). */
export interface BusinessPlace {
  kelurahanKode: string;
  kelurahan: string;
  kecamatanKode: string;
  kecamatan: string;
  kota: string | null;
}

export interface OfficeArea {
  kecamatanKode: string;
  kecamatan: string;
}

export type TerritoryCheck = { ok: true } | { ok: false; message: Phrase };

/** The kecamatan code of a kelurahan code: '31.71.07.1006' -> '31.71.07'. */
export function kecamatanOfKelurahan(kelurahanKode: string): string {
  return kelurahanKode.split('.').slice(0, 3).join('.');
}

/** Whether the office may sign an IUMK for a business at this place; if not, where to apply. */
export function checkTerritory(place: BusinessPlace, office: OfficeArea): TerritoryCheck {
  if (place.kecamatanKode === office.kecamatanKode && kecamatanOfKelurahan(place.kelurahanKode) === office.kecamatanKode) return { ok: true };
  const where = `Kelurahan ${place.kelurahan}, Kecamatan ${place.kecamatan}${place.kota ? `, ${place.kota}` : ''}`;
  return {
    ok: false,
    message: {
      id:
        `Usaha berada di ${where}, di luar wilayah Kecamatan ${office.kecamatan}. ` +
        `IUMK diterbitkan oleh kecamatan tempat usaha berada: arahkan pemohon ke Kantor Kecamatan ${place.kecamatan}` +
        `${place.kota ? ` (${place.kota})` : ''}, atau perbaiki alamat usaha bila usaha sebenarnya di Kecamatan ${office.kecamatan}.`,
      en:
        `The business is in ${where}, outside Kecamatan ${office.kecamatan}. ` +
        `The IUMK is issued by the kecamatan where the business is: send the applicant to the Kantor Kecamatan ${place.kecamatan}` +
        `${place.kota ? ` (${place.kota})` : ''}, or correct the business address if the business is in fact in Kecamatan ${office.kecamatan}.`,
    },
  };
}

/** The `{kelurahan}` part of a permit number: the last four digits of the business kelurahan's code. */
export function kelurahanNumberPart(kelurahanKode: string): string {
  const part = kelurahanKode.split('.').pop() ?? '';
  if (!/^\d{4}$/.test(part)) throw new RangeError(`Kode kelurahan tidak sah: ${kelurahanKode}`);
  return part;
}
