import { useState, type SubmitEvent } from 'react';
import type { Output } from '../../app/api';
import { useAction, useApi, useApiQuery } from '../../app/data';
import { SearchBox } from '../../components/Filters';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { CheckField, TextAreaField, TextField } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { useForm } from '../../components/useForm';
import { usePendampingChoice } from './usePendampingChoice';

type Mine = Output<'mentoring.myMembers'>;
type MemberRow = Mine['rows'][number];
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

function VisitForm({ member, pendampingId, onDone }: { member: MemberRow; pendampingId: string; onDone: () => void }) {
  const { t } = useI18n();
  const form = useForm({ visitedOn: today(), topic: '', notes: '', followUp: '' });
  const api = useApi();
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async () => {
      await api('mentoring.recordVisit', { memberId: member.id, pendampingId, ...form.values }, { invalidates: ['programme'] });
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>
        <strong>{member.fullName}</strong> <span className="prog-muted">{member.memberNo}</span>
      </p>
      <Notice kind="error">{form.error}</Notice>
      <DateField label={t('m.visitedOn')} required value={form.values.visitedOn} error={form.errorOf('visitedOn')} onChange={(v) => form.set('visitedOn', v)} />
      <TextField
        label={t('m.topic')}
        required
        autoFocus
        value={form.values.topic}
        error={form.errorOf('topic')}
        onChange={(e) => form.set('topic', e.target.value)}
      />
      <TextAreaField label={t('m.notes')} value={form.values.notes} error={form.errorOf('notes')} onChange={(e) => form.set('notes', e.target.value)} />
      <TextField label={t('m.followUp')} value={form.values.followUp} error={form.errorOf('followUp')} onChange={(e) => form.set('followUp', e.target.value)} />
      <button type="submit" className="button button--primary" disabled={form.busy}>
        {t('common.save')}
      </button>
    </form>
  );
}

