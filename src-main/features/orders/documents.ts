import { z } from 'zod';
import { conflict, notFound, signedInUser } from '../../core/api/errors';
import { defineMethod, type CallContext, type Role } from '../../core/api/registry';
import { id, label } from '../../core/api/validation';
import { loadOffice } from '../../core/office';
import type { AssignmentDocumentData, DocumentKind } from './pdf';
import { renderAssignmentDocumentTask } from './tasks';
import { orderStatusLabels } from './rules/transitions';
import { INACTIVE_STATUSES } from './service';

const STAFF: readonly Role[] = ['admin', 'supervisor', 'petugas'];

const FILE_PREFIX: Record<DocumentKind, string> = { po: 'surat-pesanan', bast: 'bast', invoice: 'kwitansi' };
const NOT_BEFORE_SHIPPING = ['dipesan', 'dikonfirmasi', 'diproduksi'];

type Assignment = NonNullable<Awaited<ReturnType<typeof loadAssignment>>>;

async function loadAssignment(ctx: CallContext, assignmentId: string) {
  const a = await ctx.db.selectFrom('order_assignments').selectAll().where('id', '=', assignmentId).executeTakeFirst();
  if (!a) throw notFound({ id: 'Penugasan', en: 'Assignment' });
  return a;
}

/**
 * The date each document is dated by: the event it records, never the day it is printed.
 * null while the event is not recorded yet (the form then leaves the date to be written in).
 */
export function documentDateOf(kind: DocumentKind, a: Pick<Assignment, 'assigned_on' | 'delivered_on' | 'paid_on'>): string | null {
  if (kind === 'po') return a.assigned_on;
  if (kind === 'bast') return a.delivered_on;
  return a.paid_on;
}

/** Everything the document prints, read in one go from the assignment, order, buyer and business. */
async function gatherDocument(ctx: CallContext, kind: DocumentKind, a: Assignment): Promise<AssignmentDocumentData> {
  const order = await ctx.db.selectFrom('orders').selectAll().where('id', '=', a.order_id).executeTakeFirstOrThrow();
  const item = await ctx.db.selectFrom('order_items').selectAll().where('id', '=', a.item_id).executeTakeFirstOrThrow();
  const buyer = await ctx.db.selectFrom('order_buyers').selectAll().where('id', '=', order.buyer_id).executeTakeFirstOrThrow();
  const business = await ctx.db
    .selectFrom('businesses as b')
    .innerJoin('members as m', 'm.id', 'b.member_id')
    .leftJoin('regions as r', 'r.kode', 'b.kelurahan_kode')
    .select(['b.name', 'b.address_street', 'b.phone', 'b.npwp', 'b.nib', 'm.full_name', 'r.nama as kelurahanNama'])
    .where('b.id', '=', a.business_id)
    .executeTakeFirstOrThrow();
  const office = await loadOffice(ctx);
  return {
    assignmentNo: a.assignment_no,
    orderNo: order.order_no,
    buyerOrderNo: order.buyer_order_no,
    budgetRef: order.budget_ref,
    orderDate: order.order_date,
    deliveryDate: a.delivery_date,
    deliveryTime: order.delivery_time,
    deliveryAddress: order.delivery_address,
    notes: order.notes,
    documentDate: documentDateOf(kind, a),
    handedOverOn: a.delivered_on,
    ppnRateBp: a.ppn_rate_bp,
    line: { description: item.description, quantity: a.quantity, unit: item.unit, unitPrice: a.unit_price },
    buyer: {
      name: buyer.name,
      unit: order.buyer_unit,
      address: buyer.address,
      ppkName: buyer.ppk_name,
      ppkNip: buyer.ppk_nip,
      treasurerName: buyer.treasurer_name,
    },
    business: {
      name: business.name,
      ownerName: business.full_name,
      address: business.address_street,
      kelurahanNama: business.kelurahanNama,
      phone: business.phone,
      npwp: business.npwp,
      nib: business.nib,
    },
    office: {
      letterheadLines: office.letterheadLines,
      address: office.address,
      kecamatanNama: office.kecamatanNama,
      kotaNama: office.kotaNama,
      officerName: signedInUser(ctx).fullName,
    },
  };
}

