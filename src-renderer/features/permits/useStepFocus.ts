import { useCallback, useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

/**
 * Enter moves on, not back to the top: in a counter form, Enter in a field goes to the next
 * required field that is still empty (filled ones, such as the birth date read from the NIK,
 * are passed over); when none is left, Enter submits. Each required field sits in a container
 * marked data-step, with data-empty="true" while it has no value.
 */

const CONTROL = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

function steps(form: HTMLElement): HTMLElement[] {
  return [...form.querySelectorAll<HTMLElement>('[data-step]')].filter((s) => s.offsetParent !== null || s.getClientRects().length > 0);
}

function focusStep(step: HTMLElement): boolean {
  const control = step.querySelector<HTMLElement>(CONTROL);
  if (!control) return false;
  control.focus();
  if (control instanceof HTMLInputElement && control.type !== 'checkbox' && control.type !== 'radio') control.select();
  return true;
}

/** Focuses the first empty step after `from` (a step name or element), wrapping round; false when all are filled. */
export function focusNextEmpty(form: HTMLElement | null, from?: string | Element | null): boolean {
  if (!form) return false;
  const all = steps(form);
  let start = -1;
  if (typeof from === 'string') start = all.findIndex((s) => s.dataset.step === from);
  else if (from) start = all.findIndex((s) => s.contains(from));
  const order = [...all.slice(start + 1), ...all.slice(0, start + 1)];
  for (const s of order) {
    if (s.dataset.empty === 'true' && s !== all[start] && focusStep(s)) return true;
  }
  return false;
}

/** Focuses the first field the server marked invalid (aria-invalid), if any. */
export function focusFirstInvalid(form: HTMLElement | null): boolean {
  const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!el) return false;
  el.focus();
  return true;
}

/**
 * The form's Enter handling. `onEnter`, given with the key press, may take an Enter first (return true when it did, e.g.
 * the applicant search); otherwise Enter in a text field or select moves to the next empty
 * required field, or submits when there is none.
 */
export function useStepFocus(formRef: RefObject<HTMLFormElement | null>) {
  const pending = useRef<string | null>(null);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLFormElement>, onEnter?: (target: HTMLElement) => boolean) => {
      if (e.key !== 'Enter' || e.defaultPrevented || e.shiftKey || e.altKey || e.ctrlKey) return;
      const target = e.target as HTMLElement;
      if (target instanceof HTMLTextAreaElement || target instanceof HTMLButtonElement) return;
      if (target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio')) return;
      if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
      e.preventDefault();
      if (onEnter?.(target)) return;
      if (!focusNextEmpty(formRef.current, target)) formRef.current?.requestSubmit();
    },
    [formRef],
  );

  /** After the next render, focus the first empty step after `step` (e.g. once a picker has set its value). */
  const moveOnFrom = useCallback((step: string) => {
    pending.current = step;
  }, []);

  useEffect(() => {
    if (pending.current === null) return;
    const step = pending.current;
    pending.current = null;
    if (!focusNextEmpty(formRef.current, step)) formRef.current?.querySelector<HTMLElement>('[data-submit]')?.focus();
  });

  return { onKeyDown, moveOnFrom };
}
