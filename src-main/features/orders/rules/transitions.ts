/**
 * The e-order fulfilment workflow at the district office, as one table of allowed status changes.
 *
 * dipesan → dikonfirmasi → diproduksi → dikirim → diterima → dibayar → selesai
 * plus ditolak (the business declines the order, only while dipesan) and dibatalkan (cancelled
 * before goods leave: from dipesan, dikonfirmasi or diproduksi; a reason is required).
 *
 * The business, the buyer's PPK and the treasurer act outside the app; office staff record what
 * happened. Roles: petugas (who match and follow up orders), supervisor and admin may record
 * moves; petugas loket works the permit counter and records none.
 *
 * Once goods are sent the order can no longer be cancelled here: a dispute after delivery is
 * settled with the buyer, not by erasing the delivery from the record.
 */

export const orderStatuses = [
  'dipesan',
  'dikonfirmasi',
  'diproduksi',
  'dikirim',
  'diterima',
  'dibayar',
  'selesai',
  'ditolak',
  'dibatalkan',
] as const;

export type OrderStatus = (typeof orderStatuses)[number];

export const orderStatusLabels: Readonly<Record<OrderStatus, string>> = {
  dipesan: 'Dipesan',
  dikonfirmasi: 'Dikonfirmasi',
  diproduksi: 'Diproduksi',
  dikirim: 'Dikirim',
  diterima: 'Diterima',
  dibayar: 'Dibayar',
  selesai: 'Selesai',
  ditolak: 'Ditolak',
  dibatalkan: 'Dibatalkan',
};

/** Same role names as the permit workflow (permits/rules/transitions.ts). */
export type OrderRole = 'petugas' | 'loket' | 'supervisor' | 'admin';

const orderRoles: readonly OrderRole[] = ['petugas', 'loket', 'supervisor', 'admin'];

const roleLabels: Record<OrderRole, string> = {
  petugas: 'Petugas',
  loket: 'Petugas loket',
  supervisor: 'Supervisor',
  admin: 'Admin',
};

/**
 * reason: free text. bastSigned: the recorder confirms the BAST (berita acara serah terima) was
 * signed by the buyer; "diterima" means exactly that, so it cannot be recorded without it.
 */
export type OrderRequirement = 'reason' | 'bastSigned';

export interface OrderTransition {
  readonly from: OrderStatus;
  readonly to: OrderStatus;
  readonly roles: readonly OrderRole[];
  readonly requires: readonly OrderRequirement[];
}

const STAFF: readonly OrderRole[] = ['petugas', 'supervisor', 'admin'];

export const orderTransitions: readonly OrderTransition[] = Object.freeze([
  { from: 'dipesan', to: 'dikonfirmasi', roles: STAFF, requires: [] },
  { from: 'dikonfirmasi', to: 'diproduksi', roles: STAFF, requires: [] },
  { from: 'diproduksi', to: 'dikirim', roles: STAFF, requires: [] },
  { from: 'dikirim', to: 'diterima', roles: STAFF, requires: ['bastSigned'] },
  { from: 'diterima', to: 'dibayar', roles: STAFF, requires: [] },
  { from: 'dibayar', to: 'selesai', roles: STAFF, requires: [] },
  { from: 'dipesan', to: 'ditolak', roles: STAFF, requires: [] },
  { from: 'dipesan', to: 'dibatalkan', roles: STAFF, requires: ['reason'] },
  { from: 'dikonfirmasi', to: 'dibatalkan', roles: STAFF, requires: ['reason'] },
  { from: 'diproduksi', to: 'dibatalkan', roles: STAFF, requires: ['reason'] },
] satisfies OrderTransition[]);

export interface OrderTransitionInput {
  reason?: string | null;
  bastSigned?: boolean | null;
}

export type OrderTransitionCheck =
  | { ok: true }
  | { ok: false; code: 'forbidden' | 'conflict' | 'bad_input'; message: string };

export const finalOrderStatuses: readonly OrderStatus[] = orderStatuses.filter(
  (s) => !orderTransitions.some((t) => t.from === s),
);

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (orderStatuses as readonly string[]).includes(value);
}

export function findOrderTransition(from: OrderStatus, to: OrderStatus): OrderTransition | undefined {
  return orderTransitions.find((t) => t.from === from && t.to === to);
}

/** The moves a role may record from a status (for the buttons of an order screen). */
export function allowedOrderTransitions(from: OrderStatus, role: OrderRole): OrderTransition[] {
  return orderTransitions.filter((t) => t.from === from && t.roles.includes(role));
}

/** Same order of checks as the permit workflow: conflict, then forbidden, then bad_input. */
export function checkOrderTransition(
  from: OrderStatus,
  to: OrderStatus,
  role: OrderRole,
  input: OrderTransitionInput = {},
): OrderTransitionCheck {
  if (!isOrderStatus(from) || !isOrderStatus(to)) {
    return { ok: false, code: 'bad_input', message: `Status pesanan tidak dikenal: ${!isOrderStatus(from) ? from : to}.` };
  }
  const fromLabel = orderStatusLabels[from];
  const toLabel = orderStatusLabels[to];
  if (from === to) {
    return { ok: false, code: 'conflict', message: `Pesanan sudah berstatus ${fromLabel}.` };
  }
  const transition = findOrderTransition(from, to);
  if (!transition) {
    const message = finalOrderStatuses.includes(from)
      ? `Pesanan berstatus ${fromLabel} sudah final dan tidak dapat diubah menjadi ${toLabel}.`
      : `Status pesanan tidak dapat diubah dari ${fromLabel} menjadi ${toLabel}.`;
    return { ok: false, code: 'conflict', message };
  }
  if (!orderRoles.includes(role) || !transition.roles.includes(role)) {
    const roleLabel = roleLabels[role] ?? String(role);
    const allowed = transition.roles.map((r) => roleLabels[r]).join(', ');
    return {
      ok: false,
      code: 'forbidden',
      message: `Peran ${roleLabel} tidak berwenang mengubah status pesanan dari ${fromLabel} menjadi ${toLabel}. Yang berwenang: ${allowed}.`,
    };
  }
  for (const requirement of transition.requires) {
    if (requirement === 'reason') {
      const reason = input.reason;
      if (reason === undefined || reason === null || reason.trim() === '') {
        return {
          ok: false,
          code: 'bad_input',
          message: `Alasan wajib diisi untuk mengubah status pesanan dari ${fromLabel} menjadi ${toLabel}.`,
        };
      }
    } else if (input.bastSigned !== true) {
      return {
        ok: false,
        code: 'bad_input',
        message: `BAST (berita acara serah terima) harus sudah ditandatangani sebelum pesanan berstatus ${toLabel}.`,
      };
    }
  }
  return { ok: true };
}
