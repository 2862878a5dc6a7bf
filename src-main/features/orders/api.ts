import { sql } from 'kysely';
import { recordText } from '../../core/record-texts';
import { z } from 'zod';
import { AppError, badInput, conflict, forbidden, notFound, type FieldPhrases } from '../../core/api/errors';
import { fetchPage, likeEscape, pageInput } from '../../core/api/paging';
import { defineMethod, type CallContext, type Role } from '../../core/api/registry';
import { fieldMessage, id, isoDate, label, optionalText, rupiah, summarise, text } from '../../core/api/validation';
import { jakartaDate } from '../../core/clock';
import type { Phrase } from '../../../src-shared/i18n';
import { nextSequence } from '../../core/sequences';
import { setSetting } from '../../core/settings';
import { completeStage } from '../../core/stages';
import { normaliseName } from '../registrations';
import { normaliseKind, productionDays, availableCapacity } from './rules/matching';
import { checkQuantitySplit, lineTotal, orderTotals } from './rules/money';
import { allowedOrderTransitions, checkOrderTransition, orderStatuses, orderStatusLabels, type OrderStatus } from './rules/transitions';
import { documentMethods } from './documents';
import { undoMethods } from './undo';
import { checkUndo } from './rules/undo';
import { loadHolidays } from '../permits';
import {
  addDays,
  assignedQuantity,
  daysBetween,
  DELIVERED_STATUSES,
  INACTIVE_STATUSES,
  loadOrderSettings,
  openQuantity,
  ORDER_SETTINGS_KEY,
  orderSettingsSchema,
  proposeForItem,
  refreshOrderStage,
  UNDELIVERED_STATUSES,
} from './service';

const STAFF: readonly Role[] = ['admin', 'supervisor', 'petugas'];

const today = (ctx: CallContext) => jakartaDate(ctx.app.clock.nowIso());
const userId = (ctx: CallContext) => ctx.user?.id ?? null;

// ---------------------------------------------------------------------------------------------
// Field schemas

const kelurahanKode = label(z.string().regex(/^31\.\d{2}\.\d{2}\.\d{4}$/, fieldMessage({ id: 'pilih kelurahan dari daftar', en: 'choose the kelurahan from the list' })), { id: 'Kelurahan', en: 'Kelurahan' });
const kbliKode = label(z.string().regex(/^\d{5}$/, fieldMessage({ id: 'KBLI harus 5 angka', en: 'KBLI must be 5 digits' })), { id: 'KBLI', en: 'KBLI' });
const kindField = label(z.string().trim().min(2).max(60).transform(normaliseKind), { id: 'Jenis produk', en: 'Product type' });
const quantityField = (name: Phrase) =>
  label(z.number().int(fieldMessage({ id: 'harus bilangan bulat', en: 'must be a whole number' })).min(1, fieldMessage({ id: 'harus lebih dari 0', en: 'must be more than 0' })).max(10_000_000), name);
const priceField = (name: Phrase) =>
  label(z.number().int(fieldMessage({ id: 'harus bilangan bulat rupiah', en: 'must be whole rupiah' })).min(0, fieldMessage({ id: 'tidak boleh kurang dari 0', en: 'may not be less than 0' })).max(1_000_000_000_000), name);
const timeField = label(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, fieldMessage({ id: 'jam harus berformat JJ:MM', en: 'the time must be HH:MM' })), { id: 'Jam kirim', en: 'Delivery time' });
const phoneField = (name: Phrase) => label(z.string().trim().regex(/^(\+62|0)[0-9\- ]{6,16}$/, fieldMessage({ id: 'nomor telepon tidak valid', en: 'not a valid phone number' })).nullish().or(z.literal('').transform(() => null)), name);

const buyerFields = {
  name: text({ id: 'Nama pembeli', en: 'Buyer name' }, 160),
  kind: label(z.enum(['skpd', 'bumd', 'swasta', 'lainnya']), { id: 'Jenis pembeli', en: 'Buyer type' }),
  units: label(z.array(z.string().trim().min(1).max(120)).max(30), { id: 'Unit kerja', en: 'Work unit' }).default([]),
  address: text({ id: 'Alamat pembeli', en: 'Buyer address' }, 300),
  kelurahanKode: kelurahanKode.nullish(),
  phone: phoneField({ id: 'Telepon', en: 'Phone' }),
  email: label(z.email().max(120), { id: 'Email', en: 'Email' }).nullish().or(z.literal('').transform(() => null)),
  npwp: optionalText({ id: 'NPWP', en: 'NPWP' }, 30),
  ppkName: optionalText({ id: 'Nama PPK', en: 'PPK name' }, 120),
  ppkNip: label(z.string().trim().regex(/^\d{18}$/, fieldMessage({ id: 'NIP harus 18 angka', en: 'NIP must be 18 digits' })), { id: 'NIP PPK', en: 'PPK NIP' }).nullish().or(z.literal('').transform(() => null)),
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
      .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/, fieldMessage({ id: 'foto harus gambar PNG, JPEG atau WebP', en: 'the photo must be a PNG, JPEG or WebP image' })),
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

const itemSchema = z.strictObject({
  description: text({ id: 'Uraian barang', en: 'Item description' }, 200),
  kbliKode: kbliKode.nullish(),
  kind: kindField.nullish(),
  quantity: quantityField({ id: 'Jumlah', en: 'Quantity' }),
  unit: text({ id: 'Satuan', en: 'Unit' }, 30),
  unitPrice: priceField({ id: 'Harga satuan', en: 'Unit price' }),
});

