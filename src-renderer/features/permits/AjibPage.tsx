import { useState, type SubmitEvent } from 'react';
import type { Output } from '../../app/api';
import { useAction, useApi, useApiQuery } from '../../app/data';
import { DateField } from '../../components/DateField';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { TextField } from '../../components/Field';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { printPdf } from '../../components/files';
import { jakartaToday } from '../../app/format';
import { StatusBadge } from './badges';

type Task = Output<'ajib.list'>['rows'][number];

/** The AJIB officers' day: pickups and deliveries per officer, proof of hand-over, printable list. */
export function AjibPage() {
  const { t } = useI18n();
  const can = useCan();
  const canAct = can('ajib.create');
  const [date, setDate] = useState(jakartaToday());
  const [officer, setOfficer] = useState('');
  const [completing, setCompleting] = useState<Task | null>(null);
  const api = useApi();
  const printing = useAction();
  // A date still being typed is not asked for; the last whole date's list stays.
  const whole = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const query = useApiQuery('ajib.list', { date, officer: officer || null }, { enabled: whole, keepPrevious: true });
  const day = query.data;
  const error = printing.error ?? query.error;

  const print = () => printing.run(async () => printPdf(await api('ajib.dayPdf', { date, officer: officer || null }, { read: true })));

  return (
    <div>
      <h2>{t('permits.ajib.title')}</h2>
      <Notice kind="error">{error}</Notice>
      <div className="filters">
        <DateField label={t('permits.ajib.date')} value={date} onChange={setDate} />
        <select aria-label={t('permits.ajib.officer')} value={officer} onChange={(e) => setOfficer(e.target.value)}>
          <option value="">
            {t('permits.ajib.officer')}: {t('common.all')}
          </option>
          {day?.officers.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={printing.busy} onClick={() => void print()}>
          {t('permits.ajib.print')}
        </button>
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t('permits.ajib.officer')}</th>
              <th>{t('permits.ajib.kind')}</th>
              <th>{t('permits.col.applicant')}</th>
              <th>{t('permits.ajib.address')}</th>
              <th>{t('permits.col.status')}</th>
              <th>{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {day?.rows.map((r) => (
              <tr key={r.id}>
                <td>{r.officerName}</td>
                <td>{t(`permits.ajib.kind.${r.kind}`)}</td>
                <td>
                  <a href={`#/perizinan/izin/${r.permitId}`}>{r.memberName}</a>
                  <div className="permits-small">
                    {r.businessName} {r.number ? `· ${r.number}` : ''} <StatusBadge status={r.permitStatus} />
                  </div>
                </td>
                <td>{r.address}</td>
                <td>
                  {t(`permits.ajib.status.${r.status}`)}
                  {r.receiverName ? <div className="permits-small">{r.receiverName}</div> : null}
                </td>
                <td>
                  {canAct && r.status === 'rencana' && (
                    <button type="button" className="button button--small" onClick={() => setCompleting(r)}>
                      {t('permits.ajib.complete')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {day?.rows.length === 0 && (
              <tr>
                <td colSpan={6} className="table__empty">
                  {t('permits.ajib.empty')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Dialog title={t('permits.ajib.complete')} open={completing !== null} onClose={() => setCompleting(null)}>
        {completing && (
          <CompleteForm
            onSubmit={async (input) => {
              await api('ajib.complete', { id: completing.id, ...input }, { invalidates: ['permits'] });
              setCompleting(null);
            }}
          />
        )}
      </Dialog>
    </div>
  );
}

function CompleteForm({ onSubmit }: { onSubmit: (input: { receiverName: string; note: string | null }) => Promise<void> }) {
  const { t } = useI18n();
  const form = useForm({ receiverName: '', note: '' });
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(() => onSubmit({ receiverName: form.values.receiverName, note: form.values.note || null }));
  };
  return (
    <form onSubmit={submit} noValidate>
      <Notice kind="error">{form.error}</Notice>
      <TextField
        label={t('permits.ajib.receiver')}
        value={form.values.receiverName}
        onChange={(e) => form.set('receiverName', e.target.value)}
        error={form.errorOf('receiverName')}
        required
        autoFocus
      />
      <TextField label={t('permits.field.note')} value={form.values.note} onChange={(e) => form.set('note', e.target.value)} error={form.errorOf('note')} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {t('permits.ajib.complete')}
        </button>
      </div>
    </form>
  );
}
