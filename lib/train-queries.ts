// Query keys and hooks for release trains (issue 10): pipelines, trains, features, metrics.
//
// CORE / lib/live-cache.ts: on a live `train` message (and on a feature change), call
// `invalidateTrainQueries(qc, { pipeline, trainId })` below. It invalidates, for that pipeline:
//   ['pipelines']                      every track at a glance (/trains)
//   ['pipeline', key]                  the pipeline page and its pre-flight panel
//   ['trains', { pipeline: key }]      the history list
//   ['train', trainId]                 the train page
//   ['features', key]                  the pipeline's features
//   ['pipeline-metrics', key, *]       the metrics page (any `days`)
// A refetch of a few small DTOs per train transition is cheap (a train moves a handful of times per
// release), and keeps one source of truth for derived fields (preflight, overdue, durations).
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  featureSchema,
  pipelineDetailSchema,
  pipelineMetricsSchema,
  pipelineSummarySchema,
  trainDetailSchema,
  trainSummarySchema,
} from '@/engine/dto/trains';
import { apiGet, withQuery } from './api';
import { refetchFresh } from './refetch-after-fetch';

export const trainKeys = {
  pipelines: ['pipelines'] as const,
  pipeline: (key: string) => ['pipeline', key] as const,
  trains: (pipeline: string) => ['trains', { pipeline }] as const,
  train: (id: string) => ['train', id] as const,
  features: (pipeline: string) => ['features', pipeline] as const,
  metrics: (pipeline: string, days: number) => ['pipeline-metrics', pipeline, days] as const,
};

const enc = encodeURIComponent;

export function usePipelines() {
  return useQuery({
    queryKey: trainKeys.pipelines,
    queryFn: ({ signal }) => apiGet('/api/pipelines', z.array(pipelineSummarySchema), signal),
  });
}

export function usePipeline(key: string, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: trainKeys.pipeline(key),
    enabled: opts.enabled,
    queryFn: ({ signal }) => apiGet(`/api/pipelines/${enc(key)}`, pipelineDetailSchema, signal),
  });
}

/** Trains of one pipeline, newest first (the history page). */
export function useTrains(pipeline: string) {
  return useQuery({
    queryKey: trainKeys.trains(pipeline),
    queryFn: ({ signal }) => apiGet(withQuery('/api/trains', { pipeline }), z.array(trainSummarySchema), signal),
  });
}

export function useTrain(id: string, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: trainKeys.train(id),
    enabled: opts.enabled,
    queryFn: ({ signal }) => apiGet(`/api/trains/${enc(id)}`, trainDetailSchema, signal),
  });
}

export function useFeatures(pipeline: string) {
  return useQuery({
    queryKey: trainKeys.features(pipeline),
    queryFn: ({ signal }) => apiGet(withQuery('/api/features', { pipeline }), z.array(featureSchema), signal),
  });
}

export function usePipelineMetrics(pipeline: string, days: number) {
  return useQuery({
    queryKey: trainKeys.metrics(pipeline, days),
    queryFn: ({ signal }) => apiGet(withQuery(`/api/pipelines/${enc(pipeline)}/metrics`, { days }), pipelineMetricsSchema, signal),
  });
}

/** What a train or feature change makes stale; see refetch-after-fetch.ts for why a fetch in
 *  flight is followed by one more instead of being trusted or cancelled. */
export function invalidateTrainQueries(qc: QueryClient, change: { pipeline: string; trainId?: string | null }): void {
  refetchFresh(qc, trainKeys.pipelines, true);
  refetchFresh(qc, trainKeys.pipeline(change.pipeline), true);
  refetchFresh(qc, trainKeys.trains(change.pipeline), true);
  refetchFresh(qc, trainKeys.features(change.pipeline), true);
  refetchFresh(qc, ['pipeline-metrics', change.pipeline]);
  if (change.trainId) refetchFresh(qc, trainKeys.train(change.trainId), true);
}
