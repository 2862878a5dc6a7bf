// Command line of Jakpreneur Desk: the office server and the tools around it.
//   serve  [--port N] [--host ADDR] [--data-dir DIR] [--allow-host NAME] [--insecure-http] [--reason TEXT]
//   demo   [--data-dir DIR] [--members N]
//   bench  [--data-dir DIR] [--members N] [--only TEXT]   (builds the demo office once, then measures)
//   verify <file.pdf | QR text> [--data-dir DIR] [--key other-office.pem]  (checks IUMK certificates)
//   restore <backup file> [--data-dir DIR] [--other-office]  (stop the office app first; asks for the passphrase of an encrypted backup)
//   verify --audit [--data-dir DIR | --file DB]  (checks the audit chain and its signed checkpoints)
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openApp } from './app';
import { defaultDataDir } from './core/paths';
import { isLoopback, startOfficeServer } from './server/http';
import { allowedHostNames } from './server/security';
import { certificateNames, ensureOfficeCertificate } from './server/tls';
import { createDemoOffice } from './demo/demo';

const [command = 'serve', ...rest] = process.argv.slice(2);

async function serve(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '4455' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      'allow-host': { type: 'string', multiple: true },
      reason: { type: 'string' },
      serve: { type: 'boolean' },
      'insecure-http': { type: 'boolean' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: "${values.port}" bukan nomor port yang valid`);
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const app = await openApp({ dataDir, dailyBackup: true });
  const lan = !isLoopback(values.host);
  const insecureHttp = values['insecure-http'] === true;
  // Beyond this PC, passwords and session cookies cross the office network: HTTPS with the
  // office's own certificate, unless plain HTTP is asked for by name.
  const tls =
    lan && !insecureHttp
      ? await ensureOfficeCertificate(
          dataDir,
          certificateNames(allowedHostNames(values.host, values['allow-host'])),
          app.services.clock.nowMs(),
          (await app.db.selectFrom('office').select('name').executeTakeFirst())?.name,
        )
      : undefined;
  const server = await startOfficeServer(app, { host: values.host, port, allowedHosts: values['allow-host'], tls, insecureHttp });
  if (values.reason) console.log(values.reason);
  console.log(`Jakpreneur Desk ${app.services.version} — server kantor berjalan di ${server.url}`);
  console.log(`Data: ${dataDir}`);
  if (tls) {
    console.log(`HTTPS dengan sertifikat kantor. Sidik jari SHA-256 (cocokkan di peramban PC lain sebelum menerimanya):`);
    console.log(`  ${tls.fingerprint}`);
  } else if (lan) {
    console.log('PERINGATAN: HTTP biasa di jaringan (--insecure-http): kata sandi dan cookie sesi terkirim tanpa enkripsi.');
  }
  if (values.host === '127.0.0.1' || values.host === 'localhost') console.log('Hanya dapat dibuka dari PC ini. Untuk PC lain di kantor: --host 0.0.0.0');
  console.log('Hentikan dengan Ctrl+C.');
  const stop = async () => {
    await server.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

async function demo(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, members: { type: 'string', default: '300' } },
  });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const result = await createDemoOffice({ dataDir, members: Number(values.members) });
  console.log(result.report);
}

async function bench(args: string[]) {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, members: { type: 'string', default: '200000' }, only: { type: 'string' } } });
  const { runBench } = await import('./bench/run');
  await runBench({ dataDir: values['data-dir'], members: Number(values.members), only: values.only });
}

async function verify(args: string[]) {
  if (args.includes('--audit')) {
    const { runAuditVerifyCli } = await import('./core/audit/verify-cli');
    process.exitCode = runAuditVerifyCli(args, { out: (line) => console.log(line), defaultDataDir });
    return;
  }
  const { runVerifyCli } = await import('./features/permits/verify-cli');
  const { systemClock } = await import('./core/clock');
  process.exitCode = runVerifyCli(args, { out: (line) => console.log(line), defaultDataDir, nowIso: () => systemClock.nowIso() });
}

async function restore(args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'data-dir': { type: 'string' }, 'other-office': { type: 'boolean' } } });
  const source = positionals[0];
  if (!source) throw new Error('Pemakaian: npm start -- restore BERKAS-CADANGAN [--data-dir FOLDER] [--other-office]');
  const { runRestoreCli } = await import('./restore-cli');
  process.exitCode = await runRestoreCli({
    source: resolve(source),
    dataDir: values['data-dir'] ?? defaultDataDir(),
    allowOtherOffice: values['other-office'] ?? false,
  });
}

// The command is whatever was typed: it may name none of them.
const commands: Partial<Record<string, (args: string[]) => Promise<void>>> = { serve, demo, bench, verify, restore };

const run = commands[command];
if (!run) {
  console.error(`Perintah tidak dikenal: ${command}. Pilihan: ${Object.keys(commands).join(', ')}`);
  process.exit(2);
}
run(rest).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
