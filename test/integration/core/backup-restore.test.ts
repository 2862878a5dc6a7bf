import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openApp } from '../../../src-main/app';
import { BACKUP_FOLDER, BACKUP_KINDS, createBackup, listBackups } from '../../../src-main/core/backup';
import { ENCRYPTED_MAGIC } from '../../../src-main/core/backup-crypto';
import { verifyAuditTrail } from '../../../src-main/core/audit/verify';
import { makeTestApp, testSecurity, type TestApp } from '../../support/app';
import { member, petugasApp } from '../registrations/fixtures';

let app: TestApp;
let admin: string;
beforeEach(async () => {
  app = await makeTestApp();
  ({ admin } = await petugasApp(app));
  for (let i = 0; i < 3; i++) await app.ok('members.register', member({ fullName: `Anggota Cadangan ${i}` }), admin);
});
afterEach(async () => {
  await app.dispose();
});

const PASS = 'kopi tubruk di pagi hari';
const mode = (file: string) => statSync(file).mode & 0o777;

/** Every table of a database file, row by row. */
function snapshot(file: string): Record<string, unknown[]> {
  const db = new SQLite(file, { readonly: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
    // Virtual and WITHOUT ROWID tables have no rowid: order by content instead.
    return Object.fromEntries(
      tables.map((t) => [
        t,
        db
          .prepare(`select * from "${t}"`)
          .all()
          .map((r) => JSON.stringify(r))
          .sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

describe('backups', () => {
  it('keeps two backups taken in the same instant, each under its own name', async () => {
    const [a, b] = await Promise.all([app.services.backups.create(), app.services.backups.create()]);
    expect(a.name).not.toBe(b.name);
    const names = listBackups(app.dir).map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining([a.name, b.name]));
    for (const file of [a.file, b.file]) expect(new SQLite(file, { readonly: true }).prepare('select count(*) as n from members').get()).toEqual({ n: 3 });
  });

  it('writes files only the office account can read, in a private folder', async () => {
    const plain = await app.services.backups.create();
    const sealed = await app.services.backups.create({ passphrase: PASS });
    expect(mode(plain.file)).toBe(0o600);
    expect(mode(sealed.file)).toBe(0o600);
    expect(mode(join(app.dir, BACKUP_FOLDER))).toBe(0o700);
  });

  it('rotates each kind on its own: many manual backups never push out the daily ones', async () => {
    await createBackup(app.sqlite, app.dir, app.clock.nowIso(), { kind: 'harian' });
    await createBackup(app.sqlite, app.dir, app.clock.nowIso(), { kind: 'sebelum-pembaruan' });
    for (let i = 0; i < BACKUP_KINDS.manual + 5; i++) {
      app.clock.advance(1000);
      await app.services.backups.create();
    }
    const kinds = listBackups(app.dir).map((b) => b.kind);
    expect(kinds.filter((k) => k === 'manual')).toHaveLength(BACKUP_KINDS.manual);
    expect(kinds.filter((k) => k === 'harian')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'sebelum-pembaruan')).toHaveLength(1);
  });

  it('encrypts with a passphrase that is stored nowhere', async () => {
    const r = await app.call('office.backup', { passphrase: PASS }, admin);
    expect(r.status).toBe(200);
    expect(r.value.encrypted).toBe(true);
    const bytes = readFileSync(listBackups(app.dir).find((b) => b.name === r.value.name)!.file);
    expect(bytes.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC)).toBe(true);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('Anggota Cadangan'))).toBe(false);
    const everything = JSON.stringify(snapshot(join(app.dir, DATABASE_FILE)));
    expect(everything).not.toContain(PASS);
    expect((await app.call('office.backup', { passphrase: 'pendek' }, admin)).error.fields.passphrase).toBe('Frasa sandi: minimal 12 karakter');
  });

  it('signs the audit chain into every backup', async () => {
    const b = await app.services.backups.create();
    const db = new SQLite(b.file, { readonly: true });
    const head = db.prepare('select max(seq) as seq from audit_log').get() as { seq: number };
    expect(db.prepare("select seq from audit_checkpoints where reason = 'backup'").pluck().all()).toEqual([head.seq]);
    expect(verifyAuditTrail(db).ok).toBe(true);
    db.close();
    // The daily backup taken when the app opens, too.
    await app.close();
    const reopened = await openApp({ dataDir: app.dir, clock: app.clock, security: testSecurity, dailyBackup: true, log: () => undefined });
    const daily = listBackups(app.dir).find((x) => x.kind === 'harian')!;
    const copy = new SQLite(daily.file, { readonly: true });
    expect(copy.prepare("select count(*) as n from audit_checkpoints where reason = 'backup'").get()).toEqual({ n: 2 });
    copy.close();
    Object.assign(app, { close: () => reopened.close() });
  });
});

describe('restore', () => {
  it('brings back exactly what was backed up, after backing up the current database', async () => {
    const backup = await app.ok('office.backup', {}, admin);
    const file = listBackups(app.dir).find((b) => b.name === backup.name)!.file;
    const before = snapshot(file);
    // A day's work after the backup.
    await app.ok('members.register', member({ fullName: 'Anggota Sesudah Cadangan' }), admin);
    await app.ok('users.create', { username: 'agus', fullName: 'Agus Salim', role: 'loket', password: 'KerakTelorPasar42' }, admin);

    const r = await app.call('office.restore', { name: backup.name }, admin);
    expect(r.status, JSON.stringify(r.error)).toBe(200);
    expect(r.session).toBeNull();
    expect(r.value.previous).toMatch(/sebelum-pemulihan/);

    const after = snapshot(join(app.dir, DATABASE_FILE));
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    // Every table as backed up (sessions aside); the restore adds its own audit entry and
    // checkpoint after the restored ones.
    const appended = new Set(['audit_log', 'audit_checkpoints']);
    const { sessions: _sessionsAfter, ...restored } = after;
    const { sessions: _sessionsBefore, ...backedUp } = before;
    const kept = Object.fromEntries(
      Object.entries(restored).map(([table, rows]) => [table, appended.has(table) ? rows.filter((r) => backedUp[table].includes(r)) : rows]),
    );
    expect(kept).toEqual(backedUp);
    // Everyone logs in again; the restore is recorded in both databases and the chain holds.
    expect(after.sessions).toEqual([]);
    expect((await app.call('office.get', {}, admin)).status).toBe(401);
    const again = await app.login('admin', 'KunciPintuDepan71');
    expect((await app.ok('members.list', {}, again)).total).toBe(3);
    const tail = after.audit_log.filter((r) => !before.audit_log.includes(r)).map((r) => JSON.parse(r as string) as { method: string });
    expect(tail.map((e) => e.method)).toEqual(['office.restore']);
    expect(verifyAuditTrail(app.sqlite).ok).toBe(true);
    const previous = new SQLite(listBackups(app.dir).find((b) => b.name === r.value.previous)!.file, { readonly: true });
    expect(previous.prepare("select count(*) as n from members where full_name = 'Anggota Sesudah Cadangan'").get()).toEqual({ n: 1 });
    expect(previous.prepare("select after from audit_log where method = 'office.restore'").pluck().get()).toBe(JSON.stringify({ restoreFrom: backup.name }));
    previous.close();
  });

  it('restores an encrypted backup only with its passphrase', async () => {
    const backup = await app.ok('office.backup', { passphrase: PASS }, admin);
    await app.ok('members.register', member({ fullName: 'Anggota Baru' }), admin);
    const wrong = await app.call('office.restore', { name: backup.name, passphrase: 'bukan frasa yang benar' }, admin);
    expect(wrong.status).toBe(400);
    expect(wrong.error.fields.passphrase).toMatch(/^Frasa sandi: Frasa sandi cadangan salah/);
    const none = await app.call('office.restore', { name: backup.name }, admin);
    expect(none.error.fields.passphrase).toMatch(/^Frasa sandi: wajib/);
    expect((await app.ok('members.list', {}, admin)).total).toBe(4);
    expect((await app.call('office.restore', { name: backup.name, passphrase: PASS }, admin)).status).toBe(200);
    expect((await app.ok('members.list', {}, await app.login('admin', 'KunciPintuDepan71'))).total).toBe(3);
  });

  it('refuses a damaged backup, one with a broken audit chain, another office and unknown names, changing nothing', async () => {
    const good = await app.services.backups.create();
    // A damaged file: bytes overwritten in the middle.
    const bytes = readFileSync(good.file);
    bytes.fill(0x41, 4096, 4096 + 2048);
    const damagedFile = join(app.dir, BACKUP_FOLDER, 'jakpreneur-desk-20260101T000000000Z-manual-aaaaaa.sqlite');
    writeFileSync(damagedFile, bytes);
    // An audit entry edited inside the backup.
    const editedFile = join(app.dir, BACKUP_FOLDER, 'jakpreneur-desk-20260101T000000000Z-manual-bbbbbb.sqlite');
    writeFileSync(editedFile, readFileSync(good.file));
    const e = new SQLite(editedFile);
    e.exec("drop trigger audit_log_no_update; update audit_log set after = '{}' where seq = 2;");
    e.close();

    const count = () => (app.sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
    const entries = count();
    const r1 = await app.call('office.restore', { name: 'jakpreneur-desk-20260101T000000000Z-manual-aaaaaa.sqlite' }, admin);
    expect(r1.status).toBe(400);
    expect(r1.error.message).toMatch(/^Berkas cadangan: (rusak|bukan basis data)/);
    const r2 = await app.call('office.restore', { name: 'jakpreneur-desk-20260101T000000000Z-manual-bbbbbb.sqlite' }, admin);
    expect(r2.error.message).toMatch(/^Berkas cadangan: jejak auditnya tidak utuh. Entri audit #2 .* telah diubah/);
    const r3 = await app.call('office.restore', { name: '../jakpreneur-desk.sqlite' }, admin);
    expect(r3.status).toBe(404);
    expect(count()).toBe(entries);
    expect(listBackups(app.dir).some((b) => b.kind === 'sebelum-pemulihan')).toBe(false);

    const other = await makeTestApp();
    await other.setup();
    const foreign = await other.services.backups.create();
    const foreignCopy = join(app.dir, BACKUP_FOLDER, foreign.name);
    writeFileSync(foreignCopy, readFileSync(foreign.file));
    await other.dispose();
    const r4 = await app.call('office.restore', { name: foreign.name }, admin);
    expect(r4.error.message).toMatch(/milik kantor lain/);
    expect(count()).toBe(entries);
  });

  it('runs from the command line with the passphrase on standard input', async () => {
    const backup = await app.services.backups.create({ passphrase: PASS });
    await app.ok('members.register', member({ fullName: 'Anggota Baru' }), admin);
    await app.close();
    const cli = join(import.meta.dirname, '..', '..', '..', 'out', 'main', 'cli.js');
    expect(existsSync(cli), 'build first (npm test does)').toBe(true);
    const wrong = spawnSync(process.execPath, [cli, 'restore', backup.file, '--data-dir', app.dir], { input: 'salah sekali frasanya\n', encoding: 'utf8' });
    expect(wrong.stdout).toMatch(/Pemulihan dibatalkan, basis data tidak diubah: Frasa sandi/);
    expect(wrong.status).toBe(1);
    const ok = spawnSync(process.execPath, [cli, 'restore', backup.file, '--data-dir', app.dir], { input: `${PASS}\n`, encoding: 'utf8' });
    expect(ok.stdout).toMatch(/Dipulihkan dari /);
    expect(ok.status).toBe(0);
    const db = new SQLite(join(app.dir, DATABASE_FILE), { readonly: true });
    expect(db.prepare('select count(*) as n from members').get()).toEqual({ n: 3 });
    db.close();
    // dispose() closes again: reopen so that it has something to close.
    Object.assign(app, { close: () => Promise.resolve() });
  });
});
