// Buyers (SKPD, BUMD, private) and the curated catalogue of member products.
import { z } from 'zod';
import { badInput, notFound } from '../../core/api/errors';
import { fetchPage, likeEscape, pageInput } from '../../core/api/paging';
import { defineMethod } from '../../core/api/registry';
import { fieldMessage, id, label, optionalText, text } from '../../core/api/validation';
import type { Phrase } from '../../../src-shared/i18n';
import { normaliseName } from '../registrations';
import { STAFF, checkKbli, checkKelurahan, kbliKode, kelurahanKode, kindField, priceField, quantityField, userId } from './common';

const phoneField = (name: Phrase) =>
  label(
    z
      .string()
      .trim()
      .regex(/^(\+62|0)[0-9\- ]{6,16}$/, fieldMessage({ id: 'nomor telepon tidak valid', en: 'not a valid phone number' }))
      .nullish()
      .or(z.literal('').transform(() => null)),
    name,
  );

const buyerFields = {
  name: text({ id: 'Nama pembeli', en: 'Buyer name' }, 160),
  kind: label(z.enum(['skpd', 'bumd', 'swasta', 'lainnya']), { id: 'Jenis pembeli', en: 'Buyer type' }),
  units: label(z.array(z.string().trim().min(1).max(120)).max(30), { id: 'Unit kerja', en: 'Work unit' }).default([]),
  address: text({ id: 'Alamat pembeli', en: 'Buyer address' }, 300),
  kelurahanKode: kelurahanKode.nullish(),
  phone: phoneField({ id: 'Telepon', en: 'Phone' }),
  email: label(z.email().max(120), { id: 'Email', en: 'Email' })
    .nullish()
    .or(z.literal('').transform(() => null)),
  npwp: optionalText({ id: 'NPWP', en: 'NPWP' }, 30),
  ppkName: optionalText({ id: 'Nama PPK', en: 'PPK name' }, 120),
  ppkNip: label(
    z
      .string()
      .trim()
      .regex(/^\d{18}$/, fieldMessage({ id: 'NIP harus 18 angka', en: 'NIP must be 18 digits' })),
    { id: 'NIP PPK', en: 'PPK NIP' },
  )
    .nullish()
    .or(z.literal('').transform(() => null)),
  ppkPhone: phoneField({ id: 'Telepon PPK', en: 'PPK phone' }),
  procurementName: optionalText({ id: 'Nama pejabat pengadaan', en: 'Procurement officer name' }, 120),
  procurementPhone: phoneField({ id: 'Telepon pejabat pengadaan', en: 'Procurement officer phone' }),
  treasurerName: optionalText({ id: 'Nama bendahara', en: 'Treasurer name' }, 120),
  treasurerPhone: phoneField({ id: 'Telepon bendahara', en: 'Treasurer phone' }),
  active: label(z.boolean(), { id: 'Aktif', en: 'Active' }).default(true),
};

const productFields = {
  businessId: id({ id: 'Usaha', en: 'Business' }),
  name: text({ id: 'Nama produk', en: 'Product name' }, 160),
  kbliKode,
  kind: kindField,
  unit: text({ id: 'Satuan', en: 'Unit' }, 30),
  unitPrice: priceField({ id: 'Harga satuan', en: 'Unit price' }),
  dailyCapacity: quantityField({ id: 'Kapasitas per hari', en: 'Capacity per day' }),
  halalCertNo: optionalText({ id: 'Nomor sertifikat halal', en: 'Halal certificate number' }, 60),
  photo: label(
    z
      .string()
      .max(400_000, fieldMessage({ id: 'foto terlalu besar (maksimal sekitar 300 KB)', en: 'the photo is too large (at most about 300 KB)' }))
      .regex(
        /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/,
        fieldMessage({ id: 'foto harus gambar PNG, JPEG atau WebP', en: 'the photo must be a PNG, JPEG or WebP image' }),
      ),
    { id: 'Foto produk', en: 'Product photo' },
  ).nullish(),
};

const criteriaSchema = label(
  z.strictObject({
    rasa: label(z.boolean(), { id: 'Rasa', en: 'Taste' }),
    kemasan: label(z.boolean(), { id: 'Kemasan', en: 'Packaging' }),
    higienitas: label(z.boolean(), { id: 'Higienitas', en: 'Hygiene' }),
    halal: label(z.boolean(), { id: 'Halal', en: 'Halal' }),
    foto: label(z.boolean(), { id: 'Foto', en: 'Photo' }),
  }),
  { id: 'Kriteria kurasi', en: 'Curation criteria' },
);

