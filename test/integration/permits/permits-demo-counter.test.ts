import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../src-main/app';
import type { Api, MethodName } from '../../../src-main/api';
import { createDemoOffice, demoAccounts, loginAs, TANAH_ABANG_POSTAL_CODES } from '../../../src-main/demo/demo';
import { tempDir } from '../../support/app';
import { testClock } from '../../support/clock';

// The demo office as the counter finds it: postal codes for its kelurahan, permits only for
// businesses of its own kecamatan, certificates printed and confirmed, work waiting per role.
const dir = tempDir('jpd-permits-demo-');
const clock = testClock();
let app: App;

beforeAll(async () => {
  await createDemoOffice({ dataDir: dir.dir, members: 80, clock });
  app = await openApp({ dataDir: dir.dir, clock, log: () => undefined });
}, 240_000);
afterAll(async () => {
  await app.close();
  dir.remove();
});

const call = async <K extends MethodName>(role: 'supervisor' | 'loket', method: K, input: unknown = {}) => {
  const token = await loginAs(app, role, demoAccounts.find((a) => a.role === role)!.password);
  const res = await app.dispatch({ method, input, sessionToken: token, checkCsrf: false });
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.value as Api[K]['output'];
};

describe('demo office at the counter', () => {
  it('keeps the real postal code of each Tanah Abang kelurahan', async () => {
    const codes = await call('loket', 'office.postalCodes');
    expect(codes).toHaveLength(7);
    for (const k of codes) expect(k.postalCode).toBe(TANAH_ABANG_POSTAL_CODES[k.kode]);
    // Business addresses with a postal code carry their kelurahan's.
    const wrong = app.sqlite
      .prepare(
        `select count(*) n from businesses b join kelurahan_postal_codes k on k.kelurahan_kode = b.kelurahan_kode where b.postal_code is not null and b.postal_code != k.postal_code`,
      )
      .get() as { n: number };
    expect(wrong.n).toBe(0);
  });

  it('has no permit for a business outside the kecamatan, and a postal code and verification code on every issued one', () => {
    const outside = app.sqlite
      .prepare(`select count(*) n from permits p join businesses b on b.id = p.business_id where b.kelurahan_kode not like '31.71.07.%'`)
      .get() as { n: number };
    expect(outside.n).toBe(0);
    const total = (app.sqlite.prepare('select count(*) n from permits').get() as { n: number }).n;
    expect(total).toBeGreaterThan(30);
    const issued = app.sqlite.prepare(`select postal_code, verification_code from permits where number is not null`).all() as {
      postal_code: string | null;
      verification_code: string | null;
    }[];
    expect(issued.length).toBeGreaterThan(10);
    for (const p of issued) {
      expect(p.postal_code).toMatch(/^102[1-7]0$/);
      expect(p.verification_code).toMatch(/^[2-9A-HJKMNP-TV-Z]{12}$/);
    }
    // Handed over only as confirmed originals; one paper jam in the log; one permit replaced by an NIB.
    const handedUnconfirmed = app.sqlite
      .prepare(`select count(*) n from permits where status = 'diserahkan' and original_confirmed_at is null and channel != 'ajib'`)
      .get() as { n: number };
    expect(handedUnconfirmed.n).toBe(0);
    expect((app.sqlite.prepare(`select count(*) n from permit_prints where event = 'gagal'`).get() as { n: number }).n).toBe(1);
    expect((app.sqlite.prepare(`select count(*) n from permits where revoked_kind = 'diganti'`).get() as { n: number }).n).toBe(1);
  });

  it('shows work waiting for the supervisor and the counter on Beranda', async () => {
    const work = await call('supervisor', 'permits.work');
    expect(work.approve.count).toBeGreaterThan(0);
    expect(work.issue.count).toBeGreaterThan(0);
    expect(work.print.count).toBeGreaterThan(0);
    expect(work.handOver.count).toBeGreaterThan(0);
    expect(work.ajibToday.count).toBeGreaterThan(0);
  });
});
