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

export const permitStatuses = [
  'diajukan',
  'diverifikasi',
  'perlu_perbaikan',
  'disetujui',
  'terbit',
  'diserahkan',
  'ditolak',
  'dicabut',
] as const;

export type PermitStatus = (typeof permitStatuses)[number];

export const permitStatusLabels: Readonly<Record<PermitStatus, string>> = {
  diajukan: 'Diajukan',
  diverifikasi: 'Diverifikasi',
  perlu_perbaikan: 'Perlu perbaikan',
  disetujui: 'Disetujui',
  terbit: 'Terbit',
  diserahkan: 'Diserahkan',
  ditolak: 'Ditolak',
  dicabut: 'Dicabut',
};

export const staffRoles = ['petugas', 'loket', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffRoleLabels: Readonly<Record<StaffRole, string>> = {
  petugas: 'Petugas',
  loket: 'Petugas loket',
  supervisor: 'Supervisor',
  admin: 'Admin',
};

/** Input a transition may need: a reason (text), or the receiver's name for AJIB delivery. */
export type PermitRequirement = 'reason' | 'receiverName';

const requirementLabels: Record<PermitRequirement, string> = {
  reason: 'Alasan',
  receiverName: 'Nama penerima',
};

/** How a move affects the SLA clock; matches the event types of `evaluateSla` in workdays.ts. */
export type SlaEffect = 'paused' | 'resumed' | 'completed';

export interface PermitTransition {
  readonly from: PermitStatus;
  readonly to: PermitStatus;
  readonly roles: readonly StaffRole[];
  /** Always required. */
  readonly requires: readonly PermitRequirement[];
  /** Required only when the permit is handed over by AJIB (delivery to the applicant's home). */
  readonly requiresForAjib?: readonly PermitRequirement[];
  readonly slaEffect?: SlaEffect;
  /** The permit number is assigned by this move (from the office's numbering template). */
  readonly assignsNumber?: boolean;
}

const INTAKE: readonly StaffRole[] = ['loket', 'petugas', 'supervisor'];
const SUPERVISOR: readonly StaffRole[] = ['supervisor'];

export const permitTransitions: readonly PermitTransition[] = Object.freeze([
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
] satisfies PermitTransition[]);

export interface PermitTransitionInput {
  reason?: string | null;
  receiverName?: string | null;
  /** How the document is handed over; 'ajib' requires the receiver's name. */
  deliveryChannel?: 'loket' | 'ajib' | null;
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; code: 'forbidden' | 'conflict' | 'bad_input'; message: string };

/** Statuses from which no move exists. */
export const finalPermitStatuses: readonly PermitStatus[] = permitStatuses.filter(
  (s) => !permitTransitions.some((t) => t.from === s),
);

export function isPermitStatus(value: unknown): value is PermitStatus {
  return typeof value === 'string' && (permitStatuses as readonly string[]).includes(value);
}

/** True only for perlu_perbaikan: the file waits on the applicant, so the office's clock stops. */
export function permitStatusPausesSla(status: PermitStatus): boolean {
  return status === 'perlu_perbaikan';
}

/** Where the SLA clock stands in a status: running, paused, or stopped (decision made). */
export function permitSlaClock(status: PermitStatus): 'running' | 'paused' | 'stopped' {
  if (permitStatusPausesSla(status)) return 'paused';
  return status === 'diajukan' || status === 'diverifikasi' || status === 'disetujui' ? 'running' : 'stopped';
}

export function findPermitTransition(from: PermitStatus, to: PermitStatus): PermitTransition | undefined {
  return permitTransitions.find((t) => t.from === from && t.to === to);
}

/** The moves a role may make from a status (for the buttons of a permit screen). */
export function allowedPermitTransitions(from: PermitStatus, role: StaffRole): PermitTransition[] {
  return permitTransitions.filter((t) => t.from === from && t.roles.includes(role));
}

function isBlank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim() === '';
}

/**
 * Checks one status change. Order of checks: the move must exist (conflict), the role must be
 * allowed (forbidden), then the input must be complete (bad_input), so a clerk is never asked
 * to fill in a reason for a move they may not make anyway.
 */
export function checkTransition(
  from: PermitStatus,
  to: PermitStatus,
  role: StaffRole,
  input: PermitTransitionInput = {},
): TransitionCheck {
  // Values can arrive from the database or IPC, so check them even though the types say so.
  if (!isPermitStatus(from) || !isPermitStatus(to)) {
    return { ok: false, code: 'bad_input', message: `Status izin tidak dikenal: ${!isPermitStatus(from) ? from : to}.` };
  }
  const fromLabel = permitStatusLabels[from];
  const toLabel = permitStatusLabels[to];
  if (from === to) {
    return { ok: false, code: 'conflict', message: `Izin sudah berstatus ${fromLabel}.` };
  }
  const transition = findPermitTransition(from, to);
  if (!transition) {
    const message = finalPermitStatuses.includes(from)
      ? `Izin berstatus ${fromLabel} sudah final dan tidak dapat diubah menjadi ${toLabel}.`
      : `Status izin tidak dapat diubah dari ${fromLabel} menjadi ${toLabel}.`;
    return { ok: false, code: 'conflict', message };
  }
  if (!(staffRoles as readonly string[]).includes(role) || !transition.roles.includes(role)) {
    const roleLabel = staffRoleLabels[role] ?? String(role);
    const allowed = transition.roles.map((r) => staffRoleLabels[r]).join(', ');
    return {
      ok: false,
      code: 'forbidden',
      message: `Peran ${roleLabel} tidak berwenang mengubah status izin dari ${fromLabel} menjadi ${toLabel}. Yang berwenang: ${allowed}.`,
    };
  }
  for (const requirement of transition.requires) {
    if (isBlank(input[requirement])) {
      return {
        ok: false,
        code: 'bad_input',
        message: `${requirementLabels[requirement]} wajib diisi untuk mengubah status izin dari ${fromLabel} menjadi ${toLabel}.`,
      };
    }
  }
  if (input.deliveryChannel === 'ajib') {
    for (const requirement of transition.requiresForAjib ?? []) {
      if (isBlank(input[requirement])) {
        return {
          ok: false,
          code: 'bad_input',
          message: `${requirementLabels[requirement]} wajib diisi untuk penyerahan izin melalui AJIB (status ${toLabel}).`,
        };
      }
    }
  }
  return { ok: true };
}
