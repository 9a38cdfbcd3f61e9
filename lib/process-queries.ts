// Queries for the living documentation (Processes) and search. Contracts in engine/dto/processes.ts.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { processEntrySchema, searchResultSchema } from '@/engine/dto/processes';
import { apiGet, withQuery } from './api';

export const processKeys = {
  all: ['processes'] as const,
  search: (q: string) => ['search', q] as const,
};

export function useProcesses() {
  return useQuery({ queryKey: processKeys.all, queryFn: ({ signal }) => apiGet('/api/processes', z.array(processEntrySchema), signal) });
}

/** Results for `q` (already debounced by the caller); the previous answer stays while the next loads. */
export function useSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: processKeys.search(query),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    queryFn: ({ signal }) => apiGet(withQuery('/api/search', { q: query }), z.array(searchResultSchema), signal),
  });
}
