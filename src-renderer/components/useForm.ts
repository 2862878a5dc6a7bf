import { useState } from 'react';
import { errorMessage, fieldErrorsOf } from '../app/data';
import { useI18n } from '../app/i18n';

/**
 * Form state with the server's answer: the field messages come from the same schema that
 * validates the call, so the form never duplicates the rules.
 */
export function useForm<T extends Record<string, unknown>>(initial: T) {
  const { t } = useI18n();
  const [values, setValues] = useState<T>(initial);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof T>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setFieldErrors((f) => {
      if (!f[key as string]) return f;
      const { [key as string]: _, ...rest } = f;
      return rest;
    });
  };

  /** Runs a submit action; an API refusal fills the field messages. Returns whether it succeeded. */
  const submit = async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await action();
      return true;
    } catch (e) {
      const fields = fieldErrorsOf(e);
      const count = Object.keys(fields).length;
      // Field messages show beside their fields; the banner only points at them.
      setError(count ? `${t('form.fixMarked')} ${Object.values(fields).join(' · ')}` : errorMessage(e, t));
      setFieldErrors(fields);
      return false;
    } finally {
      setBusy(false);
    }
  };

  /** The message for a field, also for nested paths such as office.name. */
  const errorOf = (...paths: string[]) => paths.map((p) => fieldErrors[p]).find(Boolean);

  return { values, set, setValues, submit, busy, error, setError, errorOf, fieldErrors, setFieldErrors };
}
