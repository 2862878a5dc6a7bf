import type { Bool01 } from '../../core/db/schema';
import type { OrderStatus } from './rules/transitions';

export type BuyerKind = 'skpd' | 'bumd' | 'swasta' | 'lainnya';
export type CurationStatus = 'diajukan' | 'lolos' | 'tidak_lolos';
/** Where an order stands as a whole: 'baru' until every item is assigned, then the least advanced assignment. */
export type OrderStage = 'baru' | OrderStatus;

export interface OrderBuyersTable {
  id: string;
  name: string;
  name_key: string;
  kind: BuyerKind;
  /** JSON array of the buyer's units (bidang, seksi, cabang) orders can name. */
  units: string;
  address: string;
  kelurahan_kode: string | null;
  phone: string | null;
  email: string | null;
  npwp: string | null;
  ppk_name: string | null;
  ppk_nip: string | null;
  ppk_phone: string | null;
  procurement_name: string | null;
  procurement_phone: string | null;
  treasurer_name: string | null;
  treasurer_phone: string | null;
  active: Bool01;
  created_at: string;
  updated_at: string;
}

export interface OrderProductsTable {
  id: string;
  business_id: string;
  member_id: string;
  /** Copied from the business: proposals rank by nearness without a join. */
  kelurahan_kode: string;
  name: string;
  kbli_kode: string;
  /** Short kind of product an order item can ask for, lower case ("nasi kotak", "kue basah"). */
  kind: string;
  unit: string;
  unit_price: number;
  daily_capacity: number;
  halal_cert_no: string | null;
  /** A small image as a data: URL, or null. */
  photo: string | null;
  curation_status: CurationStatus;
  curation_reason: string | null;
  crit_rasa: Bool01;
  crit_kemasan: Bool01;
  crit_higienitas: Bool01;
  crit_halal: Bool01;
  crit_foto: Bool01;
  curated_by: string | null;
  curated_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrdersTable {
  id: string;
  order_no: string;
  buyer_id: string;
  buyer_unit: string | null;
  buyer_order_no: string | null;
  budget_ref: string | null;
  order_date: string;
  delivery_date: string;
  delivery_time: string | null;
  delivery_address: string;
  delivery_kelurahan_kode: string | null;
  notes: string | null;
  /** 'baru' can be amended; 'dikonfirmasi' is fixed; 'dibatalkan' ends it. */
  status: 'baru' | 'dikonfirmasi' | 'dibatalkan';
  stage: OrderStage;
  cancel_reason: string | null;
  item_count: number;
  total_amount: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrderItemsTable {
  id: string;
  order_id: string;
  line_no: number;
  description: string;
  kbli_kode: string | null;
  kind: string | null;
  quantity: number;
  unit: string;
  unit_price: number;
  amount: number;
}

export interface OrderAssignmentsTable {
  id: string;
  assignment_no: string;
  order_id: string;
  item_id: string;
  business_id: string;
  member_id: string;
  product_id: string;
  quantity: number;
  unit_price: number;
  amount: number;
  ppn_rate_bp: number;
  status: OrderStatus;
  /** Copied from the order so due lists and capacity read one table. */
  delivery_date: string;
  assigned_on: string;
  override_reason: string | null;
  delivered_on: string | null;
  paid_amount: number | null;
  paid_on: string | null;
  payment_note: string | null;
  assigned_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrderEventsTable {
  id: string;
  assignment_id: string;
  from_status: OrderStatus | null;
  to_status: OrderStatus;
  at: string;
  user_id: string | null;
  reason: string | null;
}

/** The first print of an assignment's document; a reprint repeats `content` with a copy mark. */
export interface OrderDocumentPrintsTable {
  assignment_id: string;
  kind: 'po' | 'bast' | 'invoice';
  document_date: string;
  /** JSON of everything the document printed (AssignmentDocumentData). */
  content: string;
  copies: number;
  first_printed_at: string;
  first_printed_by: string | null;
  last_printed_at: string;
}

export interface OrderTables {
  order_buyers: OrderBuyersTable;
  order_products: OrderProductsTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  order_assignments: OrderAssignmentsTable;
  order_events: OrderEventsTable;
  order_document_prints: OrderDocumentPrintsTable;
}
