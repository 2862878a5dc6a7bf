import { formatDate, formatDateTime, formatRupiah } from '../../app/format';
import { useI18n, type MessageKey, type Translate } from '../../app/i18n';
import type { Output } from '../../app/api';
import { useKelurahanNames } from '../../components/KelurahanPicker';
import { codedFor, DATES, FIELD_LABELS, HIDDEN_KEYS, METHOD_LABELS, MONEY, YES_NO } from './history-fields';

type HistoryEntry = Output<'members.history'>[number];

/** Audit entries as readable lines: which fields changed from what to what. */
export function HistoryTable({ entries }: { entries: HistoryEntry[] }) {
  const { t } = useI18n();
  const methodLabel = (method: string) => {
    const key = METHOD_LABELS[method];
    return key ? t(key) : undefined;
  };
  return (
    <table className="table reg-history">
      <thead>
        <tr>
          <th>{t('reg.h.when')}</th>
          <th>{t('reg.h.who')}</th>
          <th>{t('reg.h.what')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td className="reg-nowrap">{formatDateTime(e.at)}</td>
            <td>{e.username ?? '—'}</td>
            <td>
              <div className="reg-small">{methodLabel(e.method) ?? <span className="reg-mono">{e.method}</span>}</div>
              <ChangeList entity={e.entity} before={e.before} after={e.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const show = (v: unknown) => {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // Objects and lists; the values come from JSON, so there is nothing else.
  return JSON.stringify(v);
};

function inWords(coded: Partial<Record<string, string>>, key: string, v: unknown, t: Translate, kelurahan: (kode: string) => string | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  if (key === 'kelurahan_kode' && typeof v === 'string') return kelurahan(v) ?? v;
  if (coded[key] && typeof v === 'string') {
    const words = t(`${coded[key]}.${v}` as MessageKey);
    return words === `${coded[key]}.${v}` ? v : words;
  }
  if (MONEY.has(key) && typeof v === 'number') return formatRupiah(v);
  if (DATES.has(key) && typeof v === 'string') return formatDate(v);
  if (YES_NO.has(key)) return v === 1 || v === true ? t('common.yes') : t('common.no');
  if (key === 'turnover_drop_pct' && typeof v === 'number') return `${v}%`;
  return show(v);
}

function ChangeList({ entity, before, after }: { entity: string; before: unknown; after: unknown }) {
  const { t } = useI18n();
  const kelurahan = useKelurahanNames();
  const words = (k: string, v: unknown) => inWords(codedFor(entity), k, v, t, kelurahan);
  const name = (k: string) => (FIELD_LABELS[k] ? t(FIELD_LABELS[k]) : k);
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN_KEYS.has(k) && show(b[k]) !== show(a[k]));
  if (keys.length === 0) return null;
  if (!before) {
    // A creation: one compact line of what was recorded.
    return (
      <p className="reg-created">
        {keys.map((k, i) => (
          <span key={k}>
            {i > 0 && ' · '}
            <span className="reg-key">{name(k)}</span> {words(k, a[k])}
          </span>
        ))}
      </p>
    );
  }
  const shown = keys.slice(0, 12);
  return (
    <ul className="reg-changes">
      {shown.map((k) => (
        <li key={k}>
          <span className="reg-key">{name(k)}</span>: <del>{words(k, b[k])}</del> → <ins>{words(k, a[k])}</ins>
        </li>
      ))}
      {keys.length > shown.length && <li>…</li>}
    </ul>
  );
}
