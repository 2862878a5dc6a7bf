import { useRef, useState } from 'react';
import { errorMessage, fieldErrorsOf } from '../app/data';
import { useI18n } from '../app/i18n';
import { useFieldErrors } from './fieldErrors';

/**
 * Form state with the server's answer: the field messages come from the same schema that
 * validates the call, so the form never duplicates the rules. Put `ref={form.ref}` on the
 * <form>: the cursor goes to the first refused field.
 */
export function useForm<T extends object>(initial: T) {
  const { t } = useI18n();
  const ref = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<T>(initial);
  const fieldErrors = useFieldErrors(ref);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof T>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    fieldErrors.clear(key as string);
  };

  /** Runs a submit action; an API refusal fills the field messages. Returns whether it succeeded. */
  const submit = async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setFailure(null);
    fieldErrors.setErrors({});
    try {
      await action();
      return true;
    } catch (e) {
      const fields = fieldErrorsOf(e);
      if (Object.keys(fields).length) fieldErrors.setErrors(fields);
      else setFailure(errorMessage(e, t));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return {
    ref,
    values,
    set,
    setValues,
    submit,
    busy,
    /** The banner: the refusal's message, or how many fields are marked. */
    error: failure ?? fieldErrors.summary,
    setError: setFailure,
    /** The message for a field, also for nested paths such as office.name. */
    errorOf: fieldErrors.errorOf,
    fieldErrors: fieldErrors.errors,
    setFieldErrors: fieldErrors.setErrors,
  };
}
