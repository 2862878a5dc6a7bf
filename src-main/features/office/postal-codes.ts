import { z } from 'zod';
import { AppError, type FieldPhrases } from '../../core/api/errors';
import { defineMethod, type CallContext, type Database } from '../../core/api/registry';
import { fieldMessage, label, postalCodeField } from '../../core/api/validation';

/**
 * The postal code of each kelurahan the office serves. Entered once in Pengaturan; a business
 * address without a postal code of its own takes its kelurahan's, so every certificate the
 * office signs carries one (the Permendagri 83/2014 template prints Kode Pos in the business
 * address).
 */

export interface KelurahanPostalCode {
  kode: string;
  nama: string;
  postalCode: string | null;
}

async function officeKecamatan(db: Database): Promise<string> {
  const office = await db.selectFrom('office').select('kecamatan_kode').executeTakeFirst();
  if (!office) throw new AppError('conflict', { id: 'Kantor belum disiapkan.', en: 'The office is not set up yet.' });
  return office.kecamatan_kode;
}

/** The office's kelurahan in code order, with their postal codes (null where none is kept yet). */
export async function officePostalCodes(db: Database): Promise<KelurahanPostalCode[]> {
  const kecamatan = await officeKecamatan(db);
  const rows = await db
    .selectFrom('regions as r')
    .leftJoin('kelurahan_postal_codes as p', 'p.kelurahan_kode', 'r.kode')
    .select(['r.kode', 'r.nama', 'p.postal_code as postalCode'])
    .where('r.parent_kode', '=', kecamatan)
    .where('r.level', '=', 'kelurahan')
    .orderBy('r.kode')
    .execute();
  return rows;
}

/** The postal code the office keeps for a kelurahan, or null. */
export async function postalCodeOfKelurahan(db: Database, kelurahanKode: string): Promise<string | null> {
  const row = await db.selectFrom('kelurahan_postal_codes').select('postal_code').where('kelurahan_kode', '=', kelurahanKode).executeTakeFirst();
  return row?.postal_code ?? null;
}

const postalCode = postalCodeField();

export async function savePostalCodes(ctx: CallContext, entries: { kelurahanKode: string; postalCode: string | null }[]) {
  const own = await officePostalCodes(ctx.db);
  const byKode = new Map(own.map((k) => [k.kode, k]));
  const fields: FieldPhrases = {};
  entries.forEach((e, i) => {
    if (!byKode.has(e.kelurahanKode)) {
      fields[`entries.${i}.kelurahanKode`] = {
        id: `Kelurahan ${e.kelurahanKode}: bukan kelurahan di kecamatan kantor ini`,
        en: `Kelurahan ${e.kelurahanKode}: not a kelurahan of this office's kecamatan`,
      };
    }
  });
  if (Object.keys(fields).length) throw new AppError('bad_input', Object.values(fields)[0], fields);
  const now = ctx.app.clock.nowIso();
  for (const e of entries) {
    const postalCode = e.postalCode;
    if (postalCode) {
      await ctx.db
        .insertInto('kelurahan_postal_codes')
        .values({ kelurahan_kode: e.kelurahanKode, postal_code: postalCode, updated_by: ctx.user?.id ?? null, updated_at: now })
        .onConflict((oc) => oc.column('kelurahan_kode').doUpdateSet({ postal_code: postalCode, updated_by: ctx.user?.id ?? null, updated_at: now }))
        .execute();
    } else {
      await ctx.db.deleteFrom('kelurahan_postal_codes').where('kelurahan_kode', '=', e.kelurahanKode).execute();
    }
  }
  const after = await officePostalCodes(ctx.db);
  await ctx.audit({
    entity: 'office',
    entityId: 'postal_codes',
    before: own.map((k) => ({ kelurahan: k.kode, postalCode: k.postalCode })),
    after: after.map((k) => ({ kelurahan: k.kode, postalCode: k.postalCode })),
  });
  return after;
}

export const postalCodeMethods = {
  'office.postalCodes': defineMethod({
    summary: 'Kode pos tiap kelurahan di kecamatan kantor (dipakai alamat usaha yang belum berkode pos).',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({}),
    handler: (ctx) => officePostalCodes(ctx.db),
  }),

  'office.savePostalCodes': defineMethod({
    summary: 'Menyimpan kode pos kelurahan kantor (hanya admin); kosong menghapus kode pos kelurahan itu.',
    access: ['admin'],
    mutation: true,
    input: z.strictObject({
      entries: label(
        z
          .array(
            z.strictObject({
              kelurahanKode: label(
                z.string().regex(/^31\.\d{2}\.\d{2}\.\d{4}$/, fieldMessage({ id: 'pilih kelurahan dari daftar', en: 'choose the kelurahan from the list' })),
                { id: 'Kelurahan', en: 'Kelurahan' },
              ),
              postalCode: postalCode.nullable(),
            }),
          )
          .min(1)
          .max(60),
        { id: 'Kode pos kelurahan', en: 'Kelurahan postal code' },
      ),
    }),
    handler: (ctx, input) => savePostalCodes(ctx, input.entries),
  }),
};
