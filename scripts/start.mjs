// `npm start`: builds the app, then opens the desktop window when Electron's binary is present
// (fetching it on first start), or else serves the same app to a browser as the office server.
//   npm start                      desktop window (or the browser fallback)
//   npm start -- --serve [--port N] [--host ADDR] [--data-dir DIR]
//   npm start -- restore FILE [--data-dir DIR]   restores a backup (stop the app first)
import { existsSync, readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const args = process.argv.slice(2);

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

/** Electron's binary arrives on first desktop start; a closed network leaves it missing. */
function ensureElectron() {
  if (electronBinary()) return { exe: electronBinary() };
  console.log('Mengunduh Electron untuk jendela desktop (sekali saja)...');
  const r = spawnSync(bin('install-electron'), ['--no'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 180_000,
    shell: process.platform === 'win32',
  });
  if (electronBinary()) return { exe: electronBinary() };
  const why = (r.stderr?.toString() ?? '')
    .split('\n')
    .find((l) => /error|fail/i.test(l))
    ?.trim();
  return { reason: why || (r.error ? String(r.error.message) : 'unduhan gagal') };
}

run(bin('electron-vite'), ['build', '--logLevel', 'warn']);

const serve = (reasonText) => {
  const cliArgs = [join(root, 'out', 'main', 'cli.js'), 'serve', ...args.filter((a) => a !== '--serve')];
  if (reasonText) cliArgs.push('--reason', reasonText);
  const child = spawn(process.execPath, cliArgs, { cwd: root, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
};

if (args[0] === 'restore') {
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'cli.js'), ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else if (args.includes('--serve')) {
  serve();
} else {
  const electron = ensureElectron();
  if (electron.exe) {
    const child = spawn(electron.exe, [root, ...args], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    serve(
      `Jendela desktop tidak dapat dibuka: biner Electron tidak tersedia di PC ini (${electron.reason}).\n` +
        'Aplikasi yang sama dilayani ke peramban sebagai server kantor; buka alamat di bawah ini di peramban.',
    );
  }
}
