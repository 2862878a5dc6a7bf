import { defineWorkflow, isBlank, type MoveCheck, type Transition } from '../../../core/workflow';
import type { Role } from '../../../core/db/schema';
import type { Phrase } from '../../../../src-shared/i18n';

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

export const orderStatuses = ['dipesan', 'dikonfirmasi', 'diproduksi', 'dikirim', 'diterima', 'dibayar', 'selesai', 'ditolak', 'dibatalkan'] as const;

export type OrderStatus = (typeof orderStatuses)[number];

export const orderStatusLabels: Readonly<Record<OrderStatus, Phrase>> = {
  dipesan: { id: 'Dipesan', en: 'Ordered' },
  dikonfirmasi: { id: 'Dikonfirmasi', en: 'Confirmed' },
  diproduksi: { id: 'Diproduksi', en: 'In production' },
  dikirim: { id: 'Dikirim', en: 'Sent' },
  diterima: { id: 'Diterima', en: 'Received' },
  dibayar: { id: 'Dibayar', en: 'Paid' },
  selesai: { id: 'Selesai', en: 'Closed' },
  ditolak: { id: 'Ditolak', en: 'Declined' },
  dibatalkan: { id: 'Dibatalkan', en: 'Cancelled' },
};

/** Same role names as the permit workflow. */
export type OrderRole = Role;

/**
 * reason: free text. bastSigned: the recorder confirms the BAST (berita acara serah terima) was
 * signed by the buyer; "diterima" means exactly that, so it cannot be recorded without it.
 */
export type OrderRequirement = 'reason' | 'bastSigned';

export type OrderTransition = Transition<OrderStatus, OrderRequirement>;

const STAFF: readonly OrderRole[] = ['petugas', 'supervisor', 'admin'];

const transitions: OrderTransition[] = [
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
];

export interface OrderTransitionInput {
  reason?: string | null;
  bastSigned?: boolean | null;
}

export type OrderTransitionCheck = MoveCheck;

const workflow = defineWorkflow<OrderStatus, OrderRequirement, OrderTransition, OrderTransitionInput>({
  noun: { id: 'pesanan', en: 'order' },
  statuses: orderStatuses,
  labels: orderStatusLabels,
  transitions,
  missing(need, input, { fromLabel, toLabel }) {
    if (need === 'reason') {
      return isBlank(input.reason)
        ? {
            id: `Alasan wajib diisi untuk mengubah status pesanan dari ${fromLabel.id} menjadi ${toLabel.id}.`,
            en: `A reason is required to change the order's status from ${fromLabel.en} to ${toLabel.en}.`,
          }
        : null;
    }
    return input.bastSigned === true
      ? null
      : {
          id: `BAST (berita acara serah terima) harus sudah ditandatangani sebelum pesanan berstatus ${toLabel.id}.`,
          en: `The BAST (handover record) must be signed by the buyer before the order is ${toLabel.en}.`,
        };
  },
});

export const orderTransitions: readonly OrderTransition[] = workflow.transitions;
export const finalOrderStatuses: readonly OrderStatus[] = workflow.finals;
export const isOrderStatus = workflow.isStatus;
export const findOrderTransition = workflow.find;

/** The moves a role may record from a status (for the buttons of an order screen). */
export const allowedOrderTransitions = workflow.allowed;

/** Checks one move: conflict, then forbidden, then bad_input (see `Workflow.check`). */
export function checkOrderTransition(from: OrderStatus, to: OrderStatus, role: OrderRole, input: OrderTransitionInput = {}): OrderTransitionCheck {
  return workflow.check(from, to, role, input);
}
