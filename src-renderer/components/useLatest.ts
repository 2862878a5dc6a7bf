import { useLayoutEffect, useRef } from 'react';

/**
 * The latest value, for callbacks that run later (a fetch's failure, a timer) and should not be
 * re-created, nor re-run their effect, when it changes: typically `t`, whose change of language
 * must not fetch again. Read `.current` only outside render.
 */
export function useLatest<T>(value: T) {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
