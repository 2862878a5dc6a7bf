import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../app';
import type { Role } from '../core/db/schema';
import { createDemoOffice, demoAccounts, loginAs } from '../demo/demo';
import { formatLine } from './measure';
import { benchSuites } from './suites';

/**
 * `npm run bench`: builds (once) a large demo office, then runs every feature's suite. Each
 * figure is printed beside a baseline measured in the same process, so the ratios hold on any
 * machine; absolute targets are printed for reference.
 */
export async function runBench(options: { dataDir?: string; members: number; /** Only the suites whose name contains this text. */ only?: string }) {
  const dataDir = options.dataDir ?? join(tmpdir(), `jakpreneur-bench-${options.members}`);
  mkdirSync(dataDir, { recursive: true });
  const fresh = !existsSync(join(dataDir, 'jakpreneur-desk.sqlite'));
  console.log(`Basis data benchmark: ${dataDir} (${options.members.toLocaleString('id-ID')} anggota)${fresh ? ', dibangun sekarang…' : ', dipakai ulang'}`);
  if (fresh) {
    const t0 = Date.now();
    const demo = await createDemoOffice({ dataDir, members: options.members });
    console.log(
      demo.report
        .split('\n')
        .filter((l) => l.startsWith('•') || l.includes('anggota'))
        .join('\n'),
    );
    console.log(`Dibangun dalam ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const app = await openApp({ dataDir });
  try {
    const tokens = {} as Record<Role, string>;
    for (const a of demoAccounts) tokens[a.role] = await loginAs(app, a.username, a.password);
    const only = options.only?.toLowerCase();
    const suites = only ? benchSuites.filter((s) => s.name.toLowerCase().includes(only)) : benchSuites;
    for (const suite of suites) {
      console.log(`\n== ${suite.name} ==`);
      const lines = await suite.run({ app, tokens, log: (l) => console.log(l) });
      for (const line of lines) console.log(formatLine(line));
    }
    if (benchSuites.length === 0) console.log('Belum ada suite benchmark.');
  } finally {
    await app.close();
  }
}
