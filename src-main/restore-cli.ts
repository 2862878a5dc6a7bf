import { createInterface } from 'node:readline';
import { openApp } from './app';
import { AppError } from './core/api/errors';
import { isEncryptedBackup } from './core/backup-crypto';

/** The first line of standard input: typed at the prompt, or piped in by a script. */
function readPassphrase(): Promise<string> {
  if (process.stdin.isTTY) process.stdout.write('Frasa sandi cadangan: ');
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, terminal: false });
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      rl.close();
      resolve(line);
    });
    rl.once('close', () => {
      if (!answered) resolve('');
    });
  });
}

/**
 * `restore FILE`: the same checked, atomic restore as Pengaturan › Cadangan, for an office whose
 * app will not start or a new PC. The office app must be stopped (one writer per database).
 */
export async function runRestoreCli(
  options: { source: string; dataDir: string; allowOtherOffice: boolean },
  out: (line: string) => void = console.log,
): Promise<number> {
  let encrypted: boolean;
  try {
    encrypted = isEncryptedBackup(options.source);
  } catch {
    out(`Berkas cadangan tidak ditemukan atau tidak dapat dibaca: ${options.source}`);
    return 2;
  }
  const passphrase = encrypted ? await readPassphrase() : undefined;
  const app = await openApp({ dataDir: options.dataDir });
  try {
    const r = await app.services.backups.restore(options.source, { passphrase, user: null, fromCall: false, allowOtherOffice: options.allowOtherOffice });
    out(`Dipulihkan dari ${r.restoredFrom} (skema ${r.schemaVersion}, ${r.auditEntries} entri audit utuh).`);
    out(`Basis data sebelumnya dicadangkan sebagai ${r.previous.name}.`);
    return 0;
  } catch (e) {
    out(`Pemulihan dibatalkan, basis data tidak diubah: ${e instanceof AppError || e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await app.close();
  }
}
