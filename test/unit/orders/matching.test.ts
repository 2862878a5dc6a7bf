import { describe, expect, it } from 'vitest';
import {
  availableCapacity,
  nearness,
  normaliseKind,
  productionDays,
  rankCandidates,
  type CandidateFacts,
} from '../../../src-main/features/orders/rules/matching';

const base: CandidateFacts & { businessName: string } = {
  productId: 'p',
  businessId: 'b',
  businessName: 'Usaha',
  kelurahanKode: '31.71.07.1001',
  dailyCapacity: 10,
  openQuantity: 0,
  recentAssignments: 0,
  kindMatch: true,
};

describe('production days and capacity', () => {
  it('counts working days after today up to the delivery day', () => {
    expect(productionDays('2026-11-28', '2026-11-28')).toBe(0); // Saturday, same day
    expect(productionDays('2026-11-28', '2026-11-30')).toBe(1); // to Monday
    expect(productionDays('2026-11-27', '2026-12-04')).toBe(5); // Friday to Friday
    expect(productionDays('2026-11-28', '2026-11-20')).toBe(0); // past: never negative
  });
  it('subtracts open quantities from daily capacity × days', () => {
    expect(availableCapacity(10, 5, 30)).toBe(20);
    expect(availableCapacity(10, 5, 60)).toBe(-10);
  });
});

describe('nearness', () => {
  it('compares kelurahan, kecamatan and kota codes', () => {
    expect(nearness('31.71.07.1001', '31.71.07.1001')).toBe('kelurahan');
    expect(nearness('31.71.07.1002', '31.71.07.1001')).toBe('kecamatan');
    expect(nearness('31.71.06.1001', '31.71.07.1001')).toBe('kota');
    expect(nearness('31.74.01.1001', '31.71.07.1001')).toBe('jauh');
    expect(nearness('31.74.01.1001', null)).toBe('tidak_diketahui');
  });
});

describe('ranking', () => {
  it('puts enough capacity first, then nearness, then fewer recent assignments, then the earlier business', () => {
    const ranked = rankCandidates(
      [
        { ...base, productId: '1', businessId: 'b1', businessName: 'Kurang', openQuantity: 45 },
        { ...base, productId: '2', businessId: 'b2', businessName: 'Jauh', kelurahanKode: '31.74.01.1001' },
        { ...base, productId: '3', businessId: 'b3', businessName: 'Sibuk', recentAssignments: 3 },
        { ...base, productId: '5', businessId: 'b5', businessName: 'Bebas (baru terdaftar)' },
        { ...base, productId: '4', businessId: 'b4', businessName: 'Bebas (lebih dulu terdaftar)' },
      ],
      { quantity: 20, days: 5, deliveryKelurahan: '31.71.07.1001', rotationDays: 30 },
    );
    expect(ranked.map((r) => r.businessName)).toEqual(['Bebas (lebih dulu terdaftar)', 'Bebas (baru terdaftar)', 'Sibuk', 'Jauh', 'Kurang']);
    expect(ranked[4]).toMatchObject({ enough: false, available: 5, capacity: 50 });
    expect(ranked[2].reasons[2]).toBe('3 pesanan dalam 30 hari terakhir');
  });
  it('normalises product kinds', () => {
    expect(normaliseKind('  Nasi   KOTAK ')).toBe('nasi kotak');
  });
});
