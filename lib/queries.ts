// Query keys and hooks for every API read. Keys are the contract with lib/live-cache.ts, which
// writes server-sent updates into these same entries, so keep their shapes in one place.
import { useInfiniteQuery, useQuery, type InfiniteData } from '@tanstack/react-query';
import { z } from 'zod';
import { eventDetailSchema, eventSummarySchema, type EventSummary } from '@/engine/dto/events';
import { registrySchema, workflowDetailSchema } from '@/engine/dto/registry';
import { runDetailSchema, runSummarySchema } from '@/engine/dto/runs';
import { RUN_STATUSES } from '@/engine/run/status';
import { apiGet, withQuery } from './api';

export const PAGE_SIZE = 50;

export interface EventFilters {
  source?: string;
  type?: string;
}
export interface RunFilters {
  status?: string;
  workflow?: string;
}

export const keys = {
  events: (f: EventFilters) => ['events', { source: f.source || undefined, type: f.type || undefined }] as const,
  event: (id: string) => ['event', id] as const,
  runs: (f: RunFilters) => ['runs', { status: f.status || undefined, workflow: f.workflow || undefined }] as const,
  run: (id: string) => ['run', id] as const,
  registry: ['registry'] as const,
  workflows: ['workflows'] as const,
  workflow: (name: string) => ['workflow', name] as const,
  actions: ['actions'] as const,
};

export type EventPages = InfiniteData<EventSummary[], string | undefined>;

/** Newest-first event feed; older pages load with `before=<last id>`. */
export function useEvents(f: EventFilters) {
  return useInfiniteQuery({
    queryKey: keys.events(f),
    queryFn: ({ pageParam, signal }) =>
      apiGet(
        withQuery('/api/events', { source: f.source, type: f.type, limit: PAGE_SIZE, before: pageParam }),
        z.array(eventSummarySchema),
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.length >= PAGE_SIZE ? last[last.length - 1]?.id : undefined),
  });
}

export function useEvent(id: string) {
  return useQuery({
    queryKey: keys.event(id),
    queryFn: ({ signal }) => apiGet(`/api/events/${encodeURIComponent(id)}`, eventDetailSchema, signal),
  });
}

export function useRuns(f: RunFilters) {
  return useQuery({
    queryKey: keys.runs(f),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery('/api/runs', { status: f.status, workflow: f.workflow, limit: PAGE_SIZE }),
        z.array(runSummarySchema),
        signal,
      ),
  });
}

export function useRun(id: string, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: keys.run(id),
    enabled: opts.enabled,
    queryFn: ({ signal }) => apiGet(`/api/runs/${encodeURIComponent(id)}`, runDetailSchema, signal),
  });
}

export function useRegistry() {
  return useQuery({ queryKey: keys.registry, queryFn: ({ signal }) => apiGet('/api/registry', registrySchema, signal) });
}

export function useWorkflow(name: string) {
  return useQuery({
    queryKey: keys.workflow(name),
    queryFn: ({ signal }) => apiGet(`/api/workflows/${encodeURIComponent(name)}`, workflowDetailSchema, signal),
  });
}

export const actionInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  kind: z.string(),
  params: z.unknown(),
  outputs: z.unknown(),
});
export type ActionInfo = z.infer<typeof actionInfoSchema>;

/** The action catalog rarely changes while a page is open; fetch it once. */
export function useActions() {
  return useQuery({
    queryKey: keys.actions,
    queryFn: ({ signal }) => apiGet('/api/actions', z.array(actionInfoSchema), signal),
    staleTime: Infinity,
  });
}

export const workflowListItemSchema = z.object({
  name: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  version: z.number().int(),
  trigger: z.object({ source: z.string(), type: z.string(), filter: z.string().nullish() }),
  steps: z.number().int(),
});
export type WorkflowListItem = z.infer<typeof workflowListItemSchema>;

/** GET /api/workflows: every workflow at its current version (for pickers such as replay). */
export function useWorkflowList() {
  return useQuery({
    queryKey: keys.workflows,
    queryFn: ({ signal }) => apiGet('/api/workflows', z.array(workflowListItemSchema), signal),
  });
}

export const RUN_STATUS_OPTIONS = RUN_STATUSES;
