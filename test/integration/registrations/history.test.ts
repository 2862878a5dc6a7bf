import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues } from '../../../src-renderer/app/i18n/catalogue';
import { codedFor, FIELD_LABELS, HIDDEN_KEYS, METHOD_LABELS } from '../../../src-renderer/features/registrations/history-fields';
import { makeTestApp, type TestApp } from '../../support/app';
import { jakartaDay } from '../../support/clock';
import { business, member, petugasApp } from './fixtures';

let app: TestApp;
let history: { method: string; entity: string; before: unknown; after: unknown }[];

// Every kind of change a member's history shows: registration with a business, an edit of the
// person and the business, a second business, a condition survey, a 7P stage recorded by hand
// and the full NIK shown.
beforeAll(async () => {
  app = await makeTestApp();
  const { petugas } = await petugasApp(app);
  const m = await app.ok('members.register', member(), petugas);
  const p = await app.ok('members.get', { id: m.id }, petugas);
  const b = p.businesses[0];
  await app.ok(
    'members.save',
    {
      id: m.id,
      fullName: 'Siti Aminah Rahayu',
      birthPlace: p.birthPlace,
      birthDate: p.birthDate,
      gender: p.gender,
      addressStreet: p.addressStreet,
      rt: p.rt,
      rw: p.rw,
      kelurahanKode: p.kelurahanKode,
      phone: p.phone,
      targetGroup: 'naik_kelas',
      skpd: p.skpd,
      businesses: [{ id: b.id, ...business({ name: 'Warung Bu Siti', employees: 3 }) }, business({ name: 'Katering Rahayu', kbliKode: '56210' })],
    },
    petugas,
  );
  await app.ok(
    'businesses.recordCondition',
    { businessId: b.id, recordedOn: jakartaDay(app.clock, -1), turnoverDropPct: 20, closedTemporarily: true, sellsOnline: true, note: 'Sepi saat hujan' },
    petugas,
  );
  await app.ok('stages.record', { memberId: m.id, stage: 'P4', completedOn: jakartaDay(app.clock, -2), evidence: 'Sertifikat halal nomor 123' }, petugas);
  await app.ok('members.revealNik', { id: m.id }, petugas);
  history = await app.ok('members.history', { id: m.id }, petugas);
}, 60_000);
afterAll(async () => {
  await app.dispose();
});

describe('member history', () => {
  it('has a label for every method it shows', () => {
    expect(history.length).toBeGreaterThanOrEqual(6);
    expect(history.map((e) => e.method).filter((m) => !METHOD_LABELS[m])).toEqual([]);
  });

  it('names every changed field with the form’s words or hides it, never a column name', () => {
    const keys = new Set(history.flatMap((e) => [e.before, e.after]).flatMap((v) => (v && typeof v === 'object' ? Object.keys(v) : [])));
    expect(keys.size).toBeGreaterThan(20);
    expect([...keys].filter((k) => !HIDDEN_KEYS.has(k) && !FIELD_LABELS[k])).toEqual([]);
  });

  it('shows every stored code in words', () => {
    const words: Record<string, string> = catalogues.id;
    const codes = history.flatMap((e) =>
      [e.before, e.after]
        .flatMap((v) => (v && typeof v === 'object' ? Object.entries(v) : []))
        .flatMap(([k, v]) => {
          const prefix = codedFor(e.entity)[k];
          return prefix && typeof v === 'string' ? [`${prefix}.${v}`] : [];
        }),
    );
    expect(codes.length).toBeGreaterThan(5);
    expect(codes.filter((key) => !words[key])).toEqual([]);
  });
});
