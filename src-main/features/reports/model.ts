// The monthly summary as data: sections of headline figures and tables. The screen, the PDF,
// the XLSX and the CSV all render this one structure, so a figure is the same number in each.

export type ValueType = 'text' | 'int' | 'rupiah' | 'percent';

export interface ReportColumn {
  key: string;
  label: string;
  type: ValueType;
}

export type ReportRow = Record<string, string | number>;

export interface ReportTable {
  id: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** Draw this table as a bar chart too (first column = labels, `chartKey` = values). */
  chartKey?: string;
}

export interface ReportFigure {
  id: string;
  label: string;
  value: number;
  type: ValueType;
}

export interface ReportSection {
  id: string;
  title: string;
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
  kecamatanKode: string;
  /** null: the whole kecamatan. */
  kelurahan: string | null;
  /** The kelurahan in scope (one, or all of the kecamatan), for breakdowns with zero rows. */
  kelurahanList: { kode: string; nama: string }[];
  yearlyTarget: number;
}

export interface MonthlySummary {
  month: string;
  monthLabel: string;
  scopeLabel: string;
  kelurahan: string | null;
  generatedAt: string;
  sections: ReportSection[];
}

/** A percentage with one decimal; 0 when there is nothing to divide. */
export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
