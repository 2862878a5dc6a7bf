// The e-order documents (purchase order, BAST, kwitansi), drawn in the worker pool.
import { defineTask } from '../../core/work/task';
import type { AssignmentDocumentData, DocumentKind } from './pdf';

export const renderAssignmentDocumentTask = defineTask('orders.renderDocument', async () => {
  const { renderAssignmentDocument } = await import('./pdf');
  return async (input: { kind: DocumentKind; data: AssignmentDocumentData; copy: boolean }) =>
    (await renderAssignmentDocument(input.kind, input.data, { copy: input.copy })).toString('base64');
});
