import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRng } from '../../../src-main/demo/random';
import { permitsDemo, HOLIDAYS_2026 } from '../../../src-main/features/permits/demo';
import { permitStatuses } from '../../../src-main/features/permits/rules/transitions';
import { makeTestApp, type TestApp } from '../../support/app';
import { extractPdfText } from '../../support/pdf';
import { createMember, issuePermit, intakeInput, setupActors, type PermitActors } from '../../support/permits-factory';

let app: TestApp;
let actors: PermitActors;

beforeAll(async () => {
  app = await makeTestApp('2026-11-30T02:00:00.000Z');
  actors = await setupActors(app);
});
afterAll(async () => {
  await app.dispose();
});

describe('AJIB tasks', () => {
  it('plans a delivery, prints the day list, and hands the permit over with proof', async () => {
    const { id } = await issuePermit(app, actors);
    const refused = await app.call(
      'ajib.create',
      { permitId: id, kind: 'pickup', officerName: 'Darto', address: 'Jl. Kebon Kacang IX No. 1', plannedDate: '2026-11-30' },
      actors.loket,
    );
    expect(refused.status).toBe(400);
    const task = await app.ok(
      'ajib.create',
      { permitId: id, kind: 'delivery', officerName: 'Darto', address: 'Jl. Kebon Kacang IX No. 1', plannedDate: '2026-11-30' },
      actors.loket,
    );
    const day = await app.ok('ajib.list', { date: '2026-11-30', officer: 'Darto' }, actors.petugas);
    expect(day.rows).toHaveLength(1);
    expect(day.officers).toEqual(['Darto']);
    const pdf = await app.ok('ajib.dayPdf', { date: '2026-11-30' }, actors.loket);
    const [text] = await extractPdfText(Buffer.from(pdf.base64, 'base64'));
    expect(text).toContain('DAFTAR TUGAS ANTAR JEMPUT IZIN BERMOTOR (AJIB)');
    expect(text).toContain('Darto');
    expect(text).toContain('Antar izin');
    const noReceiver = await app.call('ajib.complete', { id: task.id, receiverName: '' }, actors.loket);
    expect(noReceiver.status).toBe(400);
    const done = await app.ok('ajib.complete', { id: task.id, receiverName: 'Rahmat (suami pemohon)', note: 'Di rumah' }, actors.loket);
    expect(done.handedOver).toBe(true);
    const detail = await app.ok('permits.get', { id }, actors.loket);
    expect(detail.permit.status).toBe('diserahkan');
    expect(detail.events.at(-1)).toMatchObject({ to: 'diserahkan', receiverName: 'Rahmat (suami pemohon)', deliveryChannel: 'ajib' });
    expect(detail.ajibTasks[0]).toMatchObject({ status: 'selesai', receiver_name: 'Rahmat (suami pemohon)' });
    const again = await app.call('ajib.complete', { id: task.id, receiverName: 'X' }, actors.loket);
    expect(again.status).toBe(409);
    const m = await createMember(app);
    const pending = await app.ok('permits.create', intakeInput(m, { channel: 'ajib' }), actors.loket);
    const pickup = await app.ok(
      'ajib.create',
      { permitId: pending.id, kind: 'pickup', officerName: 'Yusuf', address: 'Jl. Mawar 2', plannedDate: '2026-12-01' },
      actors.loket,
    );
    await app.ok('ajib.update', { id: pickup.id, officerName: 'Yusuf', address: 'Jl. Mawar 2A', plannedDate: '2026-12-02' }, actors.loket);
    await app.ok('ajib.cancel', { id: pickup.id, reason: 'Pemohon datang sendiri ke loket' }, actors.loket);
    const petugas = await app.call(
      'ajib.create',
      { permitId: pending.id, kind: 'pickup', officerName: 'Yusuf', address: 'x', plannedDate: '2026-12-01' },
      actors.petugas,
    );
    expect(petugas.status).toBe(403);
  });
});

describe('demo step', () => {
  it('creates permits in every status, AJIB tasks and the 2026 holidays', async () => {
    for (let i = 0; i < 45; i++) await createMember(app);
    const lines: string[] = [];
    await permitsDemo({ app, tokens: actors, members: 45, rng: seededRng(), today: '2026-11-30', log: (l) => lines.push(l) });
    const statuses = await app.db.selectFrom('permits').select('status').distinct().execute();
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(permitStatuses));
    expect((await app.ok('holidays.list', { year: 2026 }, actors.loket)).length).toBe(HOLIDAYS_2026.length);
    expect((await app.ok('ajib.list', { date: '2026-11-30' }, actors.loket)).rows.length).toBeGreaterThan(0);
    expect(lines.join('\n')).toMatch(/izin contoh/);
  });
});
