// The monthly summary as data: sections of headline figures and tables. The screen, the PDF,
// the XLSX and the CSV all render this one structure, so a figure is the same number in each.

export type ValueType = 'text' | 'int' | 'rupiah' | 'percent';

export interface ReportColumn {
  key: string;
  label: string;
  type: ValueType;
  /** When set, each row names its own cell type under this key (a table of mixed figures). */
  typeKey?: string;
}

/** null: a share of nothing (no permit decided, no delivery) - printed "–", never "0,0%". */
export type ReportValue = string | number | null;

export type ReportRow = Record<string, ReportValue>;

export interface ReportTable {
  id: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** Draw this table as a bar chart too (first column = labels, `chartKey` = values). */
  chartKey?: string;
  /** Whether the last row is the table's total (set for the screens, see words.ts `summaryIn`). */
  totalRow?: boolean;
}

export interface ReportFigure {
  id: string;
  label: string;
  /** Percentages are exact ratios (0.875 is 87,5%); null when there is nothing to divide. */
  value: number | null;
  type: ValueType;
}

export interface ReportSection {
  id: string;
  title: string;
  /** A whole short name (at most 31 characters, a spreadsheet's limit) for the XLSX sheet. */
  shortTitle?: string;
  figures: ReportFigure[];
  tables: ReportTable[];
}

export interface ReportScope {
  /** 'YYYY-MM' */
  month: string;
  /** First and last calendar day of the month, 'YYYY-MM-DD' (WIB). */
  from: string;
  to: string;
  /** The month as an instant range [fromIso, toIso) in UTC, for timestamp columns. */
  fromIso: string;
  toIso: string;
  /**
   * The last day counted: the month's end, or today while the month is running. A payment
   * dated after today has not happened and does not count.
   */
  asOf: string;
  kecamatanKode: string;
  /** null: the whole kecamatan. */
  kelurahan: string | null;
  /** The kelurahan in scope (one, or all of the kecamatan), for breakdowns with zero rows. */
  kelurahanList: { kode: string; nama: string }[];
  yearlyTarget: number;
}

/**
 * Where a month stands: closed (reported upward, its figures frozen), provisional (the running
 * month: figures still move), or open (ended but not closed yet).
 */
export type MonthState = 'closed' | 'provisional' | 'open';

export interface MonthStatus {
  state: MonthState;
  /** When and by whom a closed month was closed. */
  closedAt: string | null;
  closedBy: string | null;
}

export interface MonthlySummary {
  month: string;
  monthLabel: string;
  scopeLabel: string;
  kelurahan: string | null;
  generatedAt: string;
  status: MonthStatus;
  sections: ReportSection[];
}

/**
 * A share as its exact ratio (rounding is the printer's business); null when there is nothing
 * to divide, so that an office with no permit decided does not report "0,0% on time".
 */
export const percent = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The type of one cell: the column's, or the row's own for a table of mixed figures. */
export const cellType = (column: ReportColumn, row: ReportRow): ValueType => {
  if (!column.typeKey) return column.type;
  const t = row[column.typeKey];
  return t === 'int' || t === 'rupiah' || t === 'percent' || t === 'text' ? t : column.type;
};
