import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../../../src-main/app';
import { createDemoOffice, demoAccounts, loginAs } from '../../../src-main/demo/demo';
import { programmeBench } from '../../../src-main/features/programme/bench';
import { formatLine } from '../../../src-main/bench/measure';
import type { Role } from '../../../src-main/core/db/schema';
import { tempDir } from '../../support/app';
import { testClock } from '../../support/clock';

const dir = tempDir('jpd-programme-demo-');
const clock = testClock();
afterAll(() => dir.remove());

describe('programme demo data', () => {
  it('has trainings with attendance, assignments and visits, six months of turnover and referrals in every status', { timeout: 240_000 }, async () => {
    const result = await createDemoOffice({ dataDir: dir.dir, members: 80, clock });
    expect(result.report).toMatch(/Program 7P: 4 pelatihan/);
    const app = await openApp({ dataDir: dir.dir, clock, log: () => undefined });
    try {
      const db = app.db;
      const trainings = await db.selectFrom('trainings').select(['status']).execute();
      expect(trainings.map((t) => t.status).sort()).toEqual(['selesai', 'selesai', 'selesai', 'terjadwal']);
      // Two trainings completed in one month; every graduate has a certificate number of their own.
      const completedMonths = (await db.selectFrom('trainings').select('completed_on').where('status', '=', 'selesai').execute()).map((t) =>
        t.completed_on!.slice(0, 7),
      );
      expect(completedMonths.length - new Set(completedMonths).size).toBe(1);
      const certificates = await db.selectFrom('training_certificates').select(['number', 'year', 'seq']).execute();
      const graduates = await db.selectFrom('training_enrolments').select('id').where('completed', '=', 1).execute();
      expect(certificates).toHaveLength(graduates.length);
      expect(new Set(certificates.map((c) => c.number)).size).toBe(certificates.length);
      for (const year of new Set(certificates.map((c) => c.year))) {
        const seqs = certificates
          .filter((c) => c.year === year)
          .map((c) => c.seq)
          .sort((a, b) => a - b);
        expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      }
      const attended = await db
        .selectFrom('training_enrolments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('attended', '=', 1)
        .executeTakeFirstOrThrow();
      expect(attended.n).toBeGreaterThan(10);
      const waiting = await db.selectFrom('training_enrolments').select('id').where('status', '=', 'menunggu').execute();
      expect(waiting.length).toBeGreaterThan(0);
      const visits = await db.selectFrom('mentoring_visits').select('id').execute();
      expect(visits.length).toBeGreaterThan(10);
      const months = await db.selectFrom('turnover_reports').select('month').distinct().orderBy('month').execute();
      expect(months).toHaveLength(6);
      const statuses = await db.selectFrom('financing_referrals').select('status').distinct().execute();
      expect(statuses.map((s) => s.status).sort()).toEqual(['diajukan', 'dicairkan', 'disetujui', 'ditolak']);
      const stages = await db
        .selectFrom('member_stages')
        .select('stage_code')
        .where('status', '=', 'selesai')
        .where('source', 'in', ['training', 'visit', 'report', 'financing'])
        .distinct()
        .execute();
      expect(stages.map((s) => s.stage_code).sort()).toEqual(['P2', 'P3', 'P6', 'P7']);
      // Visits were entered newest first (older ones backdated later): P3 carries the earliest visit,
      // P6 the first day of the month of the first turnover report.
      const p3 = app.sqlite
        .prepare(
          "select count(*) n from member_stages s where s.stage_code = 'P3' and s.source = 'visit' and s.completed_on <> (select min(visited_on) from mentoring_visits v where v.member_id = s.member_id)",
        )
        .get() as { n: number };
      expect(p3.n).toBe(0);
      const backdated = app.sqlite
        .prepare(
          'select count(*) n from mentoring_visits a join mentoring_visits b on a.member_id = b.member_id and a.visited_on < b.visited_on and a.rowid > b.rowid',
        )
        .get() as { n: number };
      expect(backdated.n).toBeGreaterThan(0);
      const p6 = app.sqlite
        .prepare(
          "select count(*) n from member_stages s where s.stage_code = 'P6' and s.source = 'report' and s.completed_on <> (select min(month) || '-01' from turnover_reports r where r.member_id = s.member_id)",
        )
        .get() as { n: number };
      expect(p6.n).toBe(0);

      // The benchmark suite runs on this office (its figures belong to npm run bench, not here).
      const tokens = {} as Record<Role, string>;
      for (const a of demoAccounts) tokens[a.role] = await loginAs(app, a.username, a.password);
      const lines = await programmeBench({ app, tokens, log: () => undefined }, { query: 3, pdf: 2 });
      console.log(lines.map(formatLine).join('\n'));
      expect(lines.map((l) => l.name.replace(/\(.*\)/, '').trim())).toEqual(['turnover.grid', 'mentoring.myMembers', 'trainings.certificates']);
      expect(lines.every((l) => l.baseline && l.ours.runs > 0)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
