import { afterEach, describe, expect, it } from 'vitest';
import { owaspScryptCost, verifyPasswordTask } from '../../../src-main/core/auth/passwords';
import { generateSigningKey } from '../../../src-main/core/signing';
import { createWorkerPool, type WorkPool } from '../../../src-main/core/work/pool';
import { permitsBenchSample } from '../../../src-main/features/permits/bench';
import { DEFAULT_PERMIT_SETTINGS } from '../../../src-main/features/permits/settings';
import { renderCertificatesTask } from '../../../src-main/features/permits/tasks';
import { ADMIN, makeTestApp, type TestApp } from '../../support/app';

// CPU-heavy work runs in the worker pool: the main thread, which answers the office, keeps
// running its timers while a password is hashed or a batch is drawn; long tasks report
// progress and stop when cancelled.

let app: TestApp | undefined;
let pool: WorkPool | undefined;
afterEach(async () => {
  await app?.dispose();
  await pool?.close();
  app = undefined;
  pool = undefined;
});

/** Counts turns of the event loop while `work` runs. */
async function ticksDuring<T>(work: Promise<T>): Promise<{ value: T; ticks: number }> {
  let ticks = 0;
  let done = false;
  const spin = () => {
    if (done) return;
    ticks++;
    setTimeout(spin, 0);
  };
  setTimeout(spin, 0);
  const value = await work;
  done = true;
  return { value, ticks };
}

describe('worker pool', () => {
  it('verifies a password at the production scrypt cost in a worker while the event loop keeps turning', async () => {
    app = await makeTestApp(undefined, { security: { passwordCost: owaspScryptCost } });
    await app.setup();
    const before = app.services.work.stats().tasksStarted;
    const { value: token, ticks } = await ticksDuring(app.login(ADMIN.username, ADMIN.password));
    expect(token).toBeTruthy();
    expect(app.services.work.stats().tasksStarted).toBe(before + 1);
    // A 128 MiB scrypt takes hundreds of milliseconds: timers fired many times meanwhile.
    expect(ticks).toBeGreaterThan(3);
    // A wrong password goes the same way and is refused.
    const wrong = await ticksDuring(app.call('auth.login', { username: ADMIN.username, password: 'SalahSekali99' }));
    expect(wrong.value.status).toBe(401);
    expect(wrong.ticks).toBeGreaterThan(3);
  });

  it('reports the progress of a long task and stops it on cancel', async () => {
    pool = createWorkerPool({ size: 1 });
    const key = generateSigningKey();
    const office = {
      letterheadLines: ['PEMERINTAH PROVINSI DKI JAKARTA', 'KECAMATAN TANAH ABANG'],
      address: 'Jl. K.H. Mas Mansyur No. 7',
      postalCode: '10240',
      phone: null,
      email: null,
      signatoryName: 'Camat',
      signatoryTitle: 'Camat Tanah Abang',
      signatoryNip: '197203151998032004',
      keyId: key.keyId,
      privateKeyPem: key.privateKeyPem,
    };
    const input = { list: Array.from({ length: 3000 }, (_, i) => permitsBenchSample(i)), office, settings: DEFAULT_PERMIT_SETTINGS };
    const controller = new AbortController();
    const progress: number[] = [];
    const run = pool.run(renderCertificatesTask, input, {
      signal: controller.signal,
      onProgress: (done) => {
        progress.push(done);
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]).toBeLessThan(3000);
    // The worker is free again for the next task.
    const small = await pool.run(renderCertificatesTask, { ...input, list: input.list.slice(0, 2) });
    expect(small.pages).toBe(2);
    expect(Buffer.from(small.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(pool.stats()).toEqual({ tasksStarted: 2, threadsStarted: 1 });
  });

  it('takes a queued task off the queue when it is cancelled before it starts', async () => {
    pool = createWorkerPool({ size: 1 });
    const first = pool.run(verifyPasswordTask, { password: 'x', stored: 'scrypt$14$8$1$c2FsdA==$aGFzaA==' });
    const controller = new AbortController();
    const second = pool.run(verifyPasswordTask, { password: 'y', stored: 'scrypt$14$8$1$c2FsdA==$aGFzaA==' }, { signal: controller.signal });
    controller.abort();
    await expect(second).rejects.toMatchObject({ code: 'cancelled' });
    expect(await first).toBe(false);
    expect(pool.stats().tasksStarted).toBe(1);
  });
});
