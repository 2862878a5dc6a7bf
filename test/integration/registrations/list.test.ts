import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRng } from '../../../src-main/demo/random';
import { bulkMembers } from '../../../src-main/features/registrations/demo';
import { applyFilters, orderedPage } from '../../../src-main/features/registrations/list';
import { makeTestApp, type TestApp } from '../../support/app';
import { business, member, petugasApp } from './fixtures';

let app: TestApp;
let tokens: Awaited<ReturnType<typeof petugasApp>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await makeTestApp();
  tokens = await petugasApp(app);
  await bulkMembers(app, 3000, seededRng(7), '2026-11-28');
  ids.soekarno = (
    await app.ok('members.register', member({ fullName: 'Ir. Soekarno', gender: 'L', birthDate: '1961-06-06', phone: '081299990000' }), tokens.petugas)
  ).id;
  ids.djoko = (
    await app.ok(
      'members.register',
      member({
        fullName: 'Djoko Tjahjono',
        gender: 'L',
        birthDate: '1970-01-02',
        kelurahanKode: '31.71.07.1002',
        targetGroup: 'disabilitas',
        businesses: [business({ name: 'Batik Tjap Oetomo', kbliKode: '13134', capital: 3_000_000_000 })],
      }),
      tokens.petugas,
    )
  ).id;
});
afterAll(async () => {
  await app.dispose();
});

const list = (input: Record<string, unknown>, token = tokens.petugas) => app.ok('members.list', input, token);

