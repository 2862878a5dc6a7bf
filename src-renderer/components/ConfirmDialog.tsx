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
  cancelLabel,
  busy,
  focusConfirm = true,
  danger = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  busy?: boolean;
  /** false when the body has a field to fill first (a reason): it takes the focus instead. */
  focusConfirm?: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog title={title} open={open} onClose={onCancel}>
      <form
        className="confirm"
        onSubmit={(e) => {
          // Enter in the dialog's field confirms, as the button would.
          e.preventDefault();
          onConfirm();
        }}
      >
        {children}
      </form>
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          {cancelLabel ?? t('common.cancel')}
        </button>
        <button
          type="button"
          className={danger ? 'button button--danger' : 'button button--primary'}
          data-autofocus={focusConfirm || undefined}
          disabled={busy}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
