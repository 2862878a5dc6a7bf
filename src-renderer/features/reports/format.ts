import { formatNumber, formatRupiah } from '../../app/format';

export type ValueType = 'text' | 'int' | 'rupiah' | 'percent';

/** A report value as shown on screen, the same form the PDF prints. */
export function formatReportValue(value: string | number, type: ValueType): string {
  if (typeof value !== 'number') return value;
  if (type === 'rupiah') return formatRupiah(value);
  if (type === 'percent') return `${value.toFixed(1).replace('.', ',')}%`;
  return formatNumber(value);
}

