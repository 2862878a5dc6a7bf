/**
 * Matching an order item to curated member businesses: capacity, nearness and fair rotation.
 *
 * Pure functions: the service gathers the figures (open quantities, recent assignments) in SQL
 * and passes them in with "today", so the ranking is the same in tests, the UI and reports.
 */
import { workingDaysBetween, type Holidays } from '../../permits';

/**
 * Days a business can produce for a delivery: the working days after today up to and including
 * the delivery day (today's production is already planned; a delivery tomorrow leaves one day,
 * a delivery today none). Never negative.
 */
export function productionDays(today: string, deliveryDate: string, holidays?: Holidays): number {
  return Math.max(0, workingDaysBetween(today, deliveryDate, holidays));
}

/**
 * What a product line can still take before the delivery date: daily capacity × production days,
 * less the quantities of its open assignments (not yet sent) due on or before that date.
 */
export function availableCapacity(dailyCapacity: number, days: number, openQuantity: number): number {
  return dailyCapacity * days - openQuantity;
}

export type Nearness = 'kelurahan' | 'kecamatan' | 'kota' | 'jauh' | 'tidak_diketahui';

/** Region codes 31.71.07.1001: kelurahan; the first 8 characters the kecamatan, 5 the kota. */
export function nearness(businessKelurahan: string, deliveryKelurahan: string | null): Nearness {
  if (!deliveryKelurahan) return 'tidak_diketahui';
  if (businessKelurahan === deliveryKelurahan) return 'kelurahan';
  if (businessKelurahan.slice(0, 8) === deliveryKelurahan.slice(0, 8)) return 'kecamatan';
  if (businessKelurahan.slice(0, 5) === deliveryKelurahan.slice(0, 5)) return 'kota';
  return 'jauh';
}

const nearnessRank: Record<Nearness, number> = { kelurahan: 0, kecamatan: 1, kota: 2, tidak_diketahui: 3, jauh: 3 };

/** 0 for the same kelurahan, 1 same kecamatan, 2 same kota, 3 farther or unknown. */
export function nearnessTier(businessKelurahan: string, deliveryKelurahan: string | null): number {
  return nearnessRank[nearness(businessKelurahan, deliveryKelurahan)];
}

const nearnessText: Record<Nearness, string> = {
  kelurahan: 'satu kelurahan dengan alamat kirim',
  kecamatan: 'satu kecamatan dengan alamat kirim',
  kota: 'satu kota dengan alamat kirim',
  jauh: 'di luar kota alamat kirim',
  tidak_diketahui: 'kelurahan alamat kirim tidak diisi',
};

export interface CandidateFacts {
  productId: string;
  businessId: string;
  kelurahanKode: string;
  dailyCapacity: number;
  /** Quantity of this product's open assignments due on or before the delivery date. */
  openQuantity: number;
  /** Assignments the business received in the rotation window. */
  recentAssignments: number;
  /** True when the product matches the item's product kind, not only its KBLI. */
  kindMatch: boolean;
}

export interface RankedCandidate extends CandidateFacts {
  capacity: number;
  available: number;
  enough: boolean;
  nearness: Nearness;
  reasons: string[];
}

export interface RankOptions {
  quantity: number;
  days: number;
  deliveryKelurahan: string | null;
  rotationDays: number;
}

/**
 * Ranks candidates: first those with enough capacity for the whole quantity, then the nearest
 * (same kelurahan, kecamatan, kota), then those with fewer recent assignments (fair rotation),
 * then an exact product-kind match, then more spare capacity, then by name so ties are stable.
 */
export function rankCandidates<T extends CandidateFacts>(candidates: readonly T[], opts: RankOptions): (T & RankedCandidate)[] {
  const ranked = candidates.map((c) => {
    const capacity = c.dailyCapacity * opts.days;
    const available = availableCapacity(c.dailyCapacity, opts.days, c.openQuantity);
    const enough = available >= opts.quantity;
    const near = nearness(c.kelurahanKode, opts.deliveryKelurahan);
    const reasons = [
      enough
        ? `kapasitas cukup: sisa ${available} dari ${capacity} (${c.dailyCapacity}/hari × ${opts.days} hari kerja, terpakai ${c.openQuantity})`
        : `kapasitas kurang: sisa ${Math.max(0, available)} dari ${capacity} untuk ${opts.quantity} yang dipesan`,
      nearnessText[near],
      c.recentAssignments === 0
        ? `belum mendapat pesanan dalam ${opts.rotationDays} hari terakhir`
        : `${c.recentAssignments} pesanan dalam ${opts.rotationDays} hari terakhir`,
    ];
    if (c.kindMatch) reasons.push('jenis produk sesuai');
    return { ...c, capacity, available, enough, nearness: near, reasons };
  });
  return ranked.sort(
    (a, b) =>
      Number(b.enough) - Number(a.enough) ||
      nearnessRank[a.nearness] - nearnessRank[b.nearness] ||
      a.recentAssignments - b.recentAssignments ||
      Number(b.kindMatch) - Number(a.kindMatch) ||
      b.available - a.available ||
      (a.businessId < b.businessId ? -1 : a.businessId > b.businessId ? 1 : 0) ||
      (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0),
  );
}

/** Normalises a product kind for matching: lower case, single spaces. */
export function normaliseKind(kind: string): string {
  return kind.trim().toLowerCase().replace(/\s+/g, ' ');
}
