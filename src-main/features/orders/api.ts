// The e-order methods, one file per sub-resource: buyers and the product catalogue, orders,
// assignments to member businesses, their documents, and the undo of a move.
import { catalogueMethods } from './catalogue-api';
import { orderRecordMethods } from './orders-api';
import { assignmentMethods } from './assignments-api';
import { documentMethods } from './documents';
import { undoMethods } from './undo';

export const orderMethods = {
  ...catalogueMethods,
  ...orderRecordMethods,
  ...assignmentMethods,
  ...documentMethods,
  ...undoMethods,
};
