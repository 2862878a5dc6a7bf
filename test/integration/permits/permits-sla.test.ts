import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../support/app';
import { createMember, intakeInput, setupActors } from '../../support/permits-factory';

let app: TestApp;

beforeEach(async () => {
  app = await makeTestApp('2026-12-24T03:00:00.000Z'); // Thursday 10:00 WIB, the day before Christmas
});
afterEach(async () => {
  await app.dispose();
});

/** Moves the clock and logs in again (sessions end after a long idle time). */
async function at(iso: string, who: 'loket1' | 'supervisor1') {
  app.clock.set(iso);
  return app.login(who, 'SandiAwal123');
}

describe('working-day SLA through the service', () => {
  it('skips the office holidays and weekends, pauses while waiting on the applicant, and reports the share on time', async () => {
    const actors = await setupActors(app);
    await app.ok('holidays.save', { date: '2026-12-25', name: 'Hari Raya Natal' }, actors.admin);
    const loketRefused = await app.call('holidays.save', { date: '2026-12-26', name: 'x' }, actors.loket);
    expect(loketRefused.status).toBe(403);

    const paused = (await app.ok('permits.create', intakeInput(await createMember(app)), actors.loket)).id;
    const late = (await app.ok('permits.create', intakeInput(await createMember(app)), actors.loket)).id;
    let detail = await app.ok('permits.get', { id: paused }, actors.loket);
    // Thursday + 1 working day: Friday is Christmas, then the weekend: due Monday 16:00 WIB.
    expect(detail.sla).toMatchObject({ state: 'running', startDate: '2026-12-24', dueDate: '2026-12-28', dueAt: '2026-12-28T09:00:00.000Z' });

    // Monday 09:00: the file lacks a letter; the applicant brings it on Wednesday 09:00.
    let loket = await at('2026-12-28T02:00:00.000Z', 'loket1');
    expect((await app.ok('permits.get', { id: paused }, loket)).sla?.state).toBe('due_today');
    await app.ok('permits.transition', { id: paused, to: 'perlu_perbaikan', reason: 'Surat pengantar RT/RW belum ada' }, loket);
    loket = await at('2026-12-29T04:00:00.000Z', 'loket1');
    detail = await app.ok('permits.get', { id: paused }, loket);
    expect(detail.sla?.state).toBe('paused');
    const list = await app.ok('permits.list', { sla: 'paused' }, loket);
    expect(list.rows.map((r) => r.id)).toEqual([paused]);
    expect((await app.ok('permits.list', { sla: 'late' }, loket)).rows.map((r) => r.id)).toEqual([late]);

    loket = await at('2026-12-30T02:00:00.000Z', 'loket1');
    await app.ok('permits.transition', { id: paused, to: 'diajukan' }, loket);
    detail = await app.ok('permits.get', { id: paused }, loket);
    // Two working days waited (Monday to Wednesday) move the due date two working days later.
    expect(detail.sla).toMatchObject({ state: 'due_today', pausedWorkingDays: 2, dueDate: '2026-12-30' });

    for (const id of [paused, late]) await app.ok('permits.transition', { id, to: 'diverifikasi' }, loket);
    const supervisor = await at('2026-12-30T05:00:00.000Z', 'supervisor1');
    for (const id of [paused, late]) await app.ok('permits.transition', { id, to: 'disetujui' }, supervisor);
    loket = await at('2026-12-30T08:00:00.000Z', 'loket1'); // 15:00 WIB
    for (const id of [paused, late]) await app.ok('permits.transition', { id, to: 'terbit' }, loket);

    expect((await app.ok('permits.get', { id: paused }, loket)).sla).toMatchObject({ state: 'on_time', onTime: true });
    expect((await app.ok('permits.get', { id: late }, loket)).sla).toMatchObject({ state: 'late', onTime: false, dueDate: '2026-12-28' });

    const report = await app.ok('permits.slaReport', { month: '2026-12' }, loket);
    expect(report).toMatchObject({ received: 2, issued: 2, rejected: 0, onTime: 1, late: 1, onTimeShare: 0.5 });
    expect(report.byChannel.loket).toEqual({ received: 2, issued: 2, rejected: 0, onTime: 1 });
  });

  it('uses the configured number of working days', async () => {
    const actors = await setupActors(app);
    const { settings } = await app.ok('permitSettings.get', {}, actors.admin);
    const refused = await app.call('permitSettings.update', { ...settings, numberTemplate: 'IUMK/{seq}' }, actors.admin);
    expect(refused.status).toBe(400);
    expect(refused.error.fields.numberTemplate).toMatch(/\{tahun\}/);
    await app.ok('permitSettings.update', { ...settings, slaDays: 3 }, actors.admin);
    const { id } = await app.ok('permits.create', intakeInput(await createMember(app)), actors.loket);
    const detail = await app.ok('permits.get', { id }, actors.loket);
    expect(detail.sla).toMatchObject({ slaDays: 3, dueDate: '2026-12-29' });
  });
});
