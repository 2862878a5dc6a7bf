// Members, businesses, buyers and curated products for e-order tests. Members and businesses are
// written straight into the database (registration has its own API and tests); everything that
// belongs to e-order goes through the API.
import type { TestApp } from './app';
import { insertBusinessRow, insertMemberRow } from './members-factory';

export const KEL = {
  gelora: '31.71.07.1001',
  bendungan: '31.71.07.1002',
  karetTengsin: '31.71.07.1003',
  kebonKacang: '31.71.07.1006',
  menteng: '31.71.06.1001',
} as const;

let serial = 0;

export interface BusinessSpec {
  ownerName?: string;
  businessName?: string;
  kelurahanKode?: string;
  kbliKode?: string;
}

/** A member with one active catering business; returns their ids. */
export async function insertMemberBusiness(
  app: TestApp,
  spec: BusinessSpec = {},
): Promise<{ memberId: string; businessId: string; ownerName: string; businessName: string }> {
  const n = ++serial;
  const kelurahan = spec.kelurahanKode ?? KEL.gelora;
  const m = await insertMemberRow(app, {
    full_name: spec.ownerName ?? `Pemilik Usaha ${n}`,
    birth_date: '1980-01-05',
    address_street: `Jl. Pasar Uji No. ${n}`,
    kelurahan_kode: kelurahan,
  });
  const b = await insertBusinessRow(app, m.id, {
    name: spec.businessName ?? `Usaha Uji ${n}`,
    kbli_kode: spec.kbliKode ?? '56210',
    products: 'nasi kotak',
    address_street: `Jl. Pasar Uji No. ${n}`,
    kelurahan_kode: kelurahan,
    postal_code: '10270',
    capital: 5_000_000,
    monthly_turnover: 10_000_000,
    employees: 2,
    nib: '1234567890123',
    halal_status: 'bersertifikat',
    pirt_status: 'terdaftar',
  });
  return { memberId: m.id, businessId: b.id, ownerName: m.full_name, businessName: b.name };
}

export const ALL_CRITERIA = { rasa: true, kemasan: true, higienitas: true, halal: true, foto: true };

export interface ProductSpec {
  name?: string;
  kbliKode?: string;
  kind?: string;
  unit?: string;
  unitPrice?: number;
  dailyCapacity?: number;
  curate?: boolean;
}

/** A product of a business submitted through the API and (by default) curated as lolos. */
export async function curatedProduct(app: TestApp, token: string, businessId: string, spec: ProductSpec = {}): Promise<string> {
  const saved = await app.ok(
    'orderProducts.save',
    {
      businessId,
      name: spec.name ?? 'Nasi kotak ayam bakar',
      kbliKode: spec.kbliKode ?? '56210',
      kind: spec.kind ?? 'nasi kotak',
      unit: spec.unit ?? 'kotak',
      unitPrice: spec.unitPrice ?? 30_000,
      dailyCapacity: spec.dailyCapacity ?? 100,
      halalCertNo: 'ID31110000123450123',
    },
    token,
  );
  if (spec.curate !== false) await app.ok('orderProducts.curate', { id: saved.id, status: 'lolos', criteria: ALL_CRITERIA }, token);
  return saved.id;
}

export async function buyer(app: TestApp, token: string, name = 'Suku Dinas PPKUKM Jakarta Pusat'): Promise<string> {
  const saved = await app.ok(
    'orderBuyers.save',
    {
      name,
      kind: 'skpd',
      units: ['Seksi Pemberdayaan UMKM'],
      address: 'Jl. Tanah Abang I No. 1, Jakarta Pusat',
      kelurahanKode: KEL.gelora,
      ppkName: 'Ir. Bambang Sutrisno',
      ppkNip: '197501012000031001',
      procurementName: 'Dewi Lestari',
      treasurerName: 'Yuliana, S.E.',
    },
    token,
  );
  return saved.id;
}

export interface OrderSpec {
  buyerId: string;
  orderDate?: string;
  deliveryDate: string;
  deliveryKelurahanKode?: string | null;
  items?: { description?: string; kbliKode?: string | null; kind?: string | null; quantity: number; unit?: string; unitPrice?: number }[];
}

export function orderInput(spec: OrderSpec) {
  return {
    buyerId: spec.buyerId,
    buyerUnit: 'Seksi Pemberdayaan UMKM',
    buyerOrderNo: 'SP-027/PPKUKM/XI/2026',
    budgetRef: 'DPA 2026 - Rapat koordinasi UMKM',
    orderDate: spec.orderDate ?? '2026-11-28',
    deliveryDate: spec.deliveryDate,
    deliveryTime: '11:30',
    deliveryAddress: 'Aula Kantor Kecamatan Tanah Abang, Jl. K.H. Mas Mansyur No. 7',
    deliveryKelurahanKode: spec.deliveryKelurahanKode === undefined ? KEL.gelora : spec.deliveryKelurahanKode,
    notes: 'Sertakan sendok dan tisu.',
    items: (spec.items ?? [{ quantity: 50 }]).map((i) => ({
      description: i.description ?? 'Nasi kotak ayam bakar',
      kbliKode: i.kbliKode === undefined ? '56210' : i.kbliKode,
      kind: i.kind === undefined ? 'nasi kotak' : i.kind,
      quantity: i.quantity,
      unit: i.unit ?? 'kotak',
      unitPrice: i.unitPrice ?? 30_000,
    })),
  };
}

/** Creates an order and returns its id, number and first item id. */
export async function createOrder(app: TestApp, token: string, spec: OrderSpec) {
  const created = await app.ok('orders.create', orderInput(spec), token);
  const detail = await app.ok('orders.get', { id: created.id }, token);
  return { ...created, itemIds: detail.items.map((i) => i.id) };
}
