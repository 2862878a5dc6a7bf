/** A closed month: the signed summary package as reported upward (append-only). */
export interface MonthClosingsTable {
  /** 'YYYY-MM' */
  month: string;
  closed_at: string;
  closed_by: string;
  format_version: number;
  key_id: string;
  /** The package's JSON text exactly as signed (see closing/package.ts). */
  package: string;
  /** base64url Ed25519 signature over the package (see closing/package.ts). */
  signature: string;
}

export interface ReportTables {
  month_closings: MonthClosingsTable;
}
