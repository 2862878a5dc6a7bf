import { defineWorkflow, isBlank, type MoveCheck, type Transition } from '../../../core/workflow';
import type { Phrase } from '../../../../src-shared/i18n';
import type { Role } from '../../../core/db/schema';

/**
 * The IUMK workflow as one table of allowed status changes, with the roles allowed to make each.
 *
 * Keeping the whole workflow in one data table means the service layer, the UI (which buttons
 * to show) and the tests all read the same source, and an audit can print it.
 *
 * Role decisions:
 * - loket (counter clerk) does intake: verification, sending files back for repair, issuing the
 *   number, handing over (also by AJIB).
 * - petugas (pendamping) bring files in for members, so they may verify and pass repair notes,
 *   but they do not issue or hand over documents.
 * - supervisor approves, refuses and revokes (these carry legal weight), and may also do the
 *   clerk's steps except handover, which the brief keeps at the counter/AJIB.
 * - admin has no permit moves at all: admins run settings and backups. Giving them workflow
 *   rights would let whoever edits the numbering template also issue numbers unchecked.
 */

export const permitStatuses = ['diajukan', 'diverifikasi', 'perlu_perbaikan', 'disetujui', 'terbit', 'diserahkan', 'ditolak', 'dicabut'] as const;

export type PermitStatus = (typeof permitStatuses)[number];

export const permitStatusLabels: Readonly<Record<PermitStatus, Phrase>> = {
  diajukan: { id: 'Diajukan', en: 'Submitted' },
  diverifikasi: { id: 'Diverifikasi', en: 'Verified' },
  perlu_perbaikan: { id: 'Perlu perbaikan', en: 'Needs completion' },
  disetujui: { id: 'Disetujui', en: 'Approved' },
  terbit: { id: 'Terbit', en: 'Issued' },
  diserahkan: { id: 'Diserahkan', en: 'Handed over' },
  ditolak: { id: 'Ditolak', en: 'Refused' },
  dicabut: { id: 'Dicabut', en: 'Revoked' },
};

export const staffRoles = ['petugas', 'loket', 'supervisor', 'admin'] as const satisfies readonly Role[];
export type StaffRole = Role;

/** Input a transition may need: a reason (text), or the receiver's name for AJIB delivery. */
export type PermitRequirement = 'reason' | 'receiverName';

const requirementLabels: Record<PermitRequirement, Phrase> = {
  reason: { id: 'Alasan', en: 'Reason' },
  receiverName: { id: 'Nama penerima', en: 'Recipient name' },
};

/** How a move affects the SLA clock; matches the event types of `evaluateSla` in workdays.ts. */
export type SlaEffect = 'paused' | 'resumed' | 'completed';

export interface PermitTransition extends Transition<PermitStatus, PermitRequirement> {
  /** Required only when the permit is handed over by AJIB (delivery to the applicant's home). */
  readonly requiresForAjib?: readonly PermitRequirement[];
  readonly slaEffect?: SlaEffect;
  /** The permit number is assigned by this move (from the office's numbering template). */
  readonly assignsNumber?: boolean;
}

const INTAKE: readonly StaffRole[] = ['loket', 'petugas', 'supervisor'];
const SUPERVISOR: readonly StaffRole[] = ['supervisor'];

const transitions: PermitTransition[] = [
  { from: 'diajukan', to: 'diverifikasi', roles: INTAKE, requires: [] },
  // The reason is the repair note the applicant has to act on.
  { from: 'diajukan', to: 'perlu_perbaikan', roles: INTAKE, requires: ['reason'], slaEffect: 'paused' },
  { from: 'diverifikasi', to: 'perlu_perbaikan', roles: INTAKE, requires: ['reason'], slaEffect: 'paused' },
  // The applicant completed the file: back in the queue, the SLA clock runs again.
  { from: 'perlu_perbaikan', to: 'diajukan', roles: INTAKE, requires: [], slaEffect: 'resumed' },
  { from: 'diverifikasi', to: 'disetujui', roles: SUPERVISOR, requires: [] },
  { from: 'diajukan', to: 'ditolak', roles: SUPERVISOR, requires: ['reason'], slaEffect: 'completed' },
  { from: 'diverifikasi', to: 'ditolak', roles: SUPERVISOR, requires: ['reason'], slaEffect: 'completed' },
  {
    from: 'disetujui',
    to: 'terbit',
    roles: ['loket', 'supervisor'],
    requires: [],
    slaEffect: 'completed',
    assignsNumber: true,
  },
  { from: 'terbit', to: 'diserahkan', roles: ['loket'], requires: [], requiresForAjib: ['receiverName'] },
  { from: 'terbit', to: 'dicabut', roles: SUPERVISOR, requires: ['reason'] },
  { from: 'diserahkan', to: 'dicabut', roles: SUPERVISOR, requires: ['reason'] },
];

export interface PermitTransitionInput {
  reason?: string | null;
  receiverName?: string | null;
  /** How the document is handed over; 'ajib' requires the receiver's name. */
  deliveryChannel?: 'loket' | 'ajib' | null;
}

export type TransitionCheck = MoveCheck;

const workflow = defineWorkflow<PermitStatus, PermitRequirement, PermitTransition, PermitTransitionInput>({
  noun: { id: 'izin', en: 'permit' },
  statuses: permitStatuses,
  labels: permitStatusLabels,
  transitions,
  missing: (need, input, { fromLabel, toLabel }) =>
    isBlank(input[need])
      ? {
          id: `${requirementLabels[need].id} wajib diisi untuk mengubah status izin dari ${fromLabel.id} menjadi ${toLabel.id}.`,
          en: `${requirementLabels[need].en} is required to change the permit's status from ${fromLabel.en} to ${toLabel.en}.`,
        }
      : null,
});

export const permitTransitions: readonly PermitTransition[] = workflow.transitions;

/** Statuses from which no move exists. */
export const finalPermitStatuses: readonly PermitStatus[] = workflow.finals;

export const isPermitStatus = workflow.isStatus;

/** True only for perlu_perbaikan: the file waits on the applicant, so the office's clock stops. */
export function permitStatusPausesSla(status: PermitStatus): boolean {
  return status === 'perlu_perbaikan';
}

/** Where the SLA clock stands in a status: running, paused, or stopped (decision made). */
export function permitSlaClock(status: PermitStatus): 'running' | 'paused' | 'stopped' {
  if (permitStatusPausesSla(status)) return 'paused';
  return status === 'diajukan' || status === 'diverifikasi' || status === 'disetujui' ? 'running' : 'stopped';
}

export const findPermitTransition = workflow.find;

/** The moves a role may make from a status (for the buttons of a permit screen). */
export const allowedPermitTransitions = workflow.allowed;

/**
 * Checks one status change (see `Workflow.check` for the order of checks). Handing over by AJIB
 * also needs what `requiresForAjib` names.
 */
export function checkTransition(from: PermitStatus, to: PermitStatus, role: StaffRole, input: PermitTransitionInput = {}): TransitionCheck {
  const check = workflow.check(from, to, role, input);
  if (!check.ok || input.deliveryChannel !== 'ajib') return check;
  for (const requirement of workflow.find(from, to)?.requiresForAjib ?? []) {
    if (isBlank(input[requirement])) {
      return {
        ok: false,
        code: 'bad_input',
        message: {
          id: `${requirementLabels[requirement].id} wajib diisi untuk penyerahan izin melalui AJIB (status ${permitStatusLabels[to].id}).`,
          en: `${requirementLabels[requirement].en} is required to hand the permit over by AJIB (status ${permitStatusLabels[to].en}).`,
        },
      };
    }
  }
  return check;
}