describe('members.list on a seeded office', () => {
  it('pages and sorts in SQL with the total from the counter', async () => {
    const page0 = await list({ pageSize: 50 });
    expect(page0.total).toBe(3002);
    expect(page0.rows).toHaveLength(50);
    const names = page0.rows.map((r: { fullName: string }) => r.fullName);
    const keys = (await app.db.selectFrom('members').select('name_key').orderBy('name_key').orderBy('id').limit(50).execute()).map((r) => r.name_key);
    expect(page0.rows.map((r: { id: string }) => r.id)).toHaveLength(50);
    expect(keys[0] <= keys[49]).toBe(true);
    expect(names.length).toBe(50);
    const page1 = await list({ pageSize: 50, page: 1 });
    expect(page1.rows[0].id).not.toBe(page0.rows[0].id);
    const byDate = await list({ sort: 'registeredOn', dir: 'desc', pageSize: 10 });
    const dates = byDate.rows.map((r: { registeredOn: string }) => r.registeredOn);
    expect([...dates].sort().reverse()).toEqual(dates);
    const byNo = await list({ sort: 'memberNo', pageSize: 5 });
    expect(byNo.rows[0].memberNo).toMatch(/^JP-317107-2021-0000\d\d$/);
    for (const r of page0.rows) expect(r.nikMasked).toMatch(/^\d{4}••••••••\d{4}$/);
    expect(page0.rows[0]).not.toHaveProperty('nik');
  });

  it('filters by kelurahan, target group, SKPD, stage, scale and status, with the filtered total', async () => {
    const kel = await list({ kelurahanKode: '31.71.07.1006', pageSize: 200 });
    const expected = await app.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kelurahan_kode', '=', '31.71.07.1006')
      .executeTakeFirstOrThrow();
    expect(kel.total).toBe(expected.n);
    expect(kel.rows.every((r) => r.kelurahanKode === '31.71.07.1006' && r.kelurahanNama === 'Kebon Kacang')).toBe(true);
    const combo = await list({ targetGroup: 'disabilitas', scale: 'kecil', kelurahanKode: '31.71.07.1002' });
    expect(combo.rows.map((r: { id: string }) => r.id)).toContain(ids.djoko);
    for (const r of combo.rows) expect(r.targetGroup).toBe('disabilitas');
    const p2 = await list({ stage: 'P2', pageSize: 100 });
    const p2count = await app.db
      .selectFrom('member_stages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('stage_code', '=', 'P2')
      .executeTakeFirstOrThrow();
    expect(p2.total).toBe(p2count.n);
    expect(p2.totalCapped).toBe(false);
    const kecil = await list({ scale: 'kecil' });
    const kecilIds = await app.db.selectFrom('businesses').select('member_id').distinct().where('scale', '=', 'kecil').execute();
    expect(kecil.total).toBe(kecilIds.length);
    expect(kecil.rows.length).toBe(Math.min(25, kecilIds.length));
    for (const r of kecil.rows) expect(kecilIds.map((k) => k.member_id)).toContain(r.id);
    for (const r of p2.rows) expect(r.stagesDone).toContain('P2');
    const p7 = await list({ stage: 'P7' });
    expect(p7.total).toBe(0);
    const skpd = await list({ skpd: 'kpkp', status: 'aktif', pageSize: 100 });
    for (const r of skpd.rows) expect(r.skpd).toBe('kpkp');
    expect((await list({ status: 'nonaktif' })).total).toBe(0);
  });

  it('finds old and new spellings, business names, phone and NIK digits', async () => {
    const sukarno = await list({ search: 'sukarno' });
    expect(sukarno.rows.map((r: { id: string }) => r.id)).toContain(ids.soekarno);
    const joko = await list({ search: 'Joko' });
    expect(joko.rows.map((r: { id: string }) => r.id)).toContain(ids.djoko);
    const prefix = await list({ search: 'soekar' });
    expect(prefix.rows.map((r: { id: string }) => r.id)).toContain(ids.soekarno);
    const biz = await list({ search: 'batik cap utomo' });
    expect(biz.rows.map((r: { id: string }) => r.id)).toEqual([ids.djoko]);
    const phone = await list({ search: '0812-9999' });
    expect(phone.rows.map((r: { id: string }) => r.id)).toContain(ids.soekarno);
    const nik = (await app.ok('members.revealNik', { id: ids.djoko }, tokens.petugas)).nik;
    const tail = await list({ search: nik.slice(-6) });
    expect(tail.rows.map((r: { id: string }) => r.id)).toContain(ids.djoko);
    const full = await list({ search: nik });
    expect(full.rows.map((r: { id: string }) => r.id)).toEqual([ids.djoko]);
    const no = (await app.ok('members.get', { id: ids.djoko }, tokens.loket)).memberNo;
    expect((await list({ search: no }, tokens.loket)).rows[0].id).toBe(ids.djoko);
    // Bulk demo names with old spellings are found by the current spelling too.
    const tjandra = await list({ search: 'candra', pageSize: 200 });
    expect(tjandra.rows.some((r: { fullName: string }) => r.fullName.includes('Tjandra'))).toBe(true);
    expect(tjandra.rows.some((r: { fullName: string }) => r.fullName.includes('Candra'))).toBe(true);
  });

  it('sorts a common name search in name order, kept in step with renames', async () => {
    const all = await list({ search: 'siti', pageSize: 200 });
    expect(all.rows.length).toBeGreaterThan(20);
    const expected = await app.db
      .selectFrom('members')
      .select('id')
      .where(
        'id',
        'in',
        all.rows.map((r: { id: string }) => r.id),
      )
      .orderBy('name_key')
      .orderBy('id')
      .execute();
    expect(all.rows.map((r: { id: string }) => r.id)).toEqual(expected.map((r) => r.id));
    // A member renamed moves in the search order too (the name-order rows follow by trigger).
    const last = all.rows[all.rows.length - 1];
    const profile = await app.ok('members.get', { id: last.id }, tokens.petugas);
    const {
      memberNo: _no,
      nikMasked: _n,
      kkMasked: _k,
      canRevealNik: _c,
      businesses: _b,
      stages: _s,
      kelurahanNama: _kn,
      kecamatanNama: _kc,
      pendampingNama: _pn,
      registeredOn: _r,
      createdAt: _ca,
      updatedAt: _ua,
      ...fields
    } = profile;
    await app.ok('members.update', { ...fields, fullName: 'Aaaa Siti Pertama', confirmDuplicate: true }, tokens.petugas);
    expect((await list({ search: 'siti' })).rows[0].id).toBe(last.id);
    const counts = await app.db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('members')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('m'),
        eb
          .selectFrom('member_name_order')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('o'),
      ])
      .executeTakeFirstOrThrow();
    expect(counts.o).toBe(counts.m);
  });

  it('refuses a bad filter naming the field', async () => {
    const res = await app.call('members.list', { kelurahanKode: 'x', sort: 'nik' }, tokens.petugas);
    expect(res.status).toBe(400);
    expect(res.error.fields.kelurahanKode).toMatch(/^Kelurahan: /);
    expect(res.error.fields.sort).toMatch(/^Urutan: /);
  });

  it('reads the hot list queries through indexes, never scanning the whole members table', () => {
    const plan = (filters: Record<string, unknown>, sort: 'name' | 'registeredOn' | 'kelurahan' | 'memberNo' = 'name') => {
      const q = orderedPage(app.db, filters, sort, 'asc', 25).compile();
      return app.sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[];
    };
    const cases: [Record<string, unknown>, 'name' | 'registeredOn' | 'kelurahan' | 'memberNo'][] = [
      [{}, 'name'],
      [{ kelurahanKode: '31.71.07.1006' }, 'name'],
      [{ targetGroup: 'pemula' }, 'name'],
      [{}, 'registeredOn'],
      [{ kelurahanKode: '31.71.07.1006' }, 'registeredOn'],
      [{ targetGroup: 'pemula' }, 'registeredOn'],
      [{ skpd: 'sosial', targetGroup: 'pemula' }, 'memberNo'],
      [{}, 'memberNo'],
      [{ search: 'sukarno' }, 'name'],
      [{ search: '0001' }, 'name'],
    ];
    const wholeSorts: string[] = [];
    for (const [filters, sort] of cases) {
      const details = plan(filters, sort).map((p) => p.detail);
      const membersAccess = details.filter((d) => /\bmembers\b/.test(d) && !d.replace(/members_fts\S*/g, 'members_fts').includes('members_fts'));
      expect(
        membersAccess.some((d) => /^SCAN members$/.test(d)),
        `${JSON.stringify(filters)} ${sort}: ${details.join(' | ')}`,
      ).toBe(false);
      expect(details.join(' | ')).toMatch(/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|VIRTUAL TABLE/);
      // The outer query re-sorts its 25 rows; the inner one (that picks them) must not sort
      // all the matches (ordering ties of one name is allowed: "LAST TERM OF ORDER BY").
      if (!filters.search && details.filter((d) => d.includes('TEMP B-TREE FOR ORDER BY')).length > 1)
        wholeSorts.push(`${JSON.stringify(filters)} ${sort}: ${details.join(' | ')}`);
    }
    expect(wholeSorts).toEqual([]);
    // A name search sorts its matches in the narrow name-order table, by rowid, not in members.
    expect(plan({ search: 'sukarno' }, 'name').map((p) => p.detail)).toContain('SEARCH o USING INTEGER PRIMARY KEY (rowid=?)');
    const count = applyFilters(app.db.selectFrom('members') as never, { kelurahanKode: '31.71.07.1006' })
      .select((eb) => eb.fn.countAll().as('n'))
      .compile();
    const countPlan = (app.sqlite.prepare(`explain query plan ${count.sql}`).all(...(count.parameters as unknown[])) as { detail: string }[]).map(
      (p) => p.detail,
    );
    expect(countPlan.join(' | ')).toMatch(/members_kelurahan/);
  });
});
