import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../app/i18n';

/**
 * A modal on the native <dialog>: focus is trapped and Escape closes it without extra code.
 * On opening, focus goes to the body's [data-autofocus] control, else its first control (not
 * the close button in the header), so Enter does the dialog's main thing.
 */
export function Dialog({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ReactNode }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      const target =
        d.querySelector<HTMLElement>('.dialog__body [data-autofocus]') ??
        d.querySelector<HTMLElement>('.dialog__body input:not([type=hidden]), .dialog__body select, .dialog__body textarea, .dialog__body button');
      target?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" onClose={onClose} aria-label={title}>
      <header className="dialog__header">
        <h2>{title}</h2>
        <button type="button" className="button button--ghost" onClick={onClose} aria-label={t('common.close')}>
          ✕
        </button>
      </header>
      {open && <div className="dialog__body">{children}</div>}
    </dialog>
  );
}
