import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema';
import wilayahCsv from '../../../resources/data/dki_wilayah.csv?raw';
import kbliCsv from '../../../resources/data/kbli2020.csv?raw';
import { csvRecords } from './csv';

export const KBLI_VERSION = '2020';

/** Rows in slices that stay well under SQLite's limit of bound parameters per statement. */
function chunks<T>(rows: T[], size = 400): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

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
    for (const chunk of chunks(rows)) {
      await trx
        .insertInto('regions')
        .values(chunk)
        .onConflict((oc) =>
          oc
            .column('kode')
            .doUpdateSet((eb) => ({ nama: eb.ref('excluded.nama'), level: eb.ref('excluded.level'), parent_kode: eb.ref('excluded.parent_kode') })),
        )
        .execute();
    }
  });
  await refresh(db, 'kbli2020', kbliCsv, nowIso, async (trx) => {
    const rows = csvRecords(kbliCsv).map((r) => ({
      versi: KBLI_VERSION,
      kode: r.kode,
      judul: r.judul,
      level: r.level,
      parent_kode: r.parent_kode || null,
      kategori: r.kategori,
    }));
    for (const chunk of chunks(rows)) {
      await trx
        .insertInto('kbli')
        .values(chunk)
        .onConflict((oc) =>
          oc.columns(['versi', 'kode']).doUpdateSet((eb) => ({
            judul: eb.ref('excluded.judul'),
            level: eb.ref('excluded.level'),
            parent_kode: eb.ref('excluded.parent_kode'),
            kategori: eb.ref('excluded.kategori'),
          })),
        )
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
