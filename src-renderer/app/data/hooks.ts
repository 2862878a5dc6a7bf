// Query and mutation hooks typed from the registry: the renderer's only way to call the API.
// Reads are cached under hierarchical keys (keys.ts) and shared by every screen showing them;
// a mutation marks what it changed stale, so every screen showing that data reloads it.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { invoke, type Input, type MethodName, type Output } from '../api';
import { useI18n } from '../i18n';
import { errorMessage, fieldErrorsOf } from './errors';
import { queryKey, resourceOf, staleKey, type Stale } from './keys';

export interface QueryOptions {
  /** false: do not load yet (e.g. nothing chosen). */
  enabled?: boolean;
  /** Keep the previous answer on screen while the next one loads (lists, searches). */
  keepPrevious?: boolean;
}

/** A read: `data` once loaded, `error` as the message to show (never silently dropped). */
export function useApiQuery<K extends MethodName>(method: K, input: Input<K>, options: QueryOptions = {}) {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: queryKey(method, input),
    queryFn: () => invoke(method, input),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
  return {
    data: query.data,
    loading: query.isPending && query.fetchStatus !== 'idle',
    fetching: query.isFetching,
    /** When the data shown was read (ms since the epoch), for what is judged against that moment. */
    readAt: query.dataUpdatedAt,
    error: query.error ? errorMessage(query.error, t) : null,
    refetch: query.refetch,
  };
}

/** Marks stale the method's own resource and what it names, and waits for the reloads. */
export function invalidate(client: QueryClient, method: MethodName, extra: readonly Stale[]) {
  const stale = new Set<Stale>([resourceOf(method), ...extra]);
  return Promise.all([...stale].map((s) => client.invalidateQueries({ queryKey: staleKey(s) })));
}

export interface MutationOptions {
  /** What else the change makes stale besides the method's own resource. */
  invalidates?: readonly Stale[];
}

/**
 * A change. `mutate` resolves with the result only after the stale data has been reloaded, so
 * what a following message says is already on screen; it rejects with the error, which is also
 * kept as `error` (message) and `fields` (per-field messages) for the form to show.
 */
export function useApiMutation<K extends MethodName>(method: K, options: MutationOptions = {}) {
  const client = useQueryClient();
  const { t } = useI18n();
  const mutation = useMutation({
    mutationFn: (input: Input<K>) => invoke(method, input),
    onSuccess: () => invalidate(client, method, options.invalidates ?? []),
  });
  return {
    mutate: mutation.mutateAsync as (input: Input<K>) => Promise<Output<K>>,
    busy: mutation.isPending,
    error: mutation.error ? errorMessage(mutation.error, t) : null,
    fields: mutation.error ? fieldErrorsOf(mutation.error) : {},
    reset: mutation.reset,
  };
}

/**
 * Calls made in the middle of a flow (a search while typing, a file to print, a step that needs
 * the previous answer): the same typed call, and a mutation invalidates as useApiMutation does.
 */
export function useApi() {
  const client = useQueryClient();
  return useCallback(
    <K extends MethodName>(method: K, input: Input<K>, options: MutationOptions & { read?: boolean } = {}): Promise<Output<K>> => {
      if (options.read) return client.query({ queryKey: queryKey(method, input), queryFn: () => invoke(method, input), staleTime: 0 });
      return invoke(method, input).then(async (value) => {
        await invalidate(client, method, options.invalidates ?? []);
        return value;
      });
    },
    [client],
  );
}

/**
 * What a screen's button runs: the message to show when it is done, or nothing to say (an
 * action that only awaits its call resolves to void).
 */
export type Action<T = string | null> = (() => Promise<T | undefined>) | (() => Promise<void>);

/**
 * A screen's action runner, the common shape of a button that does something: busy while it
 * runs, then the success message or the error's message (and its field messages). Returns
 * whether the action succeeded.
 */
export function useAction() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Partial<Record<string, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const run = useCallback(
    async (action: Action): Promise<boolean> => {
      setBusy(true);
      setError(null);
      setFields({});
      setMessage(null);
      try {
        const done = await action();
        setMessage(done ?? null);
        return true;
      } catch (e) {
        setError(errorMessage(e, t));
        setFields(fieldErrorsOf(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { run, busy, error, setError, fields, message, setMessage };
}
