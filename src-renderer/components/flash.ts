import { useState } from 'react';

// A message that survives one navigation ("Anggota X terdaftar" shown on the member page the
// form leads to). Kept in memory: a reload need not repeat it.
let pending: string | null = null;

export const setFlash = (message: string) => {
  pending = message;
};

/** Takes the pending message once, on the first render of the screen that shows it. */
export function useFlash(): [string | null, (m: string | null) => void] {
  const [message, setMessage] = useState<string | null>(() => {
    const m = pending;
    pending = null;
    return m;
  });
  return [message, setMessage];
}
