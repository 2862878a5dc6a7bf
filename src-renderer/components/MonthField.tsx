import { useI18n } from '../app/i18n';

const monthName = (m: number, locale: string) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, m - 1, 1)));

/**
 * A month as the office says it, "November 2026": the month by name and the year, both from
 * the keyboard (↑/↓ or the first letters), instead of the browser's own month input. `value`
 * and `onChange` are YYYY-MM; `max` stops at the running month.
 */
export function MonthField({
  label,
  value,
  onChange,
  max,
  years = 6,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  max?: string;
  years?: number;
}) {
  const { t, locale } = useI18n();
  const [y, m] = value.split('-').map(Number);
  const lastYear = max ? Number(max.slice(0, 4)) : y;
  const yearList = Array.from({ length: years }, (_, i) => lastYear - i);
  const emit = (year: number, month: number) => {
    let next = `${year}-${String(month).padStart(2, '0')}`;
    if (max && next > max) next = max;
    onChange(next);
  };
  return (
    <span className="month-field" role="group" aria-label={label}>
      <span className="month-field__label" aria-hidden="true">
        {label}
      </span>
      <select aria-label={`${label}: ${t('month.month')}`} value={m} onChange={(e) => emit(y, Number(e.target.value))}>
        {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n} disabled={!!max && `${y}-${String(n).padStart(2, '0')}` > max}>
            {monthName(n, locale)}
          </option>
        ))}
      </select>
      <select aria-label={`${label}: ${t('month.year')}`} value={y} onChange={(e) => emit(Number(e.target.value), m)}>
        {yearList.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </span>
  );
}
