/**
 * A workflow as one table of allowed status changes, with the roles allowed to make each and
 * what each move needs. The permit, e-order and financing workflows are three such tables; the
 * checks, the buttons a screen shows and the messages a refused move gets come from here, so
 * the three cannot drift apart.
 */
import type { Role } from './db/schema';
import type { Phrase } from '../../src-shared/i18n';

export const roleLabels: Readonly<Record<Role, Phrase>> = {
  petugas: { id: 'Petugas', en: 'Staff' },
  loket: { id: 'Petugas loket', en: 'Counter clerk' },
  supervisor: { id: 'Supervisor', en: 'Supervisor' },
  admin: { id: 'Admin', en: 'Admin' },
};

const allRoles = Object.keys(roleLabels) as Role[];

export interface Transition<S extends string, Need extends string> {
  readonly from: S;
  readonly to: S;
  readonly roles: readonly Role[];
  /** What the move needs from the caller, always. */
  readonly requires: readonly Need[];
}

export type MoveCheck = { ok: true } | { ok: false; code: 'forbidden' | 'conflict' | 'bad_input'; message: Phrase };

export interface WorkflowSpec<S extends string, Need extends string, T extends Transition<S, Need>, Input> {
  /** The record in a sentence, lower case: "izin" / "permit", "pesanan" / "order". */
  noun: Phrase;
  statuses: readonly S[];
  labels: Readonly<Record<S, Phrase>>;
  transitions: readonly T[];
  /** The message for a missing need, or null when the input provides it. */
  missing(need: Need, input: Input, move: { fromLabel: Phrase; toLabel: Phrase; transition: T }): Phrase | null;
}

export interface Workflow<S extends string, Need extends string, T extends Transition<S, Need>, Input> {
  statuses: readonly S[];
  labels: Readonly<Record<S, Phrase>>;
  transitions: readonly T[];
  /** Statuses from which no move exists. */
  finals: readonly S[];
  isStatus: (value: unknown) => value is S;
  find: (from: S, to: S) => T | undefined;
  /** The moves a role may make from a status (the buttons of a screen). */
  allowed: (from: S, role: Role) => T[];
  /**
   * Checks one move. Order of checks: the move must exist (conflict), the role must be allowed
   * (forbidden), then the input must be complete (bad_input), so nobody is asked for a reason
   * for a move they may not make anyway.
   */
  check: (from: S, to: S, role: Role, input: Input) => MoveCheck;
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
        const value: string = isStatus(from) ? to : from;
        return { ok: false, code: 'bad_input', message: { id: `Status ${noun.id} tidak dikenal: ${value}.`, en: `Unknown ${noun.en} status: ${value}.` } };
      }
      const fromLabel = labels[from];
      const toLabel = labels[to];
      if (from === to) {
        return {
          ok: false,
          code: 'conflict',
          message: { id: `${capitalise(noun.id)} sudah berstatus ${fromLabel.id}.`, en: `The ${noun.en} is already ${fromLabel.en}.` },
        };
      }
      const transition = find(from, to);
      if (!transition) {
        const message = finals.includes(from)
          ? {
              id: `${capitalise(noun.id)} berstatus ${fromLabel.id} sudah final dan tidak dapat diubah menjadi ${toLabel.id}.`,
              en: `The ${noun.en} is ${fromLabel.en}, which is final; it cannot become ${toLabel.en}.`,
            }
          : {
              id: `Status ${noun.id} tidak dapat diubah dari ${fromLabel.id} menjadi ${toLabel.id}.`,
              en: `The ${noun.en} status cannot change from ${fromLabel.en} to ${toLabel.en}.`,
            };
        return { ok: false, code: 'conflict', message };
      }
      if (!allRoles.includes(role) || !transition.roles.includes(role)) {
        const allowedBy = (l: 'id' | 'en') => transition.roles.map((r) => roleLabels[r][l]).join(', ');
        const roleName = (l: 'id' | 'en'): string => (allRoles.includes(role) ? roleLabels[role][l] : role);
        return {
          ok: false,
          code: 'forbidden',
          message: {
            id: `Peran ${roleName('id')} tidak berwenang mengubah status ${noun.id} dari ${fromLabel.id} menjadi ${toLabel.id}. Yang berwenang: ${allowedBy('id')}.`,
            en: `The ${roleName('en')} role may not change the ${noun.en} status from ${fromLabel.en} to ${toLabel.en}. Allowed: ${allowedBy('en')}.`,
          },
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
