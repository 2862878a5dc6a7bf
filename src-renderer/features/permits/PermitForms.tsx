import type { SubmitEvent } from 'react';
import type { Output } from '../../app/api';
import { jakartaToday } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { SelectField, TextField } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';

export type Move = Output<'permits.get'>['allowedMoves'][number];

export interface MoveInput {
  reason?: string | null;
  receiverName?: string | null;
  deliveryChannel?: 'loket' | 'ajib' | null;
  revokeKind?: 'dicabut' | 'diganti' | null;
}

/** The input a move needs: a reason, the receiver of a handover, the kind of a revocation. */
export function MoveForm({ move, onSubmit }: { move: Move; onSubmit: (input: MoveInput) => Promise<void> }) {
  const { t } = useI18n();
  const form = useForm({ reason: '', receiverName: '', deliveryChannel: 'loket', revokeKind: 'dicabut' });
  const handover = move.to === 'diserahkan';
  const revoke = move.to === 'dicabut';
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(() =>
      onSubmit({
        reason: form.values.reason || null,
        receiverName: form.values.receiverName || null,
        deliveryChannel: handover ? (form.values.deliveryChannel as 'loket') : null,
        revokeKind: revoke ? (form.values.revokeKind as 'dicabut') : null,
      }),
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Notice kind="error">{form.error}</Notice>
      {handover && (
        <SelectField
          label={t('permits.detail.deliveryChannel')}
          value={form.values.deliveryChannel}
          onChange={(e) => form.set('deliveryChannel', e.target.value)}
        >
          <option value="loket">Loket</option>
          <option value="ajib">AJIB</option>
        </SelectField>
      )}
      {handover && (
        <TextField
          label={t('permits.detail.receiver')}
          value={form.values.receiverName}
          onChange={(e) => form.set('receiverName', e.target.value)}
          error={form.errorOf('receiverName')}
          data-autofocus
        />
      )}
      {revoke && (
        <SelectField label={t('permits.detail.revokeKind')} value={form.values.revokeKind} onChange={(e) => form.set('revokeKind', e.target.value)}>
          <option value="dicabut">{t('permits.detail.revokeKind.dicabut')}</option>
          <option value="diganti">{t('permits.detail.revokeKind.diganti')}</option>
        </SelectField>
      )}
      <TextField
        label={t('permits.detail.reason')}
        value={form.values.reason}
        onChange={(e) => form.set('reason', e.target.value)}
        error={form.errorOf('reason')}
        required={move.requires.includes('reason')}
        data-autofocus={!handover ? true : undefined}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={form.busy}>
          → {move.label}
        </button>
      </div>
    </form>
  );
}

export function AjibForm({
  defaultAddress,
  defaultKind,
  onSubmit,
}: {
  defaultAddress: string;
  defaultKind: 'pickup' | 'delivery';
  onSubmit: (input: { kind: 'pickup' | 'delivery'; officerName: string; address: string; plannedDate: string }) => Promise<void>;
}) {
  const { t } = useI18n();
  const form = useForm({ kind: defaultKind, officerName: '', address: defaultAddress, plannedDate: jakartaToday() });
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(() => onSubmit({ ...form.values, kind: form.values.kind }));
  };
  return (
    <form onSubmit={submit} noValidate>
      <Notice kind="error">{form.error}</Notice>
      <SelectField
        label={t('permits.ajib.kind')}
        value={form.values.kind}
        onChange={(e) => form.set('kind', e.target.value as 'pickup')}
        error={form.errorOf('kind')}
      >
        <option value="pickup">{t('permits.ajib.kind.pickup')}</option>
        <option value="delivery">{t('permits.ajib.kind.delivery')}</option>
      </SelectField>
      <TextField
        label={t('permits.ajib.officer')}
        value={form.values.officerName}
        onChange={(e) => form.set('officerName', e.target.value)}
        error={form.errorOf('officerName')}
        required
        data-autofocus
      />
      <TextField
        label={t('permits.ajib.address')}
        value={form.values.address}
        onChange={(e) => form.set('address', e.target.value)}
        error={form.errorOf('address')}
        required
      />
      <DateField
        label={t('permits.ajib.date')}
        value={form.values.plannedDate}
        onChange={(v) => form.set('plannedDate', v)}
        error={form.errorOf('plannedDate')}
        required
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {t('permits.detail.addAjib')}
        </button>
      </div>
    </form>
  );
}

/**
 * After the original went to the printer: the clerk says how it came out. Good: the original
 * is confirmed (later prints are SALINAN), and at the counter it is handed over at once;
 * failed (paper jam): kept in the log, and the original can be printed again.
 */
export function PrintResultForm({
  canHandOver,
  busy,
  onGood,
  onFailed,
}: {
  canHandOver: boolean;
  busy: boolean;
  onGood: (handOver: boolean) => void;
  onFailed: (note: string) => void;
}) {
  const { t } = useI18n();
  const form = useForm({ note: '' });
  return (
    <div className="permits-print-result">
      <p>{t('permits.print.question')}</p>
      <div className="permits-print-result__buttons">
        {canHandOver && (
          <button type="button" className="button button--primary" data-autofocus disabled={busy} onClick={() => onGood(true)}>
            {t('permits.print.goodHandOver')}
          </button>
        )}
        <button
          type="button"
          className={`button${canHandOver ? '' : ' button--primary'}`}
          data-autofocus={canHandOver ? undefined : true}
          disabled={busy}
          onClick={() => onGood(false)}
        >
          {t('permits.print.good')}
        </button>
      </div>
      <div className="permits-print-result__failed">
        <TextField
          label={t('permits.print.failedNote')}
          value={form.values.note}
          placeholder={t('permits.print.failedPlaceholder')}
          onChange={(e) => form.set('note', e.target.value)}
        />
        <button type="button" className="button permits-danger" disabled={busy} onClick={() => onFailed(form.values.note)}>
          {t('permits.print.failed')}
        </button>
      </div>
    </div>
  );
}
