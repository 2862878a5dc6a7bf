import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { methods } from '../../../src-main/api';
import type { Role } from '../../../src-main/core/db/schema';
import { mayCall } from '../../../src-main/features/auth/permissions';
import { permitTransitions, type PermitStatus } from '../../../src-main/features/permits/rules/transitions';
import type { MethodName } from '../../../src-main/api';

// The README's role table is read as a claim about the code: each row names what it covers, each
// cell what a role may do. A row this test does not know fails it, so the table cannot drift
// from the registry and the permit workflow (the two places that decide who may do what).

const ROLES = ['admin', 'supervisor', 'petugas', 'loket'] as const satisfies readonly Role[];

/** What a row covers: methods that change things, methods that only read, permit moves. */
interface RowClaim {
  writes?: MethodName[];
  reads?: MethodName[];
  moves?: [PermitStatus, PermitStatus][];
}

const ROWS: Record<string, RowClaim | 'checked by test/api/masking.test.ts'> = {
  'office settings, postal codes': { writes: ['office.update', 'office.savePostalCodes'], reads: ['office.get', 'office.postalCodes'] },
  'users: create, change, deactivate, reset password, unlock': {
    writes: ['users.create', 'users.update', 'users.setActive', 'users.resetPassword', 'users.unlock'],
    reads: ['users.list'],
  },
  'backups: make (optionally encrypted), restore': { writes: ['office.backup', 'office.restore'], reads: ['office.backups'] },
  'audit viewer (Jejak audit) and its export': { reads: ['audit.list', 'audit.filters', 'audit.export'] },
  'members and businesses: register, change, import, export': {
    writes: ['members.register', 'members.save', 'members.update', 'businesses.add', 'businesses.update', 'members.importRun', 'members.export'],
    reads: ['members.list', 'members.get'],
  },
  'NIK, No. KK and an NPWP that is a NIK': 'checked by test/api/masking.test.ts',
  'members export with full NIKs (audited)': 'checked by test/api/masking.test.ts',
  'permits: intake, verify': { writes: ['permits.create', 'permits.updateRequirements'], moves: [['diajukan', 'diverifikasi']] },
  'permits: approve, reject, revoke': {
    moves: [
      ['diverifikasi', 'disetujui'],
      ['diverifikasi', 'ditolak'],
      ['terbit', 'dicabut'],
    ],
  },
  'permits: issue the number': { moves: [['disetujui', 'terbit']] },
  'permits: hand over (at the counter or by AJIB)': { moves: [['terbit', 'diserahkan']] },
  'permits: print the IUMK (it shows the NIK by law; every print audited)': { writes: ['permits.certificate'] },
  'reports and dashboard': { reads: ['reports.dashboard', 'reports.monthly', 'reports.export'] },
};

/** The table under "## Roles": its row names and, per role, the cell's text. */
function roleTable(): { row: string; cells: Record<Role, string> }[] {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Roles'));
  const all = section.split('\n');
  const start = all.findIndex((l) => l.startsWith('|'));
  const end = all.findIndex((l, i) => i > start && !l.startsWith('|'));
  const lines = all.slice(start, end);
  const header = lines[0]
    .split('|')
    .slice(2, -1)
    .map((c) => c.trim());
  expect(header).toEqual([...ROLES]);
  return lines.slice(2).map((line) => {
    const [row, ...cells] = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    return { row, cells: Object.fromEntries(ROLES.map((r, i) => [r, cells[i]])) as Record<Role, string> };
  });
}

const mayMove = ([from, to]: [PermitStatus, PermitStatus], role: Role) =>
  permitTransitions.some((t) => t.from === from && t.to === to && t.roles.includes(role));

/** What the code lets a role do in a row: all, only reading, only some reads, nothing. */
function access(claim: RowClaim, role: Role): 'all' | 'reads' | 'none' | 'some' {
  const may = (name: MethodName) => mayCall(methods[name], role);
  const writes = [...(claim.writes ?? []).map(may), ...(claim.moves ?? []).map((m) => mayMove(m, role))];
  const reads = (claim.reads ?? []).map(may);
  const all = [...writes, ...reads];
  if (all.every(Boolean)) return 'all';
  if (!all.some(Boolean)) return 'none';
  return writes.some(Boolean) ? 'some' : reads.every(Boolean) ? 'reads' : 'some';
}

/** A cell's words as a claim: ✓ for everything, blank for nothing, a few words for reading only. */
function claimOf(cell: string): 'all' | 'reads' | 'none' {
  if (cell === '✓') return 'all';
  if (cell === '') return 'none';
  expect(['read-only', 'see the list', 'look up only']).toContain(cell);
  return 'reads';
}

describe('the README role table', () => {
  const table = roleTable();

  it('names only rows whose claims are checked', () => {
    expect(table.map((r) => r.row).filter((row) => !(row in ROWS))).toEqual([]);
    expect(Object.keys(ROWS).filter((row) => !table.some((r) => r.row === row))).toEqual([]);
  });

  it('says for each role exactly what the registry and the permit workflow allow', () => {
    const wrong: string[] = [];
    for (const { row, cells } of table) {
      const claim = ROWS[row];
      if (typeof claim === 'string') continue;
      for (const role of ROLES) {
        const said = claimOf(cells[role]);
        const actual = access(claim, role);
        if (said !== actual) wrong.push(`${row} / ${role}: README says ${said}, code allows ${actual}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