const criteriaLabels: Readonly<Record<'rasa' | 'kemasan' | 'higienitas' | 'halal' | 'foto', Phrase>> = {
  rasa: { id: 'rasa', en: 'taste' },
  kemasan: { id: 'kemasan', en: 'packaging' },
  higienitas: { id: 'higienitas', en: 'hygiene' },
  halal: { id: 'halal', en: 'halal' },
  foto: { id: 'foto', en: 'photo' },
};

export const catalogueMethods = {
  'orderBuyers.list': defineMethod({
    summary: 'Daftar pembeli e-order (SKPD, BUMD, swasta) dengan pencarian nama',
    access: STAFF,
    mutation: false,
    input: z.strictObject({
      search: label(z.string().trim().max(100), { id: 'Cari', en: 'Search' }).optional(),
      kind: label(z.enum(['skpd', 'bumd', 'swasta', 'lainnya']), { id: 'Jenis pembeli', en: 'Buyer type' }).optional(),
      activeOnly: label(z.boolean(), { id: 'Hanya aktif', en: 'Active only' }).optional(),
      ...pageInput(['name', 'kind'], 'name'),
    }),
    handler: async (ctx, input) => {
      let q = ctx.db.selectFrom('order_buyers');
      if (input.search) q = q.where('name_key', 'like', `%${likeEscape(normaliseName(input.search))}%`);
      if (input.kind) q = q.where('kind', '=', input.kind);
      if (input.activeOnly) q = q.where('active', '=', 1);
      const rows = q
        .select([
          'id',
          'name',
          'kind',
          'units',
          'address',
          'kelurahan_kode as kelurahanKode',
          'phone',
          'email',
          'npwp',
          'ppk_name as ppkName',
          'ppk_nip as ppkNip',
          'ppk_phone as ppkPhone',
          'procurement_name as procurementName',
          'procurement_phone as procurementPhone',
          'treasurer_name as treasurerName',
          'treasurer_phone as treasurerPhone',
          'active',
        ])
        .orderBy(input.sort === 'kind' ? 'kind' : 'name_key', input.dir)
        .orderBy('id');
      const page = await fetchPage(
        rows,
        q.select((eb) => eb.fn.countAll<number>().as('total')),
        input,
      );
      return { ...page, rows: page.rows.map((r) => ({ ...r, units: JSON.parse(r.units) as string[] })) };
    },
  }),

  'orderBuyers.save': defineMethod({
    summary: 'Mencatat pembeli baru atau mengubah data pembeli',
    access: STAFF,
    mutation: true,
    input: z.strictObject({ id: id({ id: 'Pembeli', en: 'Buyer' }).optional(), ...buyerFields }),
    handler: async (ctx, input) => {
      await checkKelurahan(ctx, input.kelurahanKode, 'kelurahanKode', { id: 'Kelurahan', en: 'Kelurahan' });
      const nowIso = ctx.app.clock.nowIso();
      const values = {
        name: input.name,
        name_key: normaliseName(input.name),
        kind: input.kind,
        units: JSON.stringify(input.units),
        address: input.address,
        kelurahan_kode: input.kelurahanKode ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        npwp: input.npwp ?? null,
        ppk_name: input.ppkName ?? null,
        ppk_nip: input.ppkNip ?? null,
        ppk_phone: input.ppkPhone ?? null,
        procurement_name: input.procurementName ?? null,
        procurement_phone: input.procurementPhone ?? null,
        treasurer_name: input.treasurerName ?? null,
        treasurer_phone: input.treasurerPhone ?? null,
        active: input.active ? (1 as const) : (0 as const),
        updated_at: nowIso,
      };
      if (input.id) {
        const before = await ctx.db.selectFrom('order_buyers').selectAll().where('id', '=', input.id).executeTakeFirst();
        if (!before) throw notFound({ id: 'Pembeli', en: 'Buyer' });
        await ctx.db.updateTable('order_buyers').set(values).where('id', '=', input.id).execute();
        await ctx.audit({ entity: 'order_buyer', entityId: input.id, before, after: values });
        return { id: input.id, name: input.name };
      }
      const newId = ctx.app.newId();
      await ctx.db
        .insertInto('order_buyers')
        .values({ id: newId, ...values, created_at: nowIso })
        .execute();
      await ctx.audit({ entity: 'order_buyer', entityId: newId, after: values });
      return { id: newId, name: input.name };
    },
  }),

  'orderProducts.businesses': defineMethod({
    summary: 'Mencari usaha anggota aktif untuk katalog e-order',
    access: STAFF,
    mutation: false,
    input: z.strictObject({ search: label(z.string().trim().min(2).max(100), { id: 'Cari usaha', en: 'Search businesses' }) }),
    handler: async (ctx, input) => {
      const key = likeEscape(normaliseName(input.search));
      return ctx.db
        .selectFrom('businesses as b')
        .innerJoin('members as m', 'm.id', 'b.member_id')
        .select(['b.id', 'b.name', 'b.kbli_kode as kbliKode', 'b.kelurahan_kode as kelurahanKode', 'm.full_name as ownerName', 'm.member_no as memberNo'])
        .where('b.status', '=', 'aktif')
        .where('b.name_key', '>=', key)
        .where('b.name_key', '<', `${key}\uffff`)
        .orderBy('b.name_key')
        .limit(20)
        .execute();
    },
  }),

  'orderProducts.list': defineMethod({
    summary: 'Katalog produk anggota untuk e-order dengan status kurasi',
    access: STAFF,
    mutation: false,
    input: z.strictObject({
      search: label(z.string().trim().max(100), { id: 'Cari', en: 'Search' }).optional(),
      status: label(z.enum(['diajukan', 'lolos', 'tidak_lolos']), { id: 'Status kurasi', en: 'Curation status' }).optional(),
      kbliKode: kbliKode.optional(),
      businessId: id({ id: 'Usaha', en: 'Business' }).optional(),
      ...pageInput(['name', 'unitPrice', 'dailyCapacity', 'updatedAt'], 'name'),
    }),
    handler: async (ctx, input) => {
      let q = ctx.db.selectFrom('order_products as p').innerJoin('businesses as b', 'b.id', 'p.business_id');
      if (input.search) q = q.where('p.name', 'like', `%${likeEscape(input.search)}%`);
      if (input.status) q = q.where('p.curation_status', '=', input.status);
      if (input.kbliKode) q = q.where('p.kbli_kode', '=', input.kbliKode);
      if (input.businessId) q = q.where('p.business_id', '=', input.businessId);
      const sortCol = { name: 'p.name', unitPrice: 'p.unit_price', dailyCapacity: 'p.daily_capacity', updatedAt: 'p.updated_at' } as const;
      const rows = q
        .select([
          'p.id',
          'p.name',
          'p.kbli_kode as kbliKode',
          'p.kind',
          'p.unit',
          'p.unit_price as unitPrice',
          'p.daily_capacity as dailyCapacity',
          'p.halal_cert_no as halalCertNo',
          'p.photo',
          'p.curation_status as curationStatus',
          'p.curation_reason as curationReason',
          'p.crit_rasa as critRasa',
          'p.crit_kemasan as critKemasan',
          'p.crit_higienitas as critHigienitas',
          'p.crit_halal as critHalal',
          'p.crit_foto as critFoto',
          'p.business_id as businessId',
          'b.name as businessName',
          'p.kelurahan_kode as kelurahanKode',
        ])
        .orderBy(sortCol[input.sort], input.dir)
        .orderBy('p.id');
      return fetchPage(
        rows,
        q.select((eb) => eb.fn.countAll<number>().as('total')),
        input,
      );
    },
  }),

  'orderProducts.save': defineMethod({
    summary: 'Mengajukan produk anggota ke katalog e-order atau mengubahnya',
    access: STAFF,
    mutation: true,
    input: z.strictObject({ id: id({ id: 'Produk', en: 'Product' }).optional(), ...productFields }),
    handler: async (ctx, input) => {
      const business = await ctx.db
        .selectFrom('businesses')
        .select(['id', 'member_id', 'kelurahan_kode', 'status'])
        .where('id', '=', input.businessId)
        .executeTakeFirst();
      if (!business) throw badInput('businessId', { id: 'Usaha: tidak ditemukan', en: 'Business: not found' });
      if (business.status !== 'aktif') throw badInput('businessId', { id: 'Usaha: sudah tutup', en: 'Business: closed' });
      await checkKbli(ctx, input.kbliKode, 'kbliKode');
      const nowIso = ctx.app.clock.nowIso();
      const values = {
        business_id: business.id,
        member_id: business.member_id,
        kelurahan_kode: business.kelurahan_kode,
        name: input.name,
        kbli_kode: input.kbliKode,
        kind: input.kind,
        unit: input.unit,
        unit_price: input.unitPrice,
        daily_capacity: input.dailyCapacity,
        halal_cert_no: input.halalCertNo ?? null,
        photo: input.photo ?? null,
        updated_at: nowIso,
      };
      if (input.id) {
        const before = await ctx.db.selectFrom('order_products').selectAll().where('id', '=', input.id).executeTakeFirst();
        if (!before) throw notFound({ id: 'Produk', en: 'Product' });
        // What the curators judged (the product itself) changed: it goes back for curation.
        const judged =
          before.name !== values.name ||
          before.kind !== values.kind ||
          before.kbli_kode !== values.kbli_kode ||
          before.photo !== values.photo ||
          before.business_id !== values.business_id;
        const reset = judged ? { curation_status: 'diajukan' as const, curation_reason: null, curated_by: null, curated_at: null } : {};
        await ctx.db
          .updateTable('order_products')
          .set({ ...values, ...reset })
          .where('id', '=', input.id)
          .execute();
        await ctx.audit({
          entity: 'order_product',
          entityId: input.id,
          before: { ...before, photo: before.photo ? '(foto)' : null },
          after: { ...values, ...reset, photo: values.photo ? '(foto)' : null },
        });
        return { id: input.id, curationStatus: judged ? 'diajukan' : before.curation_status };
      }
      const newId = ctx.app.newId();
      await ctx.db
        .insertInto('order_products')
        .values({
          id: newId,
          ...values,
          curation_status: 'diajukan',
          crit_rasa: 0,
          crit_kemasan: 0,
          crit_higienitas: 0,
          crit_halal: 0,
          crit_foto: 0,
          created_at: nowIso,
        })
        .execute();
      await ctx.audit({ entity: 'order_product', entityId: newId, after: { ...values, photo: values.photo ? '(foto)' : null } });
      return { id: newId, curationStatus: 'diajukan' as const };
    },
  }),

  'orderProducts.curate': defineMethod({
    summary: 'Mencatat hasil kurasi produk (lolos atau tidak lolos dengan alasan) dan kriteria yang diperiksa',
    access: STAFF,
    mutation: true,
    input: z.strictObject({
      id: id({ id: 'Produk', en: 'Product' }),
      status: label(z.enum(['diajukan', 'lolos', 'tidak_lolos']), { id: 'Hasil kurasi', en: 'Curation result' }),
      reason: optionalText({ id: 'Alasan', en: 'Reason' }, 500),
      criteria: criteriaSchema,
    }),
    handler: async (ctx, input) => {
      const before = await ctx.db.selectFrom('order_products').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!before) throw notFound({ id: 'Produk', en: 'Product' });
      if (input.status === 'lolos') {
        const missing = (Object.keys(criteriaLabels) as (keyof typeof criteriaLabels)[]).filter((k) => !input.criteria[k]);
        if (missing.length)
          throw badInput('criteria', {
            id: `Kriteria kurasi: produk lolos bila semua kriteria terpenuhi; belum: ${missing.map((k) => criteriaLabels[k].id).join(', ')}`,
            en: `Curation criteria: a product passes when every criterion is met; not yet: ${missing.map((k) => criteriaLabels[k].en).join(', ')}`,
          });
      }
      if (input.status === 'tidak_lolos' && !input.reason)
        throw badInput('reason', { id: 'Alasan: wajib diisi bila produk tidak lolos kurasi', en: 'Reason: required when the product fails curation' });
      const nowIso = ctx.app.clock.nowIso();
      const values = {
        curation_status: input.status,
        curation_reason: input.reason ?? null,
        crit_rasa: input.criteria.rasa ? 1 : 0,
        crit_kemasan: input.criteria.kemasan ? 1 : 0,
        crit_higienitas: input.criteria.higienitas ? 1 : 0,
        crit_halal: input.criteria.halal ? 1 : 0,
        crit_foto: input.criteria.foto ? 1 : 0,
        curated_by: userId(ctx),
        curated_at: nowIso,
        updated_at: nowIso,
      } as const;
      await ctx.db.updateTable('order_products').set(values).where('id', '=', input.id).execute();
      await ctx.audit({ entity: 'order_product', entityId: input.id, before: { curation_status: before.curation_status }, after: values });
      return { id: input.id, curationStatus: input.status };
    },
  }),
};