export function MentoringTab() {
  const { t } = useI18n();
  const { list, chosen, setChosen } = usePendampingChoice();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [search, setSearch] = useState('');
  const [visiting, setVisiting] = useState<MemberRow | null>(null);
  const [visitSaved, setVisitSaved] = useState<string | null>(null);
  const [onlyUnassigned, setOnlyUnassigned] = useState(true);
  const api = useApi();
  const action = useAction();
  const membersQuery = useApiQuery(
    'mentoring.myMembers',
    { pendampingId: chosen, overdueOnly, search: search.trim() || undefined, pageSize: PAGE, sort: 'lastVisit' },
    { enabled: !!chosen, keepPrevious: true },
  );
  const kelurahanQuery = useApiQuery('mentoring.kelurahan', {});
  const kelurahan = kelurahanQuery.data ?? [];
  const data = useStableRows(membersQuery.data, `${chosen}|${overdueOnly}|${search.trim()}`);
  const message = action.message ?? visitSaved;
  const error = action.error ?? membersQuery.error ?? kelurahanQuery.error;

  const assign = (kode: string) =>
    action.run(async () => {
      setVisitSaved(null);
      const r = await api('mentoring.assignByKelurahan', { kelurahanKode: kode, pendampingId: chosen, onlyUnassigned }, { invalidates: ['programme'] });
      return t('m.assignedDone', { n: r.updated, kel: r.kelurahan, name: r.pendamping.fullName });
    });

  return (
    <div className="prog-mentoring">
      <div className="filters">
        <label className="prog-inline">
          {t('m.pendamping')}{' '}
          <select aria-label={t('m.pendamping')} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('m.choosePendamping')}</option>
            {list.map((p) => (
              <option key={p.id} value={p.id}>
                {p.fullName}
              </option>
            ))}
          </select>
        </label>
        <span className="prog-check">
          <CheckField label={t('m.overdueOnly')} checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
        </span>
        <SearchBox value={search} onChange={setSearch} placeholder={t('m.searchMembers')} />
      </div>
      <Notice kind="success">{message}</Notice>
      <Notice kind="error">{error}</Notice>
      <h2>
        {t('m.myMembers')} {data && <span className="prog-muted">({data.total})</span>}
      </h2>
      {data && <p className="prog-muted">{t('m.overdueNote', { n: data.overdueDays })}</p>}
      {data && data.total > data.rows.length && <p className="prog-muted">{t('m.moreThanShown', { shown: data.rows.length, total: data.total })}</p>}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t('g.member')}</th>
              <th>{t('m.kelurahan')}</th>
              <th>{t('m.businesses')}</th>
              <th>{t('m.lastVisit')}</th>
              <th>{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data?.rows.length === 0 && (
              <tr>
                <td colSpan={5} className="table__empty">
                  {t('common.noData')}
                </td>
              </tr>
            )}
            {data?.rows.map((m) => (
              <tr key={m.id} className={m.justVisited ? 'prog-row--visited' : undefined}>
                <td>
                  <a href={`#/program/anggota/${m.id}`}>{m.fullName}</a>
                  <div className="prog-muted">{m.memberNo}</div>
                </td>
                <td>{m.kelurahan}</td>
                <td>{m.businesses}</td>
                <td>
                  {m.lastVisit ? `${formatDate(m.lastVisit)} (${t('m.daysAgo', { n: m.daysSinceVisit ?? 0 })})` : t('m.never')}
                  {m.overdue && !m.justVisited && <span className="badge badge--warning">{t('m.overdue')}</span>}
                  {m.justVisited && <span className="badge badge--success">{t('m.justVisited')}</span>}
                </td>
                <td>
                  <button type="button" className="button button--small" aria-label={`${t('m.visit')}: ${m.fullName}`} onClick={() => setVisiting(m)}>
                    {t('m.visit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('m.bulk')}</h2>
      <CheckField label={t('m.onlyUnassigned')} checked={onlyUnassigned} onChange={(e) => setOnlyUnassigned(e.target.checked)} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t('m.kelurahan')}</th>
              <th>{t('m.members')}</th>
              <th>{t('m.assigned')}</th>
              <th>{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {kelurahan.map((k) => (
              <tr key={k.kode}>
                <td>{k.nama}</td>
                <td>{formatNumberSafe(k.members)}</td>
                <td>{formatNumberSafe(k.assigned)}</td>
                <td>
                  <button type="button" className="button button--small" disabled={!chosen || k.members === 0} onClick={() => void assign(k.kode)}>
                    {t('m.assign')} → {list.find((p) => p.id === chosen)?.fullName ?? '…'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Dialog title={t('m.visit')} open={visiting !== null} onClose={() => setVisiting(null)}>
        {visiting && (
          <VisitForm
            member={visiting}
            pendampingId={chosen}
            onDone={() => {
              data?.markVisited(visiting.id);
              setVisiting(null);
              action.setMessage(null);
              setVisitSaved(t('m.visitSaved'));
            }}
          />
        )}
      </Dialog>
    </div>
  );
}

const formatNumberSafe = (n: number) => String(n);
const PAGE = 100;

/**
 * The list in the order it first came in for the current filters: a member just visited stays
 * where the user found them (marked as visited) instead of jumping to the end of the list, or
 * out of it under "only those due a visit", until the filters change.
 */
interface RowMemory {
  key: string;
  /** The answer last taken in, so that each answer is taken in once. */
  data: Mine | undefined;
  ids: readonly string[];
  rows: ReadonlyMap<string, MemberRow>;
  visited: ReadonlySet<string>;
}

/** The memory after an answer: new filters start afresh; rows join in the order they came. */
function remember(memory: RowMemory, data: Mine, key: string): RowMemory {
  const fresh = memory.key !== key;
  const ids = fresh ? data.rows.map((r) => r.id) : [...memory.ids];
  const rows = new Map(fresh ? [] : memory.rows);
  for (const r of data.rows) {
    rows.set(r.id, r);
    if (!ids.includes(r.id)) ids.push(r.id);
  }
  return { key, data, ids, rows, visited: fresh ? new Set() : memory.visited };
}

function useStableRows(data: Mine | undefined, filterKey: string) {
  const [memory, setMemory] = useState<RowMemory>({ key: '', data: undefined, ids: [], rows: new Map(), visited: new Set() });
  // Each new answer is taken in while rendering (React's way to adjust state to new props).
  let current = memory;
  if (data && (memory.key !== filterKey || memory.data !== data)) {
    current = remember(memory, data, filterKey);
    setMemory(current);
  }
  if (!data) return null;
  const rows = current.ids
    .filter((id) => data.rows.some((r) => r.id === id) || current.visited.has(id))
    .flatMap((id) => {
      const row = current.rows.get(id);
      return row ? [{ ...row, justVisited: current.visited.has(id) }] : [];
    });
  return {
    ...data,
    rows,
    markVisited: (id: string) => setMemory((m) => ({ ...m, visited: new Set(m.visited).add(id) })),
  };
}
