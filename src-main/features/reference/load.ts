import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema';
import wilayahCsv from '../../../resources/data/dki_wilayah.csv?raw';
import kbliCsv from '../../../resources/data/kbli2020.csv?raw';
import { csvRecords } from './csv';

export const KBLI_VERSION = '2020';

const checksum = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Loads the bundled reference data (regions, KBLI) into the database when the bundled copy
 * differs from what the database holds. The files travel inside the app bundle, so the
 * application never depends on a path outside itself.
 */
export async function loadReferenceData(db: Kysely<DB>, nowIso: string): Promise<void> {
  await refresh(db, 'dki_wilayah', wilayahCsv, nowIso, async (trx) => {
    const rows = csvRecords(wilayahCsv).map((r) => ({
      kode: r.kode,
      nama: r.nama,
      level: r.level as DB['regions']['level'],
      parent_kode: r.parent_kode || null,
    }));
    for (const row of rows) {
      await trx
        .insertInto('regions')
        .values(row)
        .onConflict((oc) => oc.column('kode').doUpdateSet({ nama: row.nama, level: row.level, parent_kode: row.parent_kode }))
        .execute();
    }
  });
  await refresh(db, 'kbli2020', kbliCsv, nowIso, async (trx) => {
    const rows = csvRecords(kbliCsv);
    for (const r of rows) {
      const row = { versi: KBLI_VERSION, kode: r.kode, judul: r.judul, level: r.level, parent_kode: r.parent_kode || null, kategori: r.kategori };
      await trx
        .insertInto('kbli')
        .values(row)
        .onConflict((oc) => oc.columns(['versi', 'kode']).doUpdateSet({ judul: row.judul, level: row.level, parent_kode: row.parent_kode, kategori: row.kategori }))
        .execute();
    }
  });
}

async function refresh(db: Kysely<DB>, name: string, text: string, nowIso: string, load: (trx: Kysely<DB>) => Promise<void>) {
  const sum = checksum(text);
  const current = await db.selectFrom('reference_versions').select('checksum').where('name', '=', name).executeTakeFirst();
  if (current?.checksum === sum) return;
  await db.transaction().execute(async (trx) => {
    await load(trx);
    await trx
      .insertInto('reference_versions')
      .values({ name, checksum: sum, loaded_at: nowIso })
      .onConflict((oc) => oc.column('name').doUpdateSet({ checksum: sum, loaded_at: nowIso }))
      .execute();
  });
}
