import { formatDate, formatDateTime, formatRupiah } from '../../app/format';
import { useI18n, type MessageKey, type Translate } from '../../app/i18n';
import type { Output } from '../../app/api';
import { useKelurahanNames } from '../../components/KelurahanPicker';

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
              <ChangeList before={e.before} after={e.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const HIDDEN_KEYS = new Set(['id', 'source', 'revealed', 'recorded_by', 'pendamping_id', 'source_id', 'member_id', 'business_id', 'name_key', 'created_at', 'updated_at', 'created_by', 'recorded_at', 'businesses']);
const show = (v: unknown) => {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // Objects and lists; the values come from JSON, so there is nothing else.
  return JSON.stringify(v);
};

// Stored codes in the catalogue's words: a history reads like the form, never like the table.
const CODED: Record<string, string> = { gender: 'reg.gender', target_group: 'reg.tg', skpd: 'reg.skpd', education: 'reg.edu', legal_form: 'reg.lf', scale: 'reg.scale', status: 'reg.status', place_status: 'reg.place', halal_status: 'reg.halal', pirt_status: 'reg.pirt' };
const MONEY = new Set(['capital', 'monthly_turnover']);
const DATES = new Set(['birth_date', 'start_date', 'recorded_on', 'completed_on']);
const YES_NO = new Set(['closed_temporarily', 'loan_trouble', 'recovered', 'sells_online', 'marketplace', 'social_media', 'qris', 'eorder', 'bookkeeping_app']);

function inWords(key: string, v: unknown, t: Translate, kelurahan: (kode: string) => string | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  if (key === 'kelurahan_kode' && typeof v === 'string') return kelurahan(v) ?? v;
  if (CODED[key] && typeof v === 'string') {
    const words = t(`${CODED[key]}.${v}` as MessageKey);
    return words === `${CODED[key]}.${v}` ? v : words;
  }
  if (MONEY.has(key) && typeof v === 'number') return formatRupiah(v);
  if (DATES.has(key) && typeof v === 'string') return formatDate(v);
  if (YES_NO.has(key)) return v === 1 || v === true ? t('common.yes') : t('common.no');
  if (key === 'turnover_drop_pct' && typeof v === 'number') return `${v}%`;
  return show(v);
}

const METHOD_LABELS: Partial<Record<string, MessageKey>> = {
  'members.register': 'reg.h.register',
  'members.update': 'reg.h.update',
  'members.revealNik': 'reg.h.reveal',
  'members.importRun': 'reg.h.import',
  'members.importContinue': 'reg.h.import',
  'businesses.add': 'reg.h.businessAdd',
  'businesses.update': 'reg.h.businessUpdate',
  'members.save': 'reg.h.update',
  'businesses.recordCondition': 'reg.h.condition',
  'stages.record': 'reg.h.stage',
};

// Stored column names as the form's labels, so the history reads like the form.
const FIELD_LABELS: Partial<Record<string, MessageKey>> = {
  member_no: 'reg.m.memberNo',
  nik: 'reg.f.nik',
  kk: 'reg.f.kk',
  full_name: 'reg.f.fullName',
  birth_place: 'reg.f.birthPlace',
  birth_date: 'reg.f.birthDate',
  gender: 'reg.f.gender',
  education: 'reg.f.education',
  address_street: 'reg.f.street',
  rt: 'reg.f.rt',
  rw: 'reg.f.rw',
  kelurahan_kode: 'reg.f.kelurahan',
  phone: 'reg.f.phone',
  email: 'reg.f.email',
  target_group: 'reg.f.targetGroup',
  skpd: 'reg.f.skpd',
  status: 'reg.f.status',
  name: 'reg.b.name',
  legal_form: 'reg.b.legalForm',
  kbli_kode: 'reg.b.kbli',
  products: 'reg.b.products',
  capital: 'reg.b.capital',
  monthly_turnover: 'reg.b.turnover',
  employees: 'reg.b.employees',
  scale: 'reg.b.scale',
  npwp: 'reg.b.npwp',
  nib: 'reg.b.nib',
  halal_status: 'reg.b.halal',
  pirt_status: 'reg.b.pirt',
  start_date: 'reg.b.startDate',
  place_status: 'reg.b.placeStatus',
  recorded_on: 'reg.c.recordedOn',
  turnover_drop_pct: 'reg.c.drop',
  closed_temporarily: 'reg.c.closed',
  loan_trouble: 'reg.c.loanTrouble',
  recovered: 'reg.c.recovered',
  sells_online: 'reg.c.sellsOnline',
  marketplace: 'reg.c.marketplace',
  social_media: 'reg.c.socialMedia',
  qris: 'reg.c.qris',
  eorder: 'reg.c.eorder',
  bookkeeping_app: 'reg.c.bookkeeping',
  memberNo: 'reg.m.memberNo',
  note: 'reg.c.note',
  stage_code: 'reg.s.stage',
  completed_on: 'reg.s.date',
  evidence: 'reg.s.evidence',
};

function ChangeList({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const kelurahan = useKelurahanNames();
  const words = (k: string, v: unknown) => inWords(k, v, t, kelurahan);
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
