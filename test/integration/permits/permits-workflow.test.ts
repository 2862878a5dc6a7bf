import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { permitTransitions, staffRoles, type PermitStatus } from '../../../src-main/features/permits/rules/transitions';
import { makeTestApp, type TestApp } from '../../support/app';
import { createMember, intakeInput, issuePermit, makeNik, setupActors, type PermitActors } from '../../support/permits-factory';

let app: TestApp;
let actors: PermitActors;

beforeEach(async () => {
  app = await makeTestApp('2026-11-30T02:00:00.000Z'); // Monday 09:00 WIB
  actors = await setupActors(app);
});
afterEach(async () => {
  await app.dispose();
});

async function permitIn(status: PermitStatus): Promise<string> {
  const m = await createMember(app);
  const { id } = await app.ok('permits.create', intakeInput(m), actors.loket);
  if (status !== 'diajukan') await app.db.updateTable('permits').set({ status }).where('id', '=', id).execute();
  return id;
}

const inputFor = (t: (typeof permitTransitions)[number]) => ({
  reason: t.requires.includes('reason') ? 'Alasan yang jelas' : undefined,
  receiverName: 'Budi (anak pemohon)',
});

/** Tries one move of the table as `role`; returns the answer, the permit after it and its events before and after. */
async function attempt(t: (typeof permitTransitions)[number], role: (typeof staffRoles)[number]) {
  const id = await permitIn(t.from);
  const eventsBefore = await app.db.selectFrom('permit_events').select('id').where('permit_id', '=', id).execute();
  const res = await app.call('permits.transition', { id, to: t.to, ...inputFor(t) }, actors[role]);
  const row = await app.db.selectFrom('permits').select(['status', 'number']).where('id', '=', id).executeTakeFirstOrThrow();
  const eventsAfter = await app.db.selectFrom('permit_events').selectAll().where('permit_id', '=', id).orderBy('at').execute();
  return { res, row, eventsBefore, eventsAfter };
}

