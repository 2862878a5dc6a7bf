import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { invoke, type Output } from '../../app/api';
import { formatDate, formatRupiah } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Notice } from '../../components/Notice';
import { SelectField, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { Sparkline } from './Sparkline';
import { usePendampingChoice } from './usePendampingChoice';

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** A member's programme page: the 7P checklist, turnover trend, visits, trainings, manual P4/P5. */
export function MemberPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [info, setInfo] = useState<Output<'programme.member'> | null>(null);
  const [trend, setTrend] = useState<Output<'turnover.trend'> | null>(null);
  const [visits, setVisits] = useState<Output<'mentoring.visits'>>([]);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({ stage: 'P4' as 'P4' | 'P5', completedOn: today(), evidence: '' });
  const pendampingList = usePendampingChoice().list;
  const [pendampingId, setPendampingId] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [i, tr, v] = await Promise.all([invoke('programme.member', { memberId: id }), invoke('turnover.trend', { memberId: id }), invoke('mentoring.visits', { memberId: id })]);
      setInfo(i);
      setPendampingId(i.pendamping?.id ?? '');
      setTrend(tr);
      setVisits(v);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [id]);
  useEffect(() => void load(), [load]);

  const record = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(async () => {
      await invoke('stages.record', { memberId: id, ...form.values });
      setMessage(t('mp.recorded'));
      form.set('evidence', '');
      await load();
    });
  };

  if (!info) return <Notice kind={error ? 'error' : 'info'}>{error ?? t('common.loading')}</Notice>;
  return (
    <div className="prog-member">
      <p>
        <a href="#/program/pendampingan">{t('prog.back')}</a>
      </p>
      <h2>
        {info.fullName} <span className="prog-muted">{info.memberNo}</span>
      </h2>
      <div className="filters">
        <label className="prog-inline">
          {t('m.pendamping')}{' '}
          <select aria-label={t('m.pendamping')} value={pendampingId ?? ''} onChange={(e) => setPendampingId(e.target.value)}>
            <option value="">{t('mp.noPendamping')}</option>
            {pendampingList.map((p) => (
              <option key={p.id} value={p.id}>
                {p.fullName}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          disabled={(pendampingId ?? '') === (info.pendamping?.id ?? '')}
          onClick={() =>
            void invoke('mentoring.assign', { memberIds: [id], pendampingId: pendampingId || null })
              .then(() => (setMessage(t('mp.assigned')), load()))
              .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
          }
        >
          {t('mp.assign')}
        </button>
      </div>
      <Notice kind="error">{error}</Notice>
      <Notice kind="success">{message}</Notice>
      <h3>{t('mp.stages')}</h3>
      <ol className="prog-stages">
        {info.stages.map((s) => (
          <li key={s.code} className={s.status === 'selesai' ? 'prog-stages__done' : undefined}>
            <strong>
              {s.code} {s.label}
            </strong>
            <div className="prog-muted">{s.status === 'selesai' ? `${formatDate(s.completedOn)}${s.evidence ? ` · ${s.evidence}` : ''}` : '—'}</div>
          </li>
        ))}
      </ol>

      <h3>{t('mp.trend')}</h3>
      {trend?.businesses.map((b) => (
        <div key={b.businessId} className="prog-trend">
          <div>
            <strong>{b.name}</strong> <span className="prog-muted">({b.scale})</span>
            {b.naikKelas.naikKelas && <span className="badge badge--success">{t('mp.naikKelas')}{b.naikKelas.growth !== null ? ` +${Math.round(b.naikKelas.growth * 100)}%` : ''}</span>}
          </div>
          {b.points.some((p) => p.turnover !== null) ? (
            <>
              <Sparkline points={b.points} label={b.name} />
              <span className="prog-muted">{formatRupiah([...b.points].reverse().find((p) => p.turnover !== null)!.turnover!)}</span>
            </>
          ) : (
            <span className="prog-muted">{t('mp.noTrend')}</span>
          )}
        </div>
      ))}

      <h3>{t('mp.visits')}</h3>
      {visits.length === 0 ? (
        <p className="prog-muted">{t('common.noData')}</p>
      ) : (
        <ul>
          {visits.map((v) => (
            <li key={v.id}>
              {formatDate(v.visitedOn)} · <strong>{v.topic}</strong> · {v.pendamping}
              {v.notes ? ` — ${v.notes}` : ''}
              {v.followUp ? ` (${t('m.followUp')}: ${v.followUp})` : ''}
            </li>
          ))}
        </ul>
      )}

      <h3>{t('mp.trainings')}</h3>
      {info.trainings.length === 0 ? (
        <p className="prog-muted">{t('common.noData')}</p>
      ) : (
        <ul>
          {info.trainings.map((tr) => (
            <li key={tr.id}>
              <a href={`#/program/pelatihan/${tr.id}`}>{tr.topic}</a> · {formatDate(tr.startsAt)} · {tr.completed ? t('tr.graduate') : tr.status}
            </li>
          ))}
        </ul>
      )}

      <form onSubmit={record} className="prog-card" noValidate>
        <h3>{t('mp.manual')}</h3>
        <Notice kind="error">{form.error}</Notice>
        <div className="prog-row">
          <SelectField label={t('mp.stage')} value={form.values.stage} error={form.errorOf('stage')} onChange={(e) => form.set('stage', e.target.value as 'P4' | 'P5')}>
            <option value="P4">P4 Perizinan</option>
            <option value="P5">P5 Pemasaran</option>
          </SelectField>
          <TextField label={t('mp.date')} type="date" value={form.values.completedOn} error={form.errorOf('completedOn')} onChange={(e) => form.set('completedOn', e.target.value)} />
        </div>
        <TextField label={t('mp.evidence')} required value={form.values.evidence} error={form.errorOf('evidence')} onChange={(e) => form.set('evidence', e.target.value)} />
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {t('common.save')}
        </button>
      </form>
    </div>
  );
}