const orderFields = {
  buyerId: id({ id: 'Pembeli', en: 'Buyer' }),
  buyerUnit: optionalText({ id: 'Unit kerja pembeli', en: 'Buyer work unit' }, 120),
  buyerOrderNo: optionalText({ id: 'Nomor pesanan pembeli', en: 'Buyer order number' }, 60),
  budgetRef: optionalText({ id: 'Paket anggaran', en: 'Budget package' }, 120),
  orderDate: isoDate({ id: 'Tanggal pesanan', en: 'Order date' }),
  deliveryDate: isoDate({ id: 'Tanggal kirim', en: 'Delivery date' }),
  deliveryTime: timeField.nullish().or(z.literal('').transform(() => null)),
  deliveryAddress: text({ id: 'Alamat kirim', en: 'Delivery address' }, 300),
  deliveryKelurahanKode: kelurahanKode.nullish().or(z.literal('').transform(() => null)),
  notes: optionalText({ id: 'Catatan', en: 'Note' }, 1000),
  items: label(z.array(itemSchema).min(1, fieldMessage({ id: 'isi minimal 1 barang', en: 'enter at least 1 item' })).max(50), { id: 'Barang', en: 'Items' }),
};

// ---------------------------------------------------------------------------------------------
// Helpers

async function checkKbli(ctx: CallContext, kode: string, field: string) {
  const row = await ctx.db.selectFrom('kbli').select('kode').where('kode', '=', kode).where('level', '=', 'kelompok').executeTakeFirst();
  if (!row) throw badInput(field, { id: `${field.endsWith('kbliKode') ? 'KBLI' : field}: kode ${kode} tidak ada di KBLI 2020`, en: `${field.endsWith('kbliKode') ? 'KBLI' : field}: code ${kode} is not in KBLI 2020` });
}

async function checkKelurahan(ctx: CallContext, kode: string | null | undefined, field: string, name: Phrase) {
  if (!kode) return;
  const row = await ctx.db.selectFrom('regions').select('kode').where('kode', '=', kode).where('level', '=', 'kelurahan').executeTakeFirst();
  if (!row) throw badInput(field, { id: `${name.id}: kelurahan ${kode} tidak dikenal`, en: `${name.en}: unknown kelurahan ${kode}` });
}

const orderSchema = z.strictObject(orderFields);
type OrderInput = z.output<typeof orderSchema>;

async function validateOrder(ctx: CallContext, input: OrderInput) {
  const now = today(ctx);
  const fields: FieldPhrases = {};
  if (input.orderDate > now) fields.orderDate = { id: 'Tanggal pesanan: tidak boleh setelah hari ini', en: 'Order date: may not be after today' };
  if (input.deliveryDate < now) fields.deliveryDate = { id: 'Tanggal kirim: tidak boleh sebelum hari ini', en: 'Delivery date: may not be before today' };
  else if (input.deliveryDate < input.orderDate) fields.deliveryDate = { id: 'Tanggal kirim: tidak boleh sebelum tanggal pesanan', en: 'Delivery date: may not be before the order date' };
  input.items.forEach((item, i) => {
    if (!item.kbliKode && !item.kind) {
      fields[`items.${i}.kind`] = {
        id: `Barang › baris ${i + 1} › Jenis produk: isi jenis produk atau KBLI agar dapat dicocokkan dengan usaha`,
        en: `Items › row ${i + 1} › Product type: enter the product type or KBLI so that it can be matched with a business`,
      };
    }
  });
  if (Object.keys(fields).length) throw new AppError('bad_input', summarise(fields), fields);
  const buyer = await ctx.db.selectFrom('order_buyers').select(['id', 'active']).where('id', '=', input.buyerId).executeTakeFirst();
  if (!buyer) throw badInput('buyerId', { id: 'Pembeli: tidak ditemukan', en: 'Buyer: not found' });
  if (!buyer.active) throw badInput('buyerId', { id: 'Pembeli: sudah tidak aktif', en: 'Buyer: no longer active' });
  await checkKelurahan(ctx, input.deliveryKelurahanKode, 'deliveryKelurahanKode', { id: 'Kelurahan alamat kirim', en: 'Delivery address kelurahan' });
  for (const [i, item] of input.items.entries()) if (item.kbliKode) await checkKbli(ctx, item.kbliKode, `items.${i}.kbliKode`);
}

function orderRow(input: OrderInput, nowIso: string) {
  const totals = orderTotals(input.items.map((i) => ({ qty: i.quantity, unitPrice: i.unitPrice })), 0);
  return {
    values: {
      buyer_id: input.buyerId,
      buyer_unit: input.buyerUnit ?? null,
      buyer_order_no: input.buyerOrderNo ?? null,
      budget_ref: input.budgetRef ?? null,
      order_date: input.orderDate,
      delivery_date: input.deliveryDate,
      delivery_time: input.deliveryTime ?? null,
      delivery_address: input.deliveryAddress,
      delivery_kelurahan_kode: input.deliveryKelurahanKode ?? null,
      notes: input.notes ?? null,
      item_count: input.items.length,
      total_amount: totals.subtotal,
      updated_at: nowIso,
    },
    items: input.items.map((item, i) => ({
      line_no: i + 1,
      description: item.description,
      kbli_kode: item.kbliKode ?? null,
      kind: item.kind ?? null,
      quantity: item.quantity,
      unit: item.unit,
      unit_price: item.unitPrice,
      amount: totals.lines[i].total,
    })),
  };
}

async function loadOrder(ctx: CallContext, orderId: string) {
  const order = await ctx.db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
  if (!order) throw notFound({ id: 'Pesanan', en: 'Order' });
  return order;
}

async function loadAssignment(ctx: CallContext, assignmentId: string) {
  const a = await ctx.db.selectFrom('order_assignments').selectAll().where('id', '=', assignmentId).executeTakeFirst();
  if (!a) throw notFound({ id: 'Penugasan', en: 'Assignment' });
  return a;
}

function transitionError(check: { code: 'forbidden' | 'conflict' | 'bad_input'; message: Phrase }, field: string): AppError {
  if (check.code === 'forbidden') return forbidden(check.message);
  if (check.code === 'conflict') return conflict(check.message);
  return badInput(field, check.message);
}

