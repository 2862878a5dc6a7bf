import { QueryClient } from '@tanstack/react-query';

/**
 * One cache for the window. Refusals are answers, not network hiccups, so nothing is retried;
 * data is refreshed after mutations (invalidation), not on window focus, so a form being filled
 * in never changes under the user's hands.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
      mutations: { retry: false },
    },
  });
}
