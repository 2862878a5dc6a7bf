import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { onSessionLost, setCsrfToken, type MethodName, type Output } from './api';
import { callApi, errorMessage } from './data';
import { useI18n } from './i18n';

export type SessionUser = NonNullable<Output<'auth.session'>>['user'];

export type SessionState =
  | { phase: 'loading' }
  | { phase: 'unreachable'; message: string }
  | { phase: 'setup' }
  | { phase: 'login'; officeName: string | null }
  | { phase: 'ready'; user: SessionUser; mustChangePassword: boolean; officeName: string | null; methods: ReadonlySet<string> };

interface SessionApi {
  state: SessionState;
  /** Called after login or setup with what the server returned. */
  signedIn: (result: { csrfToken: string; user: SessionUser; mustChangePassword?: boolean }) => Promise<void>;
  passwordChanged: (csrfToken: string) => void;
  logout: () => Promise<void>;
  reload: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

/** What the provider keeps: an unreachable server as its error, worded when shown (in the current language). */
type StoredState = Exclude<SessionState, { phase: 'unreachable' }> | { phase: 'unreachable'; error: unknown };

/**
 * Asks the server where the office and the session stand. Never rejects: a failure is the
 * unreachable state. The office name is known as soon as the first answer came.
 */
async function readSession(): Promise<{ officeName?: string | null; state: StoredState }> {
  let officeName: string | null | undefined;
  try {
    const status = await callApi('office.status', {});
    officeName = status.officeName;
    if (!status.setupDone) return { officeName, state: { phase: 'setup' } };
    const session = await callApi('auth.session', {});
    if (!session) {
      setCsrfToken(null);
      return { officeName, state: { phase: 'login', officeName } };
    }
    setCsrfToken(session.csrfToken);
    const methods = new Set(await callApi('auth.permissions', {}));
    return { officeName, state: { phase: 'ready', user: session.user, mustChangePassword: session.mustChangePassword, officeName, methods } };
  } catch (error) {
    return { officeName, state: { phase: 'unreachable', error } };
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [stored, setState] = useState<StoredState>({ phase: 'loading' });
  const [officeName, setOfficeName] = useState<string | null>(null);
  const { t } = useI18n();
  const state: SessionState = stored.phase === 'unreachable' ? { phase: 'unreachable', message: errorMessage(stored.error, t) } : stored;
  const client = useQueryClient();

  const reload = useCallback(
    () =>
      readSession().then((read) => {
        if (read.officeName !== undefined) setOfficeName(read.officeName);
        setState(read.state);
      }),
    [],
  );

  useEffect(() => {
    void reload();
    const unsubscribe = onSessionLost(() => {
      setCsrfToken(null);
      client.clear();
      setState({ phase: 'login', officeName: null });
      void reload();
    });
    return () => void unsubscribe();
  }, [reload, client]);

  const api: SessionApi = {
    state,
    reload,
    signedIn: async (r) => {
      setCsrfToken(r.csrfToken);
      // Nothing read for the previous user stays in the cache for the next one.
      client.clear();
      const methods = new Set(await callApi('auth.permissions', {}));
      setState({ phase: 'ready', user: r.user, mustChangePassword: r.mustChangePassword ?? false, officeName, methods });
      // Right after setup the office name is new: fetch it for the menu header.
      // Without it the menu header stays empty until the next reload: nothing to tell the user.
      callApi('office.status', {}).then(
        (s) => setState((cur) => (cur.phase === 'ready' ? { ...cur, officeName: s.officeName } : cur)),
        (e: unknown) => console.warn('office.status after sign-in', e),
      );
    },
    passwordChanged: (csrf) => {
      setCsrfToken(csrf);
      setState((s) => (s.phase === 'ready' ? { ...s, mustChangePassword: false } : s));
    },
    logout: async () => {
      try {
        await callApi('auth.logout', {});
      } finally {
        setCsrfToken(null);
        client.clear();
        // The next person to log in starts at the home screen, not on the last one's page.
        history.replaceState(null, '', '#/');
        setState({ phase: 'login', officeName });
      }
    },
  };
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/**
 * Whether the logged-in user's role may call a method, by the server's registry: screens offer
 * an action only when its method is allowed, instead of keeping role lists of their own.
 */
export function useCan(): (method: MethodName) => boolean {
  const { state } = useSession();
  return (method) => state.phase === 'ready' && state.methods.has(method);
}

/** The logged-in user; only for screens inside the main window. */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (state.phase !== 'ready') throw new Error('useUser without a session');
  return state.user;
}
