import { AppError } from './api/errors';
import type { CallContext } from './api/registry';

// The office's own record (name, region, letterhead, signatory, key) as every document and
// report reads it: a shared service below the features, so that they need not reach into the
// office feature.

export const officeColumns = [
  'name',
  'province_label as provinceLabel',
  'kota_kode as kotaKode',
  'kecamatan_kode as kecamatanKode',
  'address',
  'postal_code as postalCode',
  'phone',
  'email',
  'letterhead_lines as letterheadLines',
  'signatory_name as signatoryName',
  'signatory_title as signatoryTitle',
  'signatory_nip as signatoryNip',
  'yearly_target as yearlyTarget',
  'key_id as keyId',
  'public_key as publicKey',
  'updated_at as updatedAt',
] as const;

/** The office as set up, with its kota and kecamatan names; a conflict before setup. */
export async function loadOffice(ctx: Pick<CallContext, 'db'>) {
  const row = await ctx.db
    .selectFrom('office')
    .innerJoin('regions as kota', 'kota.kode', 'office.kota_kode')
    .innerJoin('regions as kec', 'kec.kode', 'office.kecamatan_kode')
    .select(officeColumns.map((c) => `office.${c}` as const))
    .select(['kota.nama as kotaNama', 'kec.nama as kecamatanNama'])
    .executeTakeFirst();
  if (!row) throw new AppError('conflict', { id: 'Kantor belum disiapkan.', en: 'The office is not set up yet.' });
  return { ...row, letterheadLines: JSON.parse(row.letterheadLines) as string[] };
}
