// Writes that operate runs: cancel, re-run, resume, replay an event, decide an approval. Each is a
// react-query mutation authorised by the session cookie; errors keep the server's `{error}` message
// and HTTP status (ApiError) so the UI can tell "your role may not" apart from a conflict.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { RunDetail, StepRunDto } from '@/engine/dto/runs';
import { ApiError, apiSend } from './api';
import { keys } from './queries';

const idSchema = z.object({ id: z.string() });
const runIdsSchema = z.object({ runIds: z.array(z.string()) });
const decisionSchema = z.object({ by: z.string(), approve: z.boolean(), reason: z.string().nullable(), at: z.string() });
const decisionResultSchema = z.object({
  outcome: z.enum(['approved', 'rejected', 'pending']),
  decisions: z.array(decisionSchema),
});

export type RunOp = 'cancel' | 'rerun' | 'resume';

/** True when the server refused: not signed in (401) or a role that may not (403). */
export const isAuthError = (err: unknown): boolean =>
  err instanceof ApiError && (err.status === 401 || err.status === 403);

const enc = encodeURIComponent;

/** POST /api/runs/{id}/{cancel|rerun|resume}; resolves to the affected (cancel) or new run id. */
export function useRunOp(runId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (op: RunOp) => (await apiSend('POST', `/api/runs/${enc(runId)}/${op}`, {}, idSchema)).data,
    // The detail's laterRuns list is not carried by live messages; refetch it once.
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.run(runId), exact: true }),
  });
}

export interface ReplayInput {
  eventId: string;
  workflow?: string;
  version?: number;
}

/** POST /api/replays; resolves to the ids of the runs it started (maybe none). */
export function useReplay() {
  return useMutation({
    mutationFn: async (input: ReplayInput) => (await apiSend('POST', '/api/replays', input, runIdsSchema)).data,
  });
}

export interface DecisionInput {
  approve: boolean;
  reason?: string;
}

/** POST a decision on a waiting approval step; the answer's decisions are written into the cache
 *  right away (the live step message follows with the full state). */
export function useDecision(runId: string, stepId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: DecisionInput) =>
      (await apiSend('POST', `/api/runs/${enc(runId)}/steps/${enc(stepId)}/decision`, input, decisionResultSchema)).data,
    onSuccess: (res) =>
      qc.setQueryData<RunDetail>(keys.run(runId), (old) =>
        old ? { ...old, steps: old.steps.map((s) => (s.id === stepId ? withDecisions(s, res) : s)) } : old,
      ),
  });
}

function withDecisions(step: StepRunDto, res: z.infer<typeof decisionResultSchema>): StepRunDto {
  if (!step.wait) return step;
  return { ...step, wait: { ...step.wait, decisions: res.decisions, resolved: step.wait.resolved || res.outcome !== 'pending' } };
}
