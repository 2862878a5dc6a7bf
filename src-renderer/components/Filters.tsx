import { useI18n } from '../app/i18n';

/** The list's search box; '/' anywhere jumps to it (data-search). `onEnter`: e.g. open the only result. */
export function SearchBox({
  value,
  onChange,
  placeholder,
  onEnter,
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  onEnter?: () => void;
}) {
  const { t } = useI18n();
  return (
    <input
      data-search
      type="search"
      placeholder={placeholder ?? `${t('common.search')} (${t('common.searchHint')})`}
      aria-label={t('common.search')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={
        onEnter
          ? (e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                onEnter();
              }
            }
          : undefined
      }
    />
  );
}

/** A filter of a list: "Label: Semua" first, then the choices. */
export function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">
        {label}: {t('common.all')}
      </option>
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>
  );
}
