import { useState, type SubmitEvent } from 'react';
import { useAction, useApi, useApiQuery } from '../../app/data';
import { formatDate, formatRupiah } from '../../app/format';
import { useI18n, type MessageKey } from '../../app/i18n';
import { Notice } from '../../components/Notice';
import { SelectField, TextField } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { useForm } from '../../components/useForm';
import { latestTurnover, Sparkline } from './Sparkline';
import { usePendampingChoice } from './usePendampingChoice';

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** A member's programme page: the 7P checklist, turnover trend, visits, trainings, manual P4/P5. */
export function MemberPage({ id }: { id: string }) {
  const { t } = useI18n();
  const infoQuery = useApiQuery('programme.member', { memberId: id });
  const trendQuery = useApiQuery('turnover.trend', { memberId: id });
  const visitsQuery = useApiQuery('mentoring.visits', { memberId: id });
  const info = infoQuery.data;
  const trend = trendQuery.data;
  const visits = visitsQuery.data ?? [];
  const api = useApi();
  const assign = useAction();
  const [message, setMessage] = useState<string | null>(null);
  const error = assign.error ?? infoQuery.error ?? trendQuery.error ?? visitsQuery.error;
  const form = useForm<{ stage: 'P4' | 'P5'; completedOn: string; evidence: string }>({ stage: 'P4', completedOn: today(), evidence: '' });
  const pendampingList = usePendampingChoice().list;
  // The choice in the list until it is assigned; the stored pendamping otherwise.
  const [chosenPendamping, setPendampingId] = useState<string | null>(null);
  const pendampingId = chosenPendamping ?? info?.pendamping?.id ?? '';

  const record = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async () => {
      await api('stages.record', { memberId: id, ...form.values }, { invalidates: ['programme'] });
      setMessage(t('mp.recorded'));
      form.set('evidence', '');
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
          <select aria-label={t('m.pendamping')} value={pendampingId} onChange={(e) => setPendampingId(e.target.value)}>
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
          disabled={assign.busy || pendampingId === (info.pendamping?.id ?? '')}
          onClick={() =>
            void assign.run(async () => {
              setMessage(null);
              await api('mentoring.assign', { memberIds: [id], pendampingId: pendampingId || null }, { invalidates: ['programme'] });
              setPendampingId(null);
              setMessage(t('mp.assigned'));
            })
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
      {trend?.businesses.map((b) => {
        const latest = latestTurnover(b.points);
        return (
          <div key={b.businessId} className="prog-trend">
            <div>
              <strong>{b.name}</strong> <span className="prog-muted">({t(`reg.scale.${b.scale}` as MessageKey)})</span>
              {b.naikKelas.naikKelas && (
                <span className="badge badge--success">
                  {t('mp.naikKelas')}
                  {b.naikKelas.growth !== null ? ` +${Math.round(b.naikKelas.growth * 100)}%` : ''}
                </span>
              )}
            </div>
            {latest !== undefined ? (
              <>
                <Sparkline points={b.points} label={b.name} />
                <span className="prog-muted">{formatRupiah(latest)}</span>
              </>
            ) : (
              <span className="prog-muted">{t('mp.noTrend')}</span>
            )}
          </div>
        );
      })}

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
              <a href={`#/program/pelatihan/${tr.id}`}>{tr.topic}</a> · {formatDate(tr.startsAt)} ·{' '}
              {tr.completed ? t('tr.graduate') : t(`tr.enrolment.${tr.status}` as MessageKey)}
            </li>
          ))}
        </ul>
      )}

      <form onSubmit={record} className="prog-card" noValidate>
        <h3>{t('mp.manual')}</h3>
        <Notice kind="error">{form.error}</Notice>
        <div className="prog-row">
          <SelectField
            label={t('mp.stage')}
            value={form.values.stage}
            error={form.errorOf('stage')}
            onChange={(e) => form.set('stage', e.target.value as 'P4' | 'P5')}
          >
            <option value="P4">{t('reg.stage.P4')}</option>
            <option value="P5">{t('reg.stage.P5')}</option>
          </SelectField>
          <DateField label={t('mp.date')} value={form.values.completedOn} error={form.errorOf('completedOn')} onChange={(v) => form.set('completedOn', v)} />
        </div>
        <TextField
          label={t('mp.evidence')}
          required
          value={form.values.evidence}
          error={form.errorOf('evidence')}
          onChange={(e) => form.set('evidence', e.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {t('common.save')}
        </button>
      </form>
    </div>
  );
}