describe('permit workflow: the one transition table, per role', () => {
  for (const t of permitTransitions) {
    for (const role of staffRoles.filter((r) => t.roles.includes(r))) {
      it(`${t.from} → ${t.to} by ${role}: allowed`, async () => {
        const { res, row, eventsBefore, eventsAfter } = await attempt(t, role);
        expect(res.error).toBeUndefined();
        // Issuing gives the office's first number of the month.
        expect(row).toMatchObject({ status: t.to, ...(t.assignsNumber ? { number: '503/0001/IUMK/1006/XI/2026' } : {}) });
        expect(eventsAfter.length).toBe(eventsBefore.length + 1);
        const last = eventsAfter.at(-1)!;
        expect(last).toMatchObject({ from_status: t.from, to_status: t.to, by_role: role });
      });
    }
    for (const role of staffRoles.filter((r) => !t.roles.includes(r))) {
      it(`${t.from} → ${t.to} by ${role}: refused`, async () => {
        const { res, row, eventsBefore, eventsAfter } = await attempt(t, role);
        expect(res.status).toBe(403);
        expect(res.error.message).toMatch(/tidak berwenang/);
        expect(row.status).toBe(t.from);
        expect(eventsAfter.length).toBe(eventsBefore.length);
      });
    }
  }

  it('refuses moves the table does not have, for every role, and changes nothing', async () => {
    const samples: [PermitStatus, PermitStatus][] = [
      ['diajukan', 'terbit'],
      ['diajukan', 'disetujui'],
      ['ditolak', 'diajukan'],
      ['terbit', 'diajukan'],
      ['diserahkan', 'terbit'],
      ['dicabut', 'terbit'],
      ['perlu_perbaikan', 'disetujui'],
    ];
    for (const [from, to] of samples) {
      const id = await permitIn(from);
      for (const role of staffRoles) {
        const res = await app.call('permits.transition', { id, to, reason: 'x' }, actors[role]);
        expect(res.status, `${from}→${to} by ${role}`).toBe(409);
        expect(res.error.message).toMatch(/tidak dapat diubah|sudah final/);
      }
      const row = await app.db.selectFrom('permits').select(['status', 'number']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: from, number: null });
    }
  });

  it('asks for the reason, the AJIB receiver, and names the missing requirement at approval', async () => {
    const id = await permitIn('diajukan');
    const noReason = await app.call('permits.transition', { id, to: 'perlu_perbaikan' }, actors.loket);
    expect(noReason.status).toBe(400);
    expect(noReason.error.fields.reason).toMatch(/Alasan wajib diisi/);

    const m = await createMember(app);
    const created = await app.ok('permits.create', intakeInput(m, { requirements: ['ktp', 'kk', 'pas_foto', 'rekomendasi_lurah'] }), actors.loket);
    await app.ok('permits.transition', { id: created.id, to: 'diverifikasi' }, actors.loket);
    const approve = await app.call('permits.transition', { id: created.id, to: 'disetujui' }, actors.supervisor);
    expect(approve.status).toBe(400);
    expect(approve.error.fields.requirements).toMatch(/Belum ada: Surat pengantar RT\/RW untuk lokasi usaha/);
    await app.ok(
      'permits.updateRequirements',
      { id: created.id, requirements: ['pengantar_rtrw', 'ktp', 'kk', 'pas_foto', 'rekomendasi_lurah'] },
      actors.loket,
    );
    await app.ok('permits.transition', { id: created.id, to: 'disetujui' }, actors.supervisor);
    await app.ok('permits.transition', { id: created.id, to: 'terbit' }, actors.loket);
    const ajib = await app.call('permits.transition', { id: created.id, to: 'diserahkan', deliveryChannel: 'ajib' }, actors.loket);
    expect(ajib.status).toBe(400);
    expect(ajib.error.fields.receiverName).toMatch(/Nama penerima wajib diisi/);
    await app.ok('permits.transition', { id: created.id, to: 'diserahkan', deliveryChannel: 'ajib', receiverName: 'Ahmad' }, actors.loket);
    const detail = await app.ok('permits.get', { id: created.id }, actors.loket);
    expect(detail.events.map((e) => e.to)).toEqual(['diajukan', 'diverifikasi', 'disetujui', 'terbit', 'diserahkan']);
    expect(detail.events.at(-1)).toMatchObject({ receiverName: 'Ahmad', deliveryChannel: 'ajib', byRole: 'loket' });
  });

  it('keeps the event log append-only', async () => {
    const id = await permitIn('diajukan');
    expect(() => app.sqlite.prepare('update permit_events set note = ? where permit_id = ?').run('x', id)).toThrow(/append-only/);
    expect(() => app.sqlite.prepare('delete from permit_events where permit_id = ?').run(id)).toThrow(/append-only/);
  });

  it('completes the P4 stage, records the NIB, and voids the number on revocation', async () => {
    const m = await createMember(app, { nib: '9120301234567' });
    const { id, number } = await issuePermit(app, actors, m);
    const stage = await app.db
      .selectFrom('member_stages')
      .selectAll()
      .where('member_id', '=', m.memberId)
      .where('stage_code', '=', 'P4')
      .executeTakeFirstOrThrow();
    expect(stage).toMatchObject({ status: 'selesai', source: 'permit', source_id: id, completed_on: '2026-11-30' });
    const detail = await app.ok('permits.get', { id }, actors.loket);
    expect(detail.permit.nib).toBe('9120301234567');
    await app.ok('permits.transition', { id, to: 'dicabut', reason: 'Usaha pindah ke luar wilayah' }, actors.supervisor);
    const log = await app.db.selectFrom('permit_number_log').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
    expect(log.voided_at).not.toBeNull();
    expect(log.void_reason).toMatch(/Usaha pindah/);
    expect(() => app.sqlite.prepare('delete from permit_number_log').run()).toThrow(/keeps every number/);
    // The next number continues the sequence: a voided number is never given again.
    const next = await issuePermit(app, actors);
    expect(next.number).toBe('503/0002/IUMK/1006/XI/2026');
  });

  it('refuses a second permit for the same business and non-micro businesses', async () => {
    const m = await createMember(app);
    await app.ok('permits.create', intakeInput(m), actors.loket);
    const again = await app.call('permits.create', intakeInput(m), actors.loket);
    expect(again.status).toBe(409);
    const big = await createMember(app, { scale: 'menengah', capital: 6_000_000_000 });
    const refused = await app.call('permits.create', intakeInput(big), actors.loket);
    expect(refused.status).toBe(400);
    expect(refused.error.fields.businessId).toMatch(/hanya untuk usaha mikro dan kecil/);
  });

  it('checks the location with a reason', async () => {
    const m = await createMember(app);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ floorAreaM2: 120 }, 'floorAreaM2', /melebihi batas 100 m²/],
      [{ locationType: 'rumah', floorAreaM2: 45, plotAreaM2: 150 }, 'floorAreaM2', /rumah tinggal melebihi 30 m²/],
      [{ zone: 'trotoar' }, 'zone', /trotoar/],
      [{ locationType: 'berkeliling', floorAreaM2: null, atDesignatedLocation: false }, 'atDesignatedLocation', /lokasi yang ditetapkan/],
    ];
    for (const [extra, field, message] of cases) {
      const res = await app.call('permits.create', intakeInput(m, extra), actors.loket);
      expect(res.status).toBe(400);
      expect(res.error.fields[field]).toMatch(message);
    }
    const ok = await app.call('permits.create', intakeInput(m, { locationType: 'rumah', floorAreaM2: 40, plotAreaM2: 250 }), actors.loket);
    expect(ok.ok).toBe(true);
  });

  it('registers a walk-in applicant minimally on the way, with the registration rules', async () => {
    const walkIn = {
      nik: makeNik('1990-02-03', 'L', 77),
      fullName: 'Joko Susilo',
      birthDate: '1990-02-03',
      gender: 'L',
      addressStreet: 'Jl. Bendungan Hilir No. 4',
      kelurahanKode: '31.71.07.1002',
      phone: '0812-9988-7766',
      businessName: 'Bakso Mas Joko',
      kbliKode: '56103',
      capital: 8_000_000,
    };
    const base = { channel: 'loket', category: 'non_binaan', locationType: 'berkeliling', atDesignatedLocation: true, zone: 'loksem', requirements: [] };
    const wrong = await app.call('permits.create', { ...base, walkIn: { ...walkIn, gender: 'P', phone: '12345' } }, actors.loket);
    expect(wrong.status).toBe(400);
    expect(wrong.error.fields['walkIn.gender']).toMatch(/jenis kelamin di NIK/);
    expect(wrong.error.fields['walkIn.phone']).toMatch(/Nomor telepon/);
    // No postal code typed and none kept for the kelurahan yet: one more field to fix.
    expect(wrong.error.fields['walkIn.postalCode']).toMatch(/Kode pos alamat usaha belum ada: Kelurahan Bendungan Hilir/);
    expect(await app.db.selectFrom('members').select('id').where('nik', '=', walkIn.nik).execute()).toHaveLength(0);

    // Kept once in Pengaturan, the kelurahan's postal code is the business address's by default.
    await app.ok('office.savePostalCodes', { entries: [{ kelurahanKode: '31.71.07.1002', postalCode: '10210' }] }, actors.admin);
    const created = await app.ok('permits.create', { ...base, walkIn }, actors.loket);
    const member = await app.db.selectFrom('members').selectAll().where('id', '=', created.memberId).executeTakeFirstOrThrow();
    expect(member).toMatchObject({ full_name: 'Joko Susilo', phone: '081299887766', kelurahan_kode: '31.71.07.1002' });
    const business = await app.db.selectFrom('businesses').select('postal_code').where('id', '=', created.businessId).executeTakeFirstOrThrow();
    expect(business.postal_code).toBe('10210');
    const again = await app.call('permits.create', { ...base, walkIn }, actors.loket);
    expect(again.status).toBe(409);
    expect(again.error.message).toMatch(/NIK 3171••••••••0077 sudah terdaftar/);
  });

  it('lists with paging, filters and the SLA badge', async () => {
    for (let i = 0; i < 3; i++) await app.ok('permits.create', intakeInput(await createMember(app)), actors.loket);
    await issuePermit(app, actors);
    const all = await app.ok('permits.list', { pageSize: 2 }, actors.loket);
    expect(all.total).toBe(4);
    expect(all.rows).toHaveLength(2);
    const issued = await app.ok('permits.list', { status: 'terbit' }, actors.loket);
    expect(issued.total).toBe(1);
    expect(issued.rows[0].sla).toMatchObject({ state: 'on_time' });
    // Monday 09:00 intake, SLA 1 working day: due Tuesday 16:00. On Tuesday it is due today.
    app.clock.set('2026-12-01T03:00:00.000Z');
    const due = await app.ok('permits.list', { sla: 'due_today' }, await app.login('loket1', 'SandiAwal123'));
    expect(due.total).toBe(3);
    app.clock.set('2026-12-02T03:00:00.000Z');
    const late = await app.ok('permits.list', { sla: 'late' }, await app.login('loket1', 'SandiAwal123'));
    expect(late.total).toBe(3);
    expect(late.rows[0].sla?.state).toBe('late');
  });
});