/**
 * The document to print and whether it is a copy. Its first print, once the event it records
 * is known, is stored as printed; every later print repeats that content, marked SALINAN.
 * Before the event (a BAST before the hand-over is recorded, a kwitansi before the payment) the
 * document prints as a form with its date left blank, and nothing is stored.
 */
export async function documentForPrint(ctx: CallContext, assignmentId: string, kind: DocumentKind) {
  const a = await loadAssignment(ctx, assignmentId);
  if (INACTIVE_STATUSES.includes(a.status)) {
    const status = orderStatusLabels[a.status];
    throw conflict({
      id: `Penugasan ${a.assignment_no} berstatus ${status.id}; dokumen tidak dibuat.`,
      en: `Assignment ${a.assignment_no} is ${status.en}; no document is made.`,
    });
  }
  if (kind !== 'po' && NOT_BEFORE_SHIPPING.includes(a.status)) {
    const status = orderStatusLabels[a.status];
    throw conflict({
      id: `${kind === 'bast' ? 'BAST' : 'Kwitansi'} dibuat setelah barang dikirim (status sekarang ${status.id}).`,
      en: `The ${kind === 'bast' ? 'BAST' : 'receipt'} is made after the goods are sent (status now ${status.en}).`,
    });
  }
  const now = ctx.app.clock.nowIso();
  const printed = await ctx.db.selectFrom('order_document_prints').selectAll().where('assignment_id', '=', a.id).where('kind', '=', kind).executeTakeFirst();
  if (printed) {
    await ctx.db
      .updateTable('order_document_prints')
      .set({ copies: printed.copies + 1, last_printed_at: now })
      .where('assignment_id', '=', a.id)
      .where('kind', '=', kind)
      .execute();
    await ctx.audit({ entity: 'order_document_prints', entityId: a.id, after: { kind, copy: printed.copies + 1, documentDate: printed.document_date } });
    return { data: JSON.parse(printed.content) as AssignmentDocumentData, copy: true, assignmentNo: a.assignment_no };
  }
  const data = await gatherDocument(ctx, kind, a);
  if (data.documentDate) {
    await ctx.db
      .insertInto('order_document_prints')
      .values({
        assignment_id: a.id,
        kind,
        document_date: data.documentDate,
        content: JSON.stringify(data),
        copies: 1,
        first_printed_at: now,
        first_printed_by: ctx.user?.id ?? null,
        last_printed_at: now,
      })
      .execute();
  }
  await ctx.audit({
    entity: 'order_document_prints',
    entityId: a.id,
    after: { kind, copy: 0, documentDate: data.documentDate, form: data.documentDate === null },
  });
  return { data, copy: false, assignmentNo: a.assignment_no };
}

export const documentMethods = {
  'orders.document': defineMethod({
    summary: 'Dokumen PDF satu penugasan: surat pesanan, BAST, atau kwitansi dengan terbilang, bertanggal peristiwanya; cetak ulang bertanda SALINAN',
    access: STAFF,
    // Prints are recorded: the first one is the original, the others are copies of it.
    mutation: true,
    input: z.strictObject({
      assignmentId: id({ id: 'Penugasan', en: 'Assignment' }),
      kind: label(z.enum(['po', 'bast', 'invoice']), { id: 'Jenis dokumen', en: 'Document type' }),
    }),
    handler: (ctx, input) => documentForPrint(ctx, input.assignmentId, input.kind),
    // Drawn after the commit that records the print, in the worker pool.
    render: async (ctx, { data, copy, assignmentNo }, input) => {
      const base64 = await ctx.work(renderAssignmentDocumentTask, { kind: input.kind, data, copy });
      return {
        fileName: `${FILE_PREFIX[input.kind]}-${assignmentNo}.pdf`,
        mimeType: 'application/pdf' as const,
        base64,
        copy,
        documentDate: data.documentDate,
      };
    },
  }),
};
