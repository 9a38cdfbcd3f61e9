// Queries for the workflow editor and history: draft, versions, diff. Contracts in
// engine/dto/workflow-versions.ts.
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { workflowDiffSchema, workflowDraftSchema, workflowVersionItemSchema } from '@/engine/dto/workflow-versions';
import { ApiError, apiGet, withQuery } from './api';

const enc = encodeURIComponent;

export const workflowKeys = {
  draft: (name: string) => ['workflow-draft', name] as const,
  versions: (name: string) => ['workflow-versions', name] as const,
  diff: (name: string, from: number, to: number) => ['workflow-diff', name, from, to] as const,
};

/** The shared draft, or null when there is none (404). Only editors may read drafts. */
export function useWorkflowDraft(name: string, enabled = true) {
  return useQuery({
    queryKey: workflowKeys.draft(name),
    enabled,
    queryFn: async ({ signal }) => {
      try {
        return await apiGet(`/api/workflows/${enc(name)}/draft`, workflowDraftSchema, signal);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    staleTime: Infinity,
  });
}

export function useWorkflowVersions(name: string) {
  return useQuery({ queryKey: workflowKeys.versions(name), queryFn: ({ signal }) => apiGet(`/api/workflows/${enc(name)}/versions`, z.array(workflowVersionItemSchema), signal) });
}

export function useWorkflowDiff(name: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: workflowKeys.diff(name, from ?? 0, to ?? 0),
    enabled: from !== null && to !== null && from !== to,
    queryFn: ({ signal }) => apiGet(withQuery(`/api/workflows/${enc(name)}/diff`, { from, to }), workflowDiffSchema, signal),
  });
}
