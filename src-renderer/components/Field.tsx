import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldProps {
  label: string;
  /** The control's id, when the screen needs to reach it (focus); otherwise one is made. */
  id?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}

/** A labelled form control with its hint and its error message, linked for screen readers. */
export function Field({ label, id: given, error, hint, required, children }: FieldProps) {
  const made = useId();
  const id = given ?? made;
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children(id, describedBy)}
      {error ? (
        <div className="field__error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : hint ? (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

interface Base {
  label: string;
  error?: string;
  hint?: string;
}

export function TextField({ label, error, hint, required, ...input }: Base & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} id={input.id} error={error} hint={hint} required={required}>
      {(id, describedBy) => <input aria-invalid={!!error} aria-describedby={describedBy} required={required} {...input} id={id} />}
    </Field>
  );
}

export function TextAreaField({ label, error, hint, required, ...input }: Base & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} id={input.id} error={error} hint={hint} required={required}>
      {(id, describedBy) => <textarea aria-invalid={!!error} aria-describedby={describedBy} required={required} {...input} id={id} />}
    </Field>
  );
}

export function SelectField({ label, error, hint, required, children, ...input }: Base & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} id={input.id} error={error} hint={hint} required={required}>
      {(id, describedBy) => (
        <select aria-invalid={!!error} aria-describedby={describedBy} required={required} {...input} id={id}>
          {children}
        </select>
      )}
    </Field>
  );
}

export function CheckField({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="check">
      <input type="checkbox" {...input} /> {label}
    </label>
  );
}
