// The renderer's data layer: every call to the API goes through here.
export { createQueryClient } from './client';
export { errorMessage, fieldErrorsOf, isRefusal } from './errors';
export { useAction, useApi, useApiMutation, useApiQuery, type Action, type MutationOptions, type QueryOptions } from './hooks';
export { queryKey, type Resource, type Stale } from './keys';
export { RefreshOnLocaleChange } from './locale-refresh';
export { useLongCall, type JobStatus, type LongCall } from './long-call';
export { QueryClientProvider } from '@tanstack/react-query';
export { invoke as callApi } from '../api';
