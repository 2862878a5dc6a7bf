import type { ReactNode } from 'react';

/** A form's main button, under the fields: disabled while the form is being sent. */
export function SubmitActions({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <div className="actions">
      <button className="button button--primary" type="submit" disabled={busy}>
        {children}
      </button>
    </div>
  );
}
