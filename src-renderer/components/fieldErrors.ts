import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../app/i18n';

/**
 * The server's per-field messages for a form: each shows beside its field, focus goes to the
 * first marked field, and the banner above only counts them, naming just those whose field is
 * not on the screen (so no message shows twice, and none is lost). A field counts as on the
 * screen when the form asked for its message while rendering (`errorOf`).
 */
export function useFieldErrors(formRef: React.RefObject<HTMLElement | null>) {
  const { t } = useI18n();
  const [errors, setErrorsState] = useState<Record<string, string>>({});
  const [round, setRound] = useState(0);
  const shown = new Set<string>();
  const [unshown, setUnshown] = useState<string[]>([]);

  const errorOf = (...paths: string[]): string | undefined => {
    for (const p of paths) {
      if (errors[p]) {
        shown.add(p);
        return errors[p];
      }
    }
    return undefined;
  };

  // After each render (`shown` is new in each): which messages found no field. Known only once
  // the form has rendered, so it is measured before paint and stored, as a layout measurement
  // is; the comparison ends the second render.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- after every render on purpose
  useLayoutEffect(() => {
    const missing = Object.keys(errors).filter((k) => !shown.has(k));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a measurement of the render that just happened
    if (missing.join('|') !== unshown.join('|')) setUnshown(missing);
  });

  // After a refusal: the cursor to the first marked field, in the order of the form.
  const lastRound = useRef(0);
  useEffect(() => {
    if (round === lastRound.current) return;
    lastRound.current = round;
    const first = (formRef.current ?? document).querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  });

  const setErrors = (next: Record<string, string> | ((current: Record<string, string>) => Record<string, string>)) => {
    const value = typeof next === 'function' ? next(errors) : next;
    setErrorsState(value);
    if (Object.keys(value).length) setRound((r) => r + 1);
  };
  const clear = (...paths: string[]) =>
    setErrorsState((f) => {
      if (!paths.some((p) => f[p])) return f;
      return Object.fromEntries(Object.entries(f).filter(([k]) => !paths.includes(k)));
    });

  const count = Object.keys(errors).length;
  /** The banner's text: how many fields to fix, and the messages of fields not on screen. */
  const summary = count ? [t('form.fixCount', { n: count }), ...unshown.map((k) => errors[k])].join(' ') : null;
  return { errors, errorOf, setErrors, clear, summary };
}
