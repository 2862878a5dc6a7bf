import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../support/app';
import { business, countOf, member, petugasApp } from './fixtures';

let app: TestApp;
let tokens: Awaited<ReturnType<typeof petugasApp>>;
beforeEach(async () => {
  app = await makeTestApp();
  tokens = await petugasApp(app);
});
afterEach(async () => {
  await app.dispose();
});

/** What the member page sends back: the profile as edited, NIK and KK left out (shown masked). */
async function editable(id: string) {
  const p = await app.ok('members.get', { id }, tokens.petugas);
  return {
    id,
    fullName: p.fullName,
    birthPlace: p.birthPlace,
    birthDate: p.birthDate,
    gender: p.gender,
    addressStreet: p.addressStreet,
    rt: p.rt,
    rw: p.rw,
    kelurahanKode: p.kelurahanKode,
    phone: p.phone,
    targetGroup: p.targetGroup,
    skpd: p.skpd,
    businesses: p.businesses.map((b) => ({ id: b.id, ...business({ name: b.name, kbliKode: b.kbliKode }) })),
  };
}

describe('members.save', () => {
  it('writes the person, a changed business and a new one in one transaction', async () => {
    const m = await app.ok('members.register', member(), tokens.petugas);
    const form = await editable(m.id);
    const saved = await app.ok(
      'members.save',
      {
        ...form,
        fullName: 'Siti Aminah Rahayu',
        businesses: [{ ...form.businesses[0], name: 'Warung Bu Siti' }, business({ name: 'Katering Rahayu', kbliKode: '56210' })],
      },
      tokens.petugas,
    );
    expect(saved.fullName).toBe('Siti Aminah Rahayu');
    expect(saved.businesses.map((b) => b.name)).toEqual(['Warung Bu Siti', 'Katering Rahayu']);
    const audited = await app.db
      .selectFrom('audit_log')
      .select('method')
      .where('entity_id', 'in', [m.id, ...saved.businesses.map((b) => b.id)])
      .execute();
    expect(audited.filter((a) => a.method === 'members.save')).toHaveLength(3);
  });

  it('saves nothing when any business is refused, and names every wrong field at once', async () => {
    const m = await app.ok('members.register', member(), tokens.petugas);
    const form = await editable(m.id);
    const before = { members: await countOf(app, 'members'), businesses: await countOf(app, 'businesses'), audit: await countOf(app, 'audit_log') };
    const refused = await app.call(
      'members.save',
      { ...form, fullName: 'Nama Baru', phone: '123', businesses: [form.businesses[0], business({ name: 'Usaha Kedua', kbliKode: '99999' })] },
      tokens.petugas,
    );
    expect(refused.status).toBe(400);
    expect(refused.error.fields.phone).toMatch(/^Nomor telepon/);
    expect(refused.error.fields['businesses.1.kbliKode']).toMatch(/^KBLI: kode 99999/);
    const after = await app.ok('members.get', { id: m.id }, tokens.petugas);
    expect(after.fullName).toBe('Siti Aminah');
    expect(after.businesses).toHaveLength(1);
    expect({ members: await countOf(app, 'members'), businesses: await countOf(app, 'businesses'), audit: await countOf(app, 'audit_log') }).toEqual(before);
  });

  it("refuses another member's business and a role that may not edit members", async () => {
    const a = await app.ok('members.register', member(), tokens.petugas);
    const b = await app.ok('members.register', member({ fullName: 'Budi Santoso', gender: 'L' }), tokens.petugas);
    const form = await editable(a.id);
    const other = (await editable(b.id)).businesses[0];
    const refused = await app.call('members.save', { ...form, businesses: [other] }, tokens.petugas);
    expect(refused.error.fields['businesses.0.id']).toBe('Usaha: bukan usaha anggota ini');
    expect((await app.call('members.save', form, tokens.loket)).status).toBe(403);
  });
});
