import { useState } from 'react';
import type { Output } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextAreaField } from '../../components/Field';

type Participant = Output<'trainings.get'>['participants'][number];

/** Cancelling says who loses their place and takes the reason the record keeps. */
export function CancelTrainingDialog({
  open,
  enrolled,
  waiting,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  enrolled: number;
  waiting: number;
  busy: boolean;
  error?: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <ConfirmDialog
      open={open}
      title={t('tr.cancelTitle')}
      confirmLabel={t('tr.cancelConfirm')}
      busy={busy}
      focusConfirm={false}
      onCancel={onCancel}
      onConfirm={() => {
        if (!reason.trim()) {
          setMissing(true);
          return;
        }
        onConfirm(reason.trim());
      }}
    >
      <p>{t('tr.cancelWho', { enrolled, waiting })}</p>
      <TextAreaField
        label={t('tr.cancelReason')}
        required
        data-autofocus
        rows={2}
        value={reason}
        error={error ?? (missing ? t('form.required', { field: t('tr.cancelReason') }) : undefined)}
        onChange={(e) => {
          setReason(e.target.value);
          setMissing(false);
        }}
      />
    </ConfirmDialog>
  );
}

/** Withdrawing says what becomes of the seat: who moves up from the waiting list. */
export function WithdrawDialog({
  participant,
  next,
  busy,
  onConfirm,
  onCancel,
}: {
  participant: Participant | null;
  next: Participant | undefined;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <ConfirmDialog
      open={participant !== null}
      title={t('tr.withdrawTitle')}
      confirmLabel={t('tr.withdrawConfirm')}
      busy={busy}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      {participant && (
        <>
          {participant.status === 'menunggu' ? (
            <p>{t('tr.withdrawWaiting', { name: participant.fullName, pos: participant.waitlistPos ?? 0 })}</p>
          ) : (
            <p>
              {t('tr.withdrawSeat', { name: participant.fullName })} {next && t('tr.withdrawPromotes', { next: next.fullName })}
            </p>
          )}
          <p className="muted">{t('tr.withdrawUndoable')}</p>
        </>
      )}
    </ConfirmDialog>
  );
}
