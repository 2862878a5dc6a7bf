/**
 * A workflow as one table of allowed status changes, with the roles allowed to make each and
 * what each move needs. The permit, e-order and financing workflows are three such tables; the
 * checks, the buttons a screen shows and the messages a refused move gets come from here, so
 * the three cannot drift apart.
 */
import type { Role } from './db/schema';

export const roleLabels: Readonly<Record<Role, string>> = {
  petugas: 'Petugas',
  loket: 'Petugas loket',
  supervisor: 'Supervisor',
  admin: 'Admin',
};

const allRoles = Object.keys(roleLabels) as Role[];

export interface Transition<S extends string, Need extends string> {
  readonly from: S;
  readonly to: S;
  readonly roles: readonly Role[];
  /** What the move needs from the caller, always. */
  readonly requires: readonly Need[];
}

export type MoveCheck = { ok: true } | { ok: false; code: 'forbidden' | 'conflict' | 'bad_input'; message: string };

export interface WorkflowSpec<S extends string, Need extends string, T extends Transition<S, Need>, Input> {
  /** The record in a sentence: "izin", "pesanan", "rujukan pembiayaan". */
  noun: string;
  statuses: readonly S[];
  labels: Readonly<Record<S, string>>;
  transitions: readonly T[];
  /** The message for a missing need, or null when the input provides it. */
  missing(need: Need, input: Input, move: { fromLabel: string; toLabel: string; transition: T }): string | null;
}

export interface Workflow<S extends string, Need extends string, T extends Transition<S, Need>, Input> {
  statuses: readonly S[];
  labels: Readonly<Record<S, string>>;
  transitions: readonly T[];
  /** Statuses from which no move exists. */
  finals: readonly S[];
  isStatus(value: unknown): value is S;
  find(from: S, to: S): T | undefined;
  /** The moves a role may make from a status (the buttons of a screen). */
  allowed(from: S, role: Role): T[];
  /**
   * Checks one move. Order of checks: the move must exist (conflict), the role must be allowed
   * (forbidden), then the input must be complete (bad_input), so nobody is asked for a reason
   * for a move they may not make anyway.
   */
  check(from: S, to: S, role: Role, input: Input): MoveCheck;
}

export function defineWorkflow<S extends string, Need extends string, T extends Transition<S, Need>, Input>(
  spec: WorkflowSpec<S, Need, T, Input>,
): Workflow<S, Need, T, Input> {
  const { noun, statuses, labels } = spec;
  const transitions = Object.freeze([...spec.transitions]);
  const finals = statuses.filter((s) => !transitions.some((t) => t.from === s));
  const isStatus = (value: unknown): value is S => typeof value === 'string' && (statuses as readonly string[]).includes(value);
  const find = (from: S, to: S) => transitions.find((t) => t.from === from && t.to === to);
  return {
    statuses,
    labels,
    transitions,
    finals,
    isStatus,
    find,
    allowed: (from, role) => transitions.filter((t) => t.from === from && t.roles.includes(role)),
    check(from, to, role, input) {
      // Values can arrive from the database or IPC, so check them even though the types say so.
      if (!isStatus(from) || !isStatus(to)) {
        return { ok: false, code: 'bad_input', message: `Status ${noun} tidak dikenal: ${String(isStatus(from) ? to : from)}.` };
      }
      const fromLabel = labels[from];
      const toLabel = labels[to];
      if (from === to) return { ok: false, code: 'conflict', message: `${capitalise(noun)} sudah berstatus ${fromLabel}.` };
      const transition = find(from, to);
      if (!transition) {
        const message = finals.includes(from)
          ? `${capitalise(noun)} berstatus ${fromLabel} sudah final dan tidak dapat diubah menjadi ${toLabel}.`
          : `Status ${noun} tidak dapat diubah dari ${fromLabel} menjadi ${toLabel}.`;
        return { ok: false, code: 'conflict', message };
      }
      if (!allRoles.includes(role) || !transition.roles.includes(role)) {
        const allowedBy = transition.roles.map((r) => roleLabels[r]).join(', ');
        return {
          ok: false,
          code: 'forbidden',
          message: `Peran ${roleLabels[role] ?? String(role)} tidak berwenang mengubah status ${noun} dari ${fromLabel} menjadi ${toLabel}. Yang berwenang: ${allowedBy}.`,
        };
      }
      for (const need of transition.requires) {
        const message = spec.missing(need, input, { fromLabel, toLabel, transition });
        if (message) return { ok: false, code: 'bad_input', message };
      }
      return { ok: true };
    },
  };
}

/** True when a text input is absent or only spaces. */
export function isBlank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim() === '';
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
