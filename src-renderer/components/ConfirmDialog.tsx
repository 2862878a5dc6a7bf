import type { ReactNode } from 'react';
import { useI18n } from '../app/i18n';
import { Dialog } from './Dialog';

/**
 * The app's own confirmation (never window.confirm): the confirm button has the focus, so
 * Enter confirms and Escape cancels.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  return (
    <Dialog title={title} open={open} onClose={onCancel}>
      <div className="confirm">{children}</div>
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--primary" data-autofocus disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