async function recordMove(ctx: CallContext, a: { id: string; status: OrderStatus }, to: OrderStatus, reason: string | null, extra: Record<string, unknown> = {}) {
  const nowIso = ctx.app.clock.nowIso();
  const updated = await ctx.db
    .updateTable('order_assignments')
    .set({ status: to, updated_at: nowIso, ...extra })
    .where('id', '=', a.id)
    .where('status', '=', a.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw conflict({ id: 'Penugasan baru saja diubah orang lain. Muat ulang halaman.', en: 'Someone else just changed the assignment. Reload the page.' });
  await ctx.db
    .insertInto('order_events')
    .values({ id: ctx.app.newId(), assignment_id: a.id, from_status: a.status, to_status: to, at: nowIso, user_id: userId(ctx), reason })
    .execute();
  await ctx.audit({ entity: 'order_assignment', entityId: a.id, before: { status: a.status }, after: { status: to, reason, ...extra } });
}

const assignmentColumns = [
  'a.id',
  'a.assignment_no as assignmentNo',
  'a.order_id as orderId',
  'a.item_id as itemId',
  'a.business_id as businessId',
  'a.member_id as memberId',
  'a.product_id as productId',
  'a.quantity',
  'a.unit_price as unitPrice',
  'a.amount',
  'a.ppn_rate_bp as ppnRateBp',
  'a.status',
  'a.delivery_date as deliveryDate',
  'a.assigned_on as assignedOn',
  'a.override_reason as overrideReason',
  'a.delivered_on as deliveredOn',
  'a.paid_amount as paidAmount',
  'a.paid_on as paidOn',
  'a.payment_note as paymentNote',
] as const;

function invoiceTotal(amount: number, ppnRateBp: number) {
  return orderTotals([{ qty: 1, unitPrice: amount }], ppnRateBp).total;
}

// ---------------------------------------------------------------------------------------------
// Methods

export const orderMethods = {
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
      const page = await fetchPage(rows, q.select((eb) => eb.fn.countAll<number>().as('total')), input);
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
      await ctx.db.insertInto('order_buyers').values({ id: newId, ...values, created_at: nowIso }).execute();
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
      if (input.search) q = q.where('p.name', 'like', `%${likeEscape(input.search)}%`, );
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
      return fetchPage(rows, q.select((eb) => eb.fn.countAll<number>().as('total')), input);
    },
  }),

  'orderProducts.save': defineMethod({
    summary: 'Mengajukan produk anggota ke katalog e-order atau mengubahnya',
    access: STAFF,
    mutation: true,
    input: z.strictObject({ id: id({ id: 'Produk', en: 'Product' }).optional(), ...productFields }),
    handler: async (ctx, input) => {
      const business = await ctx.db.selectFrom('businesses').select(['id', 'member_id', 'kelurahan_kode', 'status']).where('id', '=', input.businessId).executeTakeFirst();
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
        const judged = before.name !== values.name || before.kind !== values.kind || before.kbli_kode !== values.kbli_kode || before.photo !== values.photo || before.business_id !== values.business_id;
        const reset = judged ? { curation_status: 'diajukan' as const, curation_reason: null, curated_by: null, curated_at: null } : {};
        await ctx.db.updateTable('order_products').set({ ...values, ...reset }).where('id', '=', input.id).execute();
        await ctx.audit({ entity: 'order_product', entityId: input.id, before: { ...before, photo: before.photo ? '(foto)' : null }, after: { ...values, ...reset, photo: values.photo ? '(foto)' : null } });
        return { id: input.id, curationStatus: judged ? 'diajukan' : before.curation_status };
      }
      const newId = ctx.app.newId();
      await ctx.db.insertInto('order_products').values({ id: newId, ...values, curation_status: 'diajukan', crit_rasa: 0, crit_kemasan: 0, crit_higienitas: 0, crit_halal: 0, crit_foto: 0, created_at: nowIso }).execute();
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
        if (missing.length) throw badInput('criteria', { id: `Kriteria kurasi: produk lolos bila semua kriteria terpenuhi; belum: ${missing.map((k) => criteriaLabels[k].id).join(', ')}`, en: `Curation criteria: a product passes when every criterion is met; not yet: ${missing.map((k) => criteriaLabels[k].en).join(', ')}` });
      }
      if (input.status === 'tidak_lolos' && !input.reason) throw badInput('reason', { id: 'Alasan: wajib diisi bila produk tidak lolos kurasi', en: 'Reason: required when the product fails curation' });
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

  'orders.settings': defineMethod({
    summary: 'Pengaturan e-order: tarif PPN, batas hari tagihan belum dibayar, jendela rotasi',
    access: STAFF,
    mutation: false,
    input: z.strictObject({}),
    handler: (ctx) => loadOrderSettings(ctx.db),
  }),

  'orders.saveSettings': defineMethod({
    summary: 'Mengubah pengaturan e-order (admin)',
    access: ['admin'],
    mutation: true,
    input: z.strictObject({
      ppnRateBp: label(z.number().int().min(0).max(10_000), { id: 'Tarif PPN (basis poin)', en: 'VAT rate (basis points)' }),
      unpaidAlertDays: label(z.number().int().min(1).max(365), { id: 'Batas hari belum dibayar', en: 'Days unpaid before overdue' }),
      rotationDays: label(z.number().int().min(1).max(365), { id: 'Jendela rotasi (hari)', en: 'Rotation window (days)' }),
    }),
    handler: async (ctx, input) => {
      const before = await loadOrderSettings(ctx.db);
      const value = orderSettingsSchema.parse(input);
      await setSetting(ctx.db, ORDER_SETTINGS_KEY, value, ctx.app.clock.nowIso());
      await ctx.audit({ entity: 'settings', entityId: ORDER_SETTINGS_KEY, before, after: value });
      return value;
    },
  }),

  'orders.list': defineMethod({
    summary: 'Daftar pesanan e-order (tabel server: saring status, pembeli, jatuh tempo; urutkan)',
    access: STAFF,
    mutation: false,
    input: z.strictObject({
      search: label(z.string().trim().max(60), { id: 'Cari nomor pesanan', en: 'Search order number' }).optional(),
      stage: label(z.enum(['baru', ...orderStatuses]), { id: 'Status', en: 'Status' }).optional(),
      buyerId: id({ id: 'Pembeli', en: 'Buyer' }).optional(),
      due: label(z.enum(['late', 'today', 'next7']), { id: 'Jatuh tempo', en: 'Overdue' }).optional(),
      ...pageInput(['orderDate', 'deliveryDate', 'orderNo', 'total'], 'orderDate', 'desc'),
    }),
    handler: async (ctx, input) => {
      const now = today(ctx);
      let q = ctx.db.selectFrom('orders as o');
      if (input.search) {
        const s = input.search.toUpperCase();
        q = /^\d{1,5}$/.test(s) ? q.where('o.order_no', 'like', `%-${s.padStart(5, '0')}`) : q.where('o.order_no', '>=', s).where('o.order_no', '<', `${s}\uffff`);
      }
      if (input.stage) q = q.where('o.stage', '=', input.stage);
      if (input.buyerId) q = q.where('o.buyer_id', '=', input.buyerId);
      if (input.due) {
        const pending = ['baru', 'dipesan', 'dikonfirmasi', 'diproduksi'] as const;
        if (!input.stage) q = q.where('o.stage', 'in', pending);
        if (input.due === 'late') q = q.where('o.delivery_date', '<', now);
        else if (input.due === 'today') q = q.where('o.delivery_date', '=', now);
        else q = q.where('o.delivery_date', '>=', now).where('o.delivery_date', '<=', addDays(now, 7));
      }
      const sortCol = { orderDate: 'o.order_date', deliveryDate: 'o.delivery_date', orderNo: 'o.order_no', total: 'o.total_amount' } as const;
      const rows = q
        .select((eb) => eb.selectFrom('order_buyers as b').select('b.name').whereRef('b.id', '=', 'o.buyer_id').as('buyerName'))
        .select([
          'o.id',
          'o.order_no as orderNo',
          'o.order_date as orderDate',
          'o.delivery_date as deliveryDate',
          'o.delivery_time as deliveryTime',
          'o.buyer_unit as buyerUnit',
          'o.item_count as itemCount',
          'o.total_amount as total',
          'o.stage',
          'o.status',
        ])
        .orderBy(sortCol[input.sort], input.dir)
        .orderBy('o.order_no', input.dir);
      return fetchPage(rows, q.select((eb) => eb.fn.countAll<number>().as('total')), input);
    },
  }),

  'orders.get': defineMethod({
    summary: 'Satu pesanan dengan barang, penugasan, riwayat status dan tindakan yang boleh',
    access: STAFF,
    mutation: false,
    input: z.strictObject({ id: id({ id: 'Pesanan', en: 'Order' }) }),
    handler: async (ctx, input) => {
      const order = await loadOrder(ctx, input.id);
      const settings = await loadOrderSettings(ctx.db);
      const now = today(ctx);
      const buyer = await ctx.db.selectFrom('order_buyers').selectAll().where('id', '=', order.buyer_id).executeTakeFirstOrThrow();
      const items = await ctx.db.selectFrom('order_items').selectAll().where('order_id', '=', order.id).orderBy('line_no').execute();
      const assignments = await ctx.db
        .selectFrom('order_assignments as a')
        .innerJoin('businesses as b', 'b.id', 'a.business_id')
        .innerJoin('members as m', 'm.id', 'a.member_id')
        .innerJoin('order_products as p', 'p.id', 'a.product_id')
        .select([...assignmentColumns, 'b.name as businessName', 'm.full_name as ownerName', 'p.name as productName'])
        .where('a.order_id', '=', order.id)
        .orderBy('a.assignment_no')
        .execute();
      const events = assignments.length
        ? await ctx.db
            .selectFrom('order_events as e')
            .leftJoin('users as u', 'u.id', 'e.user_id')
            .select(['e.id', 'e.assignment_id as assignmentId', 'e.from_status as fromStatus', 'e.to_status as toStatus', 'e.at', 'e.reason', 'e.user_id as userId', 'u.full_name as userName'])
            .where(
              'e.assignment_id',
              'in',
              assignments.map((a) => a.id),
            )
            .orderBy('e.at')
            .orderBy('e.id')
            .execute()
        : [];
      const role = ctx.user!.role;
      return {
        order: {
          id: order.id,
          orderNo: order.order_no,
          buyerId: order.buyer_id,
          buyerUnit: order.buyer_unit,
          buyerOrderNo: order.buyer_order_no,
          budgetRef: order.budget_ref,
          orderDate: order.order_date,
          deliveryDate: order.delivery_date,
          deliveryTime: order.delivery_time,
          deliveryAddress: order.delivery_address,
          deliveryKelurahanKode: order.delivery_kelurahan_kode,
          notes: order.notes,
          status: order.status,
          stage: order.stage,
          cancelReason: order.cancel_reason,
          total: order.total_amount,
          amendable: order.status === 'baru' && assignments.length === 0,
          late: order.delivery_date < now && ['baru', 'dipesan', 'dikonfirmasi', 'diproduksi'].includes(order.stage),
        },
        buyer: { id: buyer.id, name: buyer.name, kind: buyer.kind, ppkName: buyer.ppk_name, treasurerName: buyer.treasurer_name, units: JSON.parse(buyer.units) as string[] },
        items: items.map((i) => {
          const active = assignments.filter((a) => a.itemId === i.id && !INACTIVE_STATUSES.includes(a.status));
          const assigned = active.reduce((s, a) => s + a.quantity, 0);
          return {
            id: i.id,
            lineNo: i.line_no,
            description: i.description,
            kbliKode: i.kbli_kode,
            kind: i.kind,
            quantity: i.quantity,
            unit: i.unit,
            unitPrice: i.unit_price,
            amount: i.amount,
            assigned,
            remaining: i.quantity - assigned,
          };
        }),
        assignments: assignments.map((a) => ({
          ...a,
          statusLabel: orderStatusLabels[a.status][ctx.locale],
          invoiceTotal: invoiceTotal(a.amount, a.ppnRateBp),
          late: UNDELIVERED_STATUSES.includes(a.status) && a.deliveryDate < now,
          unpaidOverdue: a.status === 'diterima' && !!a.deliveredOn && daysBetween(a.deliveredOn, now) > settings.unpaidAlertDays,
          daysToPayment: a.paidOn && a.deliveredOn ? daysBetween(a.deliveredOn, a.paidOn) : null,
          moves: order.status === 'dibatalkan' ? [] : allowedOrderTransitions(a.status, role as 'petugas').map((t) => ({ to: t.to, label: orderStatusLabels[t.to][ctx.locale], requires: t.requires })),
          events: events.filter((e) => e.assignmentId === a.id),
          // Whether this user may still take back the last move (rules/undo.ts).
          undoable: (() => {
            const own = events.filter((e) => e.assignmentId === a.id);
            const last = own[own.length - 1];
            return !!last && order.status !== 'dibatalkan' && checkUndo({ fromStatus: last.fromStatus, toStatus: last.toStatus, at: last.at, userId: last.userId }, a.status, ctx.user!.id, ctx.app.clock.nowIso(), orderStatusLabels).ok;
          })(),
        })),
      };
    },
  }),

  'orders.create': defineMethod({
    summary: 'Mencatat pesanan baru dari pembeli',
    access: STAFF,
    mutation: true,
    input: orderSchema,
    handler: async (ctx, input) => {
      await validateOrder(ctx, input);
      const nowIso = ctx.app.clock.nowIso();
      const year = input.orderDate.slice(0, 4);
      const seq = await nextSequence(ctx.db, 'order', year);
      const orderNo = `EO-${year}-${String(seq).padStart(5, '0')}`;
      const orderId = ctx.app.newId();
      const { values, items } = orderRow(input, nowIso);
      await ctx.db
        .insertInto('orders')
        .values({ id: orderId, order_no: orderNo, ...values, status: 'baru', stage: 'baru', created_by: userId(ctx), created_at: nowIso })
        .execute();
      await ctx.db.insertInto('order_items').values(items.map((i) => ({ id: ctx.app.newId(), order_id: orderId, ...i }))).execute();
      await ctx.audit({ entity: 'order', entityId: orderId, after: { orderNo, ...values, items } });
      return { id: orderId, orderNo };
    },
  }),

  'orders.update': defineMethod({
    summary: 'Mengubah pesanan yang belum dikonfirmasi',
    access: STAFF,
    mutation: true,
    input: z.strictObject({ id: id({ id: 'Pesanan', en: 'Order' }), ...orderFields }),
    handler: async (ctx, input) => {
      const before = await loadOrder(ctx, input.id);
      const count = await ctx.db.selectFrom('order_assignments').select((eb) => eb.fn.countAll<number>().as('n')).where('order_id', '=', input.id).executeTakeFirstOrThrow();
      if (before.status !== 'baru' || Number(count.n) > 0) throw conflict({ id: `Pesanan ${before.order_no} sudah dikonfirmasi atau ditugaskan dan tidak dapat diubah lagi.`, en: `Order ${before.order_no} is already confirmed or assigned and can no longer be changed.` });
      await validateOrder(ctx, input);
      const nowIso = ctx.app.clock.nowIso();
      const { values, items } = orderRow(input, nowIso);
      const beforeItems = await ctx.db.selectFrom('order_items').selectAll().where('order_id', '=', input.id).execute();
      await ctx.db.deleteFrom('order_items').where('order_id', '=', input.id).execute();
      await ctx.db.updateTable('orders').set(values).where('id', '=', input.id).execute();
      await ctx.db.insertInto('order_items').values(items.map((i) => ({ id: ctx.app.newId(), order_id: input.id, ...i }))).execute();
      await ctx.audit({ entity: 'order', entityId: input.id, before: { ...before, items: beforeItems }, after: { ...values, items } });
      return { id: input.id, orderNo: before.order_no };
    },
  }),

  'orders.confirm': defineMethod({
    summary: 'Mengunci pesanan (tidak dapat diubah lagi) sebelum ditugaskan',
    access: STAFF,
    mutation: true,
    input: z.strictObject({ id: id({ id: 'Pesanan', en: 'Order' }) }),
    handler: async (ctx, input) => {
      const order = await loadOrder(ctx, input.id);
      if (order.status !== 'baru') throw conflict({ id: `Pesanan ${order.order_no} sudah berstatus ${orderStatusLabels[order.status].id}.`, en: `Order ${order.order_no} is already ${orderStatusLabels[order.status].en}.` });
      await ctx.db.updateTable('orders').set({ status: 'dikonfirmasi', updated_at: ctx.app.clock.nowIso() }).where('id', '=', input.id).execute();
      await ctx.audit({ entity: 'order', entityId: input.id, before: { status: order.status }, after: { status: 'dikonfirmasi' } });
      return { id: input.id, status: 'dikonfirmasi' as const };
    },
  }),

  'orders.cancel': defineMethod({
    summary: 'Membatalkan pesanan dengan alasan (sebelum barang dikirim)',
    access: STAFF,
    mutation: true,
    input: z.strictObject({ id: id({ id: 'Pesanan', en: 'Order' }), reason: text({ id: 'Alasan pembatalan', en: 'Reason for cancelling' }, 500) }),
    handler: async (ctx, input) => {
      const order = await loadOrder(ctx, input.id);
      if (order.status === 'dibatalkan') throw conflict({ id: `Pesanan ${order.order_no} sudah dibatalkan.`, en: `Order ${order.order_no} is already cancelled.` });
      const assignments = await ctx.db.selectFrom('order_assignments').select(['id', 'status', 'assignment_no']).where('order_id', '=', input.id).execute();
      const sent = assignments.filter((a) => !INACTIVE_STATUSES.includes(a.status) && !['dipesan', 'dikonfirmasi', 'diproduksi'].includes(a.status));
      if (sent.length) throw conflict({ id: `Pesanan tidak dapat dibatalkan: barang penugasan ${sent.map((a) => a.assignment_no).join(', ')} sudah dikirim.`, en: `The order cannot be cancelled: the goods of assignment ${sent.map((a) => a.assignment_no).join(', ')} have been sent.` });
      for (const a of assignments) {
        if (INACTIVE_STATUSES.includes(a.status)) continue;
        const check = checkOrderTransition(a.status, 'dibatalkan', ctx.user!.role, { reason: input.reason });
        if (!check.ok) throw transitionError(check, 'reason');
        await recordMove(ctx, a, 'dibatalkan', input.reason);
      }
      const nowIso = ctx.app.clock.nowIso();
      await ctx.db.updateTable('orders').set({ status: 'dibatalkan', stage: 'dibatalkan', cancel_reason: input.reason, updated_at: nowIso }).where('id', '=', input.id).execute();
      await ctx.audit({ entity: 'order', entityId: input.id, before: { status: order.status }, after: { status: 'dibatalkan', reason: input.reason } });
      return { id: input.id, status: 'dibatalkan' as const };
    },
  }),

  'orders.propose': defineMethod({
    summary: 'Usulan usaha anggota untuk satu barang pesanan: produk lolos kurasi, kapasitas, kedekatan, rotasi adil',
    access: STAFF,
    mutation: false,
    input: z.strictObject({ itemId: id({ id: 'Barang', en: 'Items' }), limit: label(z.number().int().min(1).max(100), { id: 'Jumlah usulan', en: 'Proposed quantity' }).default(20) }),
    handler: async (ctx, input) => {
      const settings = await loadOrderSettings(ctx.db);
      const proposal = await proposeForItem(ctx.db, { itemId: input.itemId, today: today(ctx), rotationDays: settings.rotationDays, limit: input.limit });
      if (!proposal) throw notFound({ id: 'Barang pesanan', en: 'Ordered item' });
      return proposal;
    },
  }),

  'orders.assign': defineMethod({
    summary: 'Menugaskan satu barang pesanan ke satu usaha atau membaginya ke beberapa usaha',
    access: STAFF,
    mutation: true,
    input: z.strictObject({
      itemId: id({ id: 'Barang', en: 'Items' }),
      parts: label(
        z
          .array(z.strictObject({ productId: id({ id: 'Produk', en: 'Product' }), quantity: quantityField({ id: 'Jumlah', en: 'Quantity' }) }))
          .min(1, fieldMessage({ id: 'pilih minimal 1 usaha', en: 'choose at least 1 business' }))
          .max(20),
        { id: 'Bagian', en: 'Shares' },
      ),
      overrideReason: optionalText({ id: 'Alasan melebihi kapasitas', en: 'Reason for exceeding capacity' }, 500),
    }),
    handler: async (ctx, input) => {
      const item = await ctx.db.selectFrom('order_items').selectAll().where('id', '=', input.itemId).executeTakeFirst();
      if (!item) throw notFound({ id: 'Barang pesanan', en: 'Ordered item' });
      const order = await loadOrder(ctx, item.order_id);
      if (order.status === 'dibatalkan') throw conflict({ id: `Pesanan ${order.order_no} sudah dibatalkan.`, en: `Order ${order.order_no} is already cancelled.` });
      const remaining = item.quantity - (await assignedQuantity(ctx.db, item.id));
      if (remaining <= 0) throw conflict({ id: `Barang "${item.description}" sudah ditugaskan seluruhnya.`, en: `Item "${item.description}" is already fully assigned.` });
      const split = checkQuantitySplit(remaining, input.parts.map((p) => p.quantity));
      if (!split.ok) throw badInput('parts', { id: `Bagian: ${split.message.id}`, en: `Shares: ${split.message.en}` });
      const seen = new Set<string>();
      const now = today(ctx);
      const days = productionDays(now, order.delivery_date, await loadHolidays(ctx.db));
      const settings = await loadOrderSettings(ctx.db);
      const nowIso = ctx.app.clock.nowIso();
      const existing = await ctx.db.selectFrom('order_assignments').select((eb) => eb.fn.countAll<number>().as('n')).where('order_id', '=', order.id).executeTakeFirstOrThrow();
      let n = Number(existing.n);
      const created: { id: string; assignmentNo: string; businessName: string; quantity: number }[] = [];
      const fieldErrors: FieldPhrases = {};
      const plans = [];
      for (const [i, part] of input.parts.entries()) {
        const where: Phrase = { id: `Bagian › baris ${i + 1}`, en: `Shares › row ${i + 1}` };
        if (seen.has(part.productId)) throw badInput(`parts.${i}.productId`, { id: `${where.id} › Produk: usaha/produk yang sama dipilih dua kali`, en: `${where.en} › Product: the same business/product is chosen twice` });
        seen.add(part.productId);
        const product = await ctx.db
          .selectFrom('order_products as p')
          .innerJoin('businesses as b', 'b.id', 'p.business_id')
          .select(['p.id', 'p.business_id', 'p.member_id', 'p.curation_status', 'p.daily_capacity', 'p.kbli_kode', 'p.kind', 'b.name as businessName', 'b.status as businessStatus'])
          .where('p.id', '=', part.productId)
          .executeTakeFirst();
        if (!product) throw badInput(`parts.${i}.productId`, { id: `${where.id} › Produk: tidak ditemukan`, en: `${where.en} › Product: not found` });
        if (product.curation_status !== 'lolos') throw badInput(`parts.${i}.productId`, { id: `${where.id} › Produk: produk ${product.businessName} belum lolos kurasi`, en: `${where.en} › Product: the product of ${product.businessName} has not passed curation` });
        if (product.businessStatus !== 'aktif') throw badInput(`parts.${i}.productId`, { id: `${where.id} › Produk: usaha ${product.businessName} sudah tutup`, en: `${where.en} › Product: ${product.businessName} is closed` });
        if (product.kbli_kode !== item.kbli_kode && product.kind !== item.kind) {
          throw badInput(`parts.${i}.productId`, { id: `${where.id} › Produk: jenis produk ${product.businessName} tidak sesuai dengan barang yang dipesan`, en: `${where.en} › Product: the product type of ${product.businessName} does not match the ordered item` });
        }
        const available = availableCapacity(product.daily_capacity, days, await openQuantity(ctx.db, product.id, order.delivery_date));
        if (part.quantity > available && !input.overrideReason) {
          fieldErrors[`parts.${i}.quantity`] = {
            id: `${where.id} › Jumlah: ${part.quantity} melebihi sisa kapasitas ${product.businessName} sebelum tanggal kirim (${Math.max(0, available)}); isi alasan bila tetap ditugaskan`,
            en: `${where.en} › Quantity: ${part.quantity} is more than what ${product.businessName} can still make before the delivery date (${Math.max(0, available)}); give a reason to assign it anyway`,
          };
        }
        plans.push({ part, product, overCapacity: part.quantity > available });
      }
      if (Object.keys(fieldErrors).length) throw new AppError('bad_input', summarise(fieldErrors), fieldErrors);
      for (const { part, product, overCapacity } of plans) {
        n += 1;
        const assignmentId = ctx.app.newId();
        const assignmentNo = `${order.order_no}-${n}`;
        const values = {
          id: assignmentId,
          assignment_no: assignmentNo,
          order_id: order.id,
          item_id: item.id,
          business_id: product.business_id,
          member_id: product.member_id,
          product_id: product.id,
          quantity: part.quantity,
          unit_price: item.unit_price,
          amount: lineTotal(part.quantity, item.unit_price),
          ppn_rate_bp: settings.ppnRateBp,
          status: 'dipesan' as const,
          delivery_date: order.delivery_date,
          assigned_on: now,
          override_reason: overCapacity ? (input.overrideReason ?? null) : null,
          assigned_by: userId(ctx),
          created_at: nowIso,
          updated_at: nowIso,
        };
        await ctx.db.insertInto('order_assignments').values(values).execute();
        await ctx.db
          .insertInto('order_events')
          .values({ id: ctx.app.newId(), assignment_id: assignmentId, from_status: null, to_status: 'dipesan', at: nowIso, user_id: userId(ctx), reason: values.override_reason })
          .execute();
        await ctx.audit({ entity: 'order_assignment', entityId: assignmentId, after: values });
        created.push({ id: assignmentId, assignmentNo, businessName: product.businessName, quantity: part.quantity });
      }
      if (order.status === 'baru') {
        await ctx.db.updateTable('orders').set({ status: 'dikonfirmasi', updated_at: nowIso }).where('id', '=', order.id).execute();
      }
      const stage = await refreshOrderStage(ctx.db, order.id, nowIso);
      return { assignments: created, stage };
    },
  }),

  'orders.move': defineMethod({
    summary: 'Mencatat perpindahan status satu penugasan sesuai tabel status dan peran',
    // Any signed-in role may ask; the state table says who may record which move.
    access: 'authenticated',
    mutation: true,
    input: z.strictObject({
      assignmentId: id({ id: 'Penugasan', en: 'Assignment' }),
      to: label(z.enum(orderStatuses), { id: 'Status baru', en: 'New status' }),
      reason: optionalText({ id: 'Alasan', en: 'Reason' }, 500),
      bastSigned: label(z.boolean(), { id: 'BAST ditandatangani', en: 'BAST signed' }).optional(),
      date: isoDate({ id: 'Tanggal diterima', en: 'Date received' }).optional(),
    }),
    handler: async (ctx, input) => {
      const a = await loadAssignment(ctx, input.assignmentId);
      const order = await loadOrder(ctx, a.order_id);
      const check = checkOrderTransition(a.status, input.to, ctx.user!.role, { reason: input.reason, bastSigned: input.bastSigned });
      if (!check.ok) throw transitionError(check, input.to === 'diterima' ? 'bastSigned' : 'reason');
      if (input.to === 'dibayar') throw conflict({ id: 'Catat pembayaran (jumlah dan tanggal diterima) untuk mengubah status menjadi Dibayar.', en: 'Record the payment (amount and date received) to change the status to Paid.' });
      if (order.status === 'dibatalkan') throw conflict({ id: `Pesanan ${order.order_no} sudah dibatalkan.`, en: `Order ${order.order_no} is already cancelled.` });
      const now = today(ctx);
      const extra: Record<string, unknown> = {};
      if (input.to === 'diterima') {
        const on = input.date ?? now;
        if (on > now) throw badInput('date', { id: 'Tanggal diterima: tidak boleh setelah hari ini', en: 'Date received: may not be after today' });
        extra.delivered_on = on;
      }
      await recordMove(ctx, a, input.to, input.reason ?? null, extra);
      if (input.to === 'diterima') {
        // A member's first e-order delivered is their P5 (pemasaran); later ones keep the first date.
        await completeStage(ctx.db, {
          memberId: a.member_id,
          stage: 'P5',
          completedOn: extra.delivered_on as string,
          evidence: recordText('order', { number: a.assignment_no }),
          source: 'order',
          sourceId: a.id,
          userId: userId(ctx),
          nowIso: ctx.app.clock.nowIso(),
        });
      }
      const stage = await refreshOrderStage(ctx.db, a.order_id, ctx.app.clock.nowIso());
      return { id: a.id, status: input.to, stage };
    },
  }),

  'orders.recordPayment': defineMethod({
    summary: 'Mencatat pembayaran yang diterima usaha untuk penugasan yang sudah diterima pembeli',
    access: STAFF,
    mutation: true,
    input: z.strictObject({
      assignmentId: id({ id: 'Penugasan', en: 'Assignment' }),
      amount: label(rupiah({ id: 'Jumlah dibayar', en: 'Amount paid' }).refine((v) => v > 0, fieldMessage({ id: 'harus lebih dari 0', en: 'must be more than 0' })), { id: 'Jumlah dibayar', en: 'Amount paid' }),
      paidOn: isoDate({ id: 'Tanggal dibayar', en: 'Date paid' }),
      note: optionalText({ id: 'Catatan pembayaran', en: 'Payment note' }, 300),
    }),
    handler: async (ctx, input) => {
      const a = await loadAssignment(ctx, input.assignmentId);
      const check = checkOrderTransition(a.status, 'dibayar', ctx.user!.role);
      if (!check.ok) throw transitionError(check, 'amount');
      const total = invoiceTotal(a.amount, a.ppn_rate_bp);
      if (input.amount > total) throw badInput('amount', { id: `Jumlah dibayar: melebihi tagihan ${total.toLocaleString('id-ID')} rupiah`, en: `Amount paid: more than the invoice of Rp ${total.toLocaleString('id-ID')}` });
      if (input.paidOn > today(ctx)) throw badInput('paidOn', { id: 'Tanggal dibayar: tidak boleh setelah hari ini', en: 'Date paid: may not be after today' });
      if (a.delivered_on && input.paidOn < a.delivered_on) throw badInput('paidOn', { id: 'Tanggal dibayar: tidak boleh sebelum tanggal barang diterima', en: 'Date paid: may not be before the goods were received' });
      await recordMove(ctx, a, 'dibayar', input.note ?? null, { paid_amount: input.amount, paid_on: input.paidOn, payment_note: input.note ?? null });
      const stage = await refreshOrderStage(ctx.db, a.order_id, ctx.app.clock.nowIso());
      return { id: a.id, status: 'dibayar' as const, stage, daysToPayment: a.delivered_on ? daysBetween(a.delivered_on, input.paidOn) : null, shortfall: total - input.amount };
    },
  }),

  'orders.due': defineMethod({
    summary: 'Penugasan yang jatuh tempo dalam beberapa hari, yang terlambat, dan tagihan yang lama belum dibayar',
    access: STAFF,
    mutation: false,
    input: z.strictObject({ days: label(z.number().int().min(0).max(60), { id: 'Jumlah hari', en: 'Number of days' }).default(3) }),
    handler: async (ctx, input) => {
      const now = today(ctx);
      const settings = await loadOrderSettings(ctx.db);
      const base = () =>
        ctx.db
          .selectFrom('order_assignments as a')
          .innerJoin('orders as o', 'o.id', 'a.order_id')
          .innerJoin('order_buyers as buyer', 'buyer.id', 'o.buyer_id')
          .innerJoin('businesses as b', 'b.id', 'a.business_id')
          .select([...assignmentColumns, 'o.order_no as orderNo', 'buyer.name as buyerName', 'b.name as businessName']);
      const limit = 100;
      const dueSoon = await base()
        .where('a.status', 'in', UNDELIVERED_STATUSES)
        .where('a.delivery_date', '>=', now)
        .where('a.delivery_date', '<=', addDays(now, input.days))
        .orderBy('a.delivery_date')
        .limit(limit)
        .execute();
      const late = await base().where('a.status', 'in', UNDELIVERED_STATUSES).where('a.delivery_date', '<', now).orderBy('a.delivery_date').limit(limit).execute();
      const unpaid = await base()
        .where('a.status', '=', 'diterima')
        .where('a.delivered_on', '<', addDays(now, -settings.unpaidAlertDays))
        .orderBy('a.delivered_on')
        .limit(limit)
        .execute();
      return { today: now, unpaidAlertDays: settings.unpaidAlertDays, dueSoon, late, unpaid: unpaid.map((u) => ({ ...u, daysSinceDelivery: daysBetween(u.deliveredOn!, now) })) };
    },
  }),

  'orders.byMember': defineMethod({
    summary: 'Pesanan e-order seorang anggota dan omzetnya, untuk halaman anggota',
    access: STAFF,
    mutation: false,
    input: z.strictObject({ memberId: id({ id: 'Anggota', en: 'Member' }) }),
    handler: async (ctx, input) => {
      const rows = await ctx.db
        .selectFrom('order_assignments as a')
        .innerJoin('orders as o', 'o.id', 'a.order_id')
        .innerJoin('order_buyers as buyer', 'buyer.id', 'o.buyer_id')
        .innerJoin('order_items as i', 'i.id', 'a.item_id')
        .innerJoin('businesses as b', 'b.id', 'a.business_id')
        .select([...assignmentColumns, 'o.order_no as orderNo', 'buyer.name as buyerName', 'i.description', 'i.unit', 'b.name as businessName'])
        .where('a.member_id', '=', input.memberId)
        .orderBy('a.assigned_on', 'desc')
        .orderBy('a.assignment_no', 'desc')
        .limit(500)
        .execute();
      const delivered = rows.filter((r) => DELIVERED_STATUSES.includes(r.status));
      return {
        assignments: rows.map((r) => ({ ...r, statusLabel: orderStatusLabels[r.status][ctx.locale] })),
        count: rows.filter((r) => !INACTIVE_STATUSES.includes(r.status)).length,
        deliveredCount: delivered.length,
        revenue: delivered.reduce((s, r) => s + r.amount, 0),
        paid: rows.reduce((s, r) => s + (r.paidAmount ?? 0), 0),
      };
    },
  }),

  ...documentMethods,
  ...undoMethods,
};
