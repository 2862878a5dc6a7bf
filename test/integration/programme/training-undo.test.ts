import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../support/app';
import { insertMember } from '../../support/programme-factory';
import { SATURDAY_0900_WIB } from '../../support/clock';

let app: TestApp;
let admin: string;
let petugas: string;

beforeEach(async () => {
  app = await makeTestApp(SATURDAY_0900_WIB);
  admin = await app.setup();
  petugas = await app.userWithRole(admin, 'petugas');
});
afterEach(async () => {
  await app.dispose();
});

const training = (capacity: number) => ({
  topic: 'Pembukuan Sederhana',
  startsAt: '2026-11-30T08:00',
  endsAt: '2026-11-30T15:00',
  mode: 'offline',
  place: 'Aula Kantor Kecamatan',
  capacity,
  trainer: 'Dewi Lestari',
  skpd: 'ppkukm_ukm',
});

async function auditOf(method: string) {
  return app.db.selectFrom('audit_log').select(['method', 'entity', 'after']).where('method', '=', method).execute();
}

const places = async (trainingId: string) =>
  (await app.ok('trainings.get', { id: trainingId }, petugas)).participants.map((p) => [p.fullName, p.status, p.waitlistPos]);

describe('undoing a training cancellation and a withdrawal', () => {
  it('cancels only with a reason, keeps it, and reinstates the training with everyone in their place', async () => {
    const t = await app.ok('trainings.create', training(2), petugas);
    const members = await Promise.all([1, 2, 3].map((i) => insertMember(app, { fullName: `Peserta ${i}` })));
    await app.ok('trainings.enrol', { trainingId: t.id, memberId: members[0].id }, petugas);
    await app.ok('trainings.enrol', { trainingId: t.id, memberId: members[1].id }, petugas);
    await app.ok('trainings.enrol', { trainingId: t.id, memberId: members[2].id, waitlist: true }, petugas);

    const noReason = await app.call('trainings.cancel', { id: t.id, reason: '  ' }, petugas);
    expect(noReason.status).toBe(400);
    expect(noReason.error.fields.reason).toMatch(/^Alasan pembatalan: /);
    expect((await app.ok('trainings.get', { id: t.id }, petugas)).status).toBe('terjadwal');

    const cancelled = await app.ok('trainings.cancel', { id: t.id, reason: 'Aula dipakai untuk vaksinasi' }, petugas);
    expect(cancelled).toMatchObject({ status: 'dibatalkan', enrolled: 2, waiting: 1 });
    const got = await app.ok('trainings.get', { id: t.id }, petugas);
    expect(got).toMatchObject({ status: 'dibatalkan', cancelReason: 'Aula dipakai untuk vaksinasi' });
    expect((await auditOf('trainings.cancel')).map((a) => (JSON.parse(a.after!) as { reason?: string }).reason)).toEqual(['Aula dipakai untuk vaksinasi']);

    const back = await app.ok('trainings.reinstate', { id: t.id }, petugas);
    expect(back).toMatchObject({ status: 'terjadwal', enrolled: 2, waiting: 1 });
    expect(await places(t.id)).toEqual([
      ['Peserta 1', 'terdaftar', null],
      ['Peserta 2', 'terdaftar', null],
      ['Peserta 3', 'menunggu', 1],
    ]);
    expect(await auditOf('trainings.reinstate')).toHaveLength(1);
    const twice = await app.call('trainings.reinstate', { id: t.id }, petugas);
    expect(twice.status).toBe(409);
    expect(twice.error.message).toBe('Pelatihan ini tidak dibatalkan; tidak ada yang diurungkan.');
  });

  it('puts a withdrawn participant back in their seat, the promoted one back at the head of the waiting list', async () => {
    const t = await app.ok('trainings.create', training(1), petugas);
    const [a, b, c] = await Promise.all([1, 2, 3].map((i) => insertMember(app, { fullName: `Peserta ${i}` })));
    await app.ok('trainings.enrol', { trainingId: t.id, memberId: a.id }, petugas);
    await app.ok('trainings.enrol', { trainingId: t.id, memberId: b.id, waitlist: true }, petugas);
    await app.ok('trainings.enrol', { trainingId: t.id, memberId: c.id, waitlist: true }, petugas);
    expect((await app.ok('trainings.withdraw', { trainingId: t.id, memberId: a.id }, petugas)).promoted).toEqual([b.id]);

    const undone = await app.ok('trainings.undoWithdraw', { trainingId: t.id, memberId: a.id }, petugas);
    expect(undone).toMatchObject({ memberName: 'Peserta 1', status: 'terdaftar', backToWaitlist: [b.id] });
    expect(await places(t.id)).toEqual([
      ['Peserta 1', 'terdaftar', null],
      ['Peserta 2', 'menunggu', 1],
      ['Peserta 3', 'menunggu', 2],
    ]);
    expect((await auditOf('trainings.undoWithdraw')).length).toBe(2);
  });

  it('puts a withdrawn waiting member back at their position, and refuses when there is nothing to undo', async () => {
    const t = await app.ok('trainings.create', training(1), petugas);
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map((i) => insertMember(app, { fullName: `Peserta ${i}` })));
    await app.ok('trainings.enrol', { trainingId: t.id, memberId: a.id }, petugas);
    for (const m of [b, c, d]) await app.ok('trainings.enrol', { trainingId: t.id, memberId: m.id, waitlist: true }, petugas);
    await app.ok('trainings.withdraw', { trainingId: t.id, memberId: c.id }, petugas);
    expect(await app.ok('trainings.undoWithdraw', { trainingId: t.id, memberId: c.id }, petugas)).toMatchObject({ status: 'menunggu', waitlistPos: 2 });
    expect(await places(t.id)).toEqual([
      ['Peserta 1', 'terdaftar', null],
      ['Peserta 2', 'menunggu', 1],
      ['Peserta 3', 'menunggu', 2],
      ['Peserta 4', 'menunggu', 3],
    ]);
    const nothing = await app.call('trainings.undoWithdraw', { trainingId: t.id, memberId: a.id }, petugas);
    expect(nothing.status).toBe(409);
    expect(nothing.error.message).toBe('Peserta 1 tidak mundur dari pelatihan ini; tidak ada yang diurungkan.');
  });

  it('refuses to take back a seat from a promoted participant who has attended', async () => {
    const t = await app.ok('trainings.create', { ...training(1), startsAt: '2026-11-28T08:00', endsAt: '2026-11-28T15:00' }, petugas);
    const [a, b] = await Promise.all([1, 2].map((i) => insertMember(app, { fullName: `Peserta ${i}` })));
    await app.ok('trainings.enrol', { trainingId: t.id, memberId: a.id }, petugas);
    await app.ok('trainings.enrol', { trainingId: t.id, memberId: b.id, waitlist: true }, petugas);
    await app.ok('trainings.withdraw', { trainingId: t.id, memberId: a.id }, petugas);
    await app.ok('trainings.attendance', { trainingId: t.id, marks: [{ memberId: b.id, attended: true }] }, petugas);
    const refused = await app.call('trainings.undoWithdraw', { trainingId: t.id, memberId: a.id }, petugas);
    expect(refused.status).toBe(409);
    expect(refused.error.message).toContain('kursi Peserta 1 sudah dipakai peserta yang hadir');
    expect(await places(t.id)).toEqual([
      ['Peserta 2', 'terdaftar', null],
      ['Peserta 1', 'mundur', null],
    ]);
  });
});
