import { z } from 'zod';
import { sql } from 'kysely';
import { defineMethod } from '../../core/api/registry';
import { fieldMessage, label } from '../../core/api/validation';
import { KBLI_VERSION } from './load';

const regionLevel = label(z.enum(['provinsi', 'kota', 'kecamatan', 'kelurahan']), { id: 'Tingkat wilayah', en: 'Region level' });

export const referenceMethods = {
  'regions.list': defineMethod({
    summary: 'Daftar wilayah DKI Jakarta (kota, kecamatan, kelurahan) dengan kode Kemendagri.',
    access: 'public',
    beforeSetup: true,
    mutation: false,
    input: z.strictObject({
      level: regionLevel.optional(),
      parent: label(z.string().regex(/^31(\.\d{2}){0,2}$/, fieldMessage({ id: 'kode induk tidak valid', en: 'invalid parent code' })), {
        id: 'Kode induk',
        en: 'Parent code',
      }).optional(),
    }),
    handler: async ({ db }, input) => {
      let q = db.selectFrom('regions').select(['kode', 'nama', 'level', 'parent_kode as parentKode']).orderBy('kode');
      if (input.level) q = q.where('level', '=', input.level);
      if (input.parent) q = q.where('parent_kode', '=', input.parent);
      return q.execute();
    },
  }),
  'kbli.search': defineMethod({
    summary: 'Cari kode KBLI 2020 (5 digit) menurut kode atau judul.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({
      query: label(z.string().trim().max(100), { id: 'Kata kunci', en: 'Keyword' }),
      limit: label(z.number().int().min(1).max(50), { id: 'Batas', en: 'Limit' }).default(20),
    }),
    handler: async ({ db }, { query, limit }) => {
      let q = db.selectFrom('kbli').select(['kode', 'judul', 'kategori', 'versi']).where('versi', '=', KBLI_VERSION).where('level', '=', 'kelompok');
      if (/^\d+$/.test(query)) q = q.where('kode', 'like', `${query}%`);
      else if (query) {
        for (const word of query.split(/\s+/).slice(0, 5)) q = q.where(sql<string>`lower(judul)`, 'like', `%${word.toLowerCase()}%`);
      }
      return q.orderBy('kode').limit(limit).execute();
    },
  }),
};
