import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src-main/app';
import { entryHash, type ChainedEntry } from '../../../src-main/core/audit/chain';
import { CHECKPOINT_EVERY } from '../../../src-main/core/audit/checkpoint';
import { runAuditVerifyCli } from '../../../src-main/core/audit/verify-cli';
import { makeTestApp, type TestApp } from '../../support/app';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
  const admin = await app.setup();
  const user = await app.ok('users.create', { username: 'agus', fullName: 'Agus Salim', role: 'loket', password: 'KerakTelorPasar42' }, admin);
  // Enough audited changes for a signed periodic checkpoint and entries after it.
  for (let i = 0; i < CHECKPOINT_EVERY + 20; i++) await app.ok('users.update', { id: user.id, phone: `08123456${String(i).padStart(4, '0')}` }, admin);
});
afterEach(async () => {
  await app.dispose();
});

function verify() {
  const lines: string[] = [];
  const code = runAuditVerifyCli(['--audit', '--data-dir', app.dir], { out: (l) => lines.push(l), defaultDataDir: () => '/nonexistent' });
  return { code, text: lines.join('\n'), lines };
}

/** Tampering as someone with the file would: a second connection, triggers dropped and put back. */
function tamper(work: (db: SQLite.Database) => void) {
  const db = new SQLite(join(app.dir, DATABASE_FILE));
  try {
    db.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete;');
    work(db);
    db.exec(`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end;
             create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end;`);
  } finally {
    db.close();
  }
}

const entry = (seq: number) => app.sqlite.prepare('select * from audit_log where seq = ?').get(seq) as ChainedEntry;

describe('tamper-evident audit trail', () => {
  it('chains every entry to the one before and signs checkpoints with the office key', () => {
    const v = verify();
    expect(v.text).toMatch(/UTUH/);
    expect(v.code).toBe(0);
    const rows = app.sqlite.prepare('select seq, prev_hash, hash from audit_log order by seq').all() as { seq: number; prev_hash: string; hash: string }[];
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i].hash));
    const checkpoints = app.sqlite.prepare('select seq, reason from audit_checkpoints').all();
    expect(checkpoints).toEqual([{ seq: CHECKPOINT_EVERY, reason: 'periodic' }]);
    expect(v.text).toMatch(/titik periksa/);
  });

  it('names an entry edited in the file', () => {
    const victim = entry(5);
    tamper((db) => db.prepare(`update audit_log set after = '{"phone":"0800000000"}' where seq = 5`).run());
    const v = verify();
    expect(v.code).toBe(1);
    expect(v.lines.find((l) => l.startsWith('RUSAK'))).toBe(
      `RUSAK: Entri audit #5 (id ${victim.id}, ${victim.at}, ${victim.method}) telah diubah: isinya tidak cocok dengan hash-nya.`,
    );
  });

  it('names the place of an entry deleted from the file', () => {
    const next = entry(8);
    tamper((db) => db.prepare('delete from audit_log where seq = 7').run());
    const v = verify();
    expect(v.code).toBe(1);
    expect(v.text).toContain(`RUSAK: Sebelum entri audit #8 (id ${next.id}`);
    expect(v.text).toMatch(/entri #7 hilang \(dihapus\)/);
  });

  it('names an entry slipped into the middle with a well-made hash', () => {
    const before = entry(9);
    const forgedId = '01900000-0000-7000-8000-000000000bad';
    tamper((db) => {
      // Make room at #10 and slip in an entry that links correctly to #9.
      const seqs = db.prepare('select seq from audit_log where seq >= 10 order by seq desc').pluck().all() as number[];
      for (const s of seqs) db.prepare('update audit_log set seq = seq + 1 where seq = ?').run(s);
      const forged = {
        id: forgedId,
        at: before.at,
        user_id: null,
        username: 'admin',
        method: 'users.resetPassword',
        entity: 'users',
        entity_id: null,
        before: null,
        after: '{"passwordReset":true}',
      };
      db.prepare(
        'insert into audit_log (seq, id, at, user_id, username, method, entity, entity_id, before, after, prev_hash, hash) values (10, @id, @at, @user_id, @username, @method, @entity, @entity_id, @before, @after, @prev, @hash)',
      ).run({
        ...forged,
        prev: before.hash,
        hash: entryHash(before.hash, 10, forged),
      });
    });
    const v = verify();
    expect(v.code).toBe(1);
    expect(v.text).toMatch(new RegExp(`RUSAK: Entri audit #11 .* tidak menyambung dengan entri sebelumnya #10 \\(id ${forgedId}, .*disisipkan`));
  });

  it('names an entry inserted with a plain INSERT, which carries no chain at all', () => {
    tamper((db) =>
      db.prepare(`insert into audit_log (id, at, method, entity) values ('plain-insert', '2026-01-01T00:00:00.000Z', 'users.create', 'users')`).run(),
    );
    expect(verify().text).toMatch(/Entri audit \(id plain-insert, .*\) tidak termasuk rantai: disisipkan di luar aplikasi/);
  });

  it('catches a rewritten chain through the signed checkpoint, and a cut-off tail', () => {
    tamper((db) => {
      db.prepare(`update audit_log set after = '{"phone":"0800000000"}' where seq = 5`).run();
      // Recompute every hash from the edit on, as a careful attacker would.
      const rows = db.prepare('select * from audit_log where seq >= 5 order by seq').all() as ChainedEntry[];
      let prev = (db.prepare('select hash from audit_log where seq = 4').get() as { hash: string }).hash;
      for (const r of rows) {
        const hash = entryHash(prev, r.seq, r);
        db.prepare('update audit_log set prev_hash = ?, hash = ? where seq = ?').run(prev, hash, r.seq);
        prev = hash;
      }
    });
    const rewritten = verify();
    expect(rewritten.code).toBe(1);
    expect(rewritten.text).toMatch(
      new RegExp(`RUSAK: Entri audit #${CHECKPOINT_EVERY} .* tidak sama dengan yang ditandatangani pada titik periksa .*ditulis ulang`),
    );
  });

  it('catches entries cut off after a checkpoint', () => {
    tamper((db) => db.prepare('delete from audit_log where seq >= ?').run(CHECKPOINT_EVERY - 3));
    const v = verify();
    expect(v.code).toBe(1);
    expect(v.text).toMatch(new RegExp(`menandatangani entri audit #${CHECKPOINT_EVERY}, tetapi entri itu tidak ada lagi`));
  });

  it('answers through npm run verify -- --audit with a non-zero exit code', () => {
    const cli = join(import.meta.dirname, '..', '..', '..', 'out', 'main', 'cli.js');
    expect(existsSync(cli), 'build first (npm test does)').toBe(true);
    const ok = spawnSync(process.execPath, [cli, 'verify', '--audit', '--data-dir', app.dir], { encoding: 'utf8' });
    expect(ok.stdout).toMatch(/UTUH/);
    expect(ok.status).toBe(0);
    tamper((db) => db.prepare('delete from audit_log where seq = 3').run());
    const bad = spawnSync(process.execPath, [cli, 'verify', '--audit', '--data-dir', app.dir], { encoding: 'utf8' });
    expect(bad.stdout).toMatch(/RUSAK: Sebelum entri audit #4/);
    expect(bad.status).toBe(1);
  });
});
