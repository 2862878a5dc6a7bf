import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiCallError, invoke, type Input, type MethodName, type Output } from '../api';
import { invalidate, type MutationOptions } from './hooks';

export type JobStatus = NonNullable<Output<'jobs.progress'>>;

export interface LongCall {
  running: boolean;
  /** The latest progress the server reported, while the call runs. */
  status: JobStatus | null;
  cancelling: boolean;
  /**
   * Calls the method under a fresh job id, asking the server for its progress meanwhile.
   * Resolves with the result, or null when it was cancelled; other failures reject as usual. A
   * change refreshes what it made stale, as useApiMutation does; `read` marks a call that changes
   * nothing.
   */
  run: <K extends MethodName>(method: K, input: Input<K>, options?: MutationOptions & { read?: boolean }) => Promise<Output<K> | null>;
  /** Asks the server to stop the running call. */
  cancel: () => void;
}

const POLL_MS = 400;

/** A job id of the screen's own choosing (crypto.randomUUID is missing on plain-HTTP LAN pages). */
function newJobId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `job-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Long calls (batch printing, exports, imports) with their progress and a Cancel button. */
export function useLongCall(): LongCall {
  const client = useQueryClient();
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const current = useRef<string | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const run = useCallback(
    async <K extends MethodName>(method: K, input: Input<K>, options: MutationOptions & { read?: boolean } = {}): Promise<Output<K> | null> => {
      const jobId = newJobId();
      current.current = jobId;
      setRunning(true);
      setStatus(null);
      setCancelling(false);
      let asking = false;
      const timer = setInterval(() => {
        if (asking) return;
        asking = true;
        invoke('jobs.progress', { id: jobId })
          .then((s) => {
            if (s && mounted.current && current.current === jobId) setStatus(s);
          })
          .catch(() => undefined) // progress is a courtesy: the call itself reports failures
          .finally(() => {
            asking = false;
          });
      }, POLL_MS);
      try {
        const value = await invoke(method, input, { jobId });
        if (!options.read) await invalidate(client, method, options.invalidates ?? []);
        return value;
      } catch (e) {
        if (e instanceof ApiCallError && e.code === 'cancelled') return null;
        throw e;
      } finally {
        clearInterval(timer);
        current.current = null;
        if (mounted.current) {
          setRunning(false);
          setStatus(null);
          setCancelling(false);
        }
      }
    },
    [client],
  );

  const cancel = useCallback(() => {
    const jobId = current.current;
    if (!jobId) return;
    setCancelling(true);
    invoke('jobs.cancel', { id: jobId }).catch(() => setCancelling(false));
  }, []);

  return { running, status, cancelling, run, cancel };
}
