// Writes on release trains: start (regular or hotfix), derail, mark a feature ready or not. Each
// answer refreshes the pipeline's queries at once; the live `train` messages keep them fresh after.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { featureSchema, type TRAIN_KINDS } from '@/engine/dto/trains';
import { apiSend, withQuery } from './api';
import { invalidateTrainQueries } from './train-queries';

const enc = encodeURIComponent;

export const startedTrainSchema = z.object({ id: z.string(), number: z.number().int(), version: z.string(), features: z.array(z.string()) });

export interface StartInput {
  kind?: (typeof TRAIN_KINDS)[number];
  /** Hotfix only: the feature keys it carries. */
  features?: string[];
}

/** POST /api/pipelines/{key}/trains → 201 {id, number, version, features}; a 409 keeps the
 *  server's sentence naming the train on the track (ApiError.message). */
export function useStartTrain(pipeline: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: StartInput) =>
      (await apiSend('POST', `/api/pipelines/${enc(pipeline)}/trains`, input, startedTrainSchema)).data,
    onSettled: (data) => invalidateTrainQueries(qc, { pipeline, trainId: data?.id }),
  });
}

export function useDerailTrain(train: { id: string; pipeline: string }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (reason: string) =>
      (await apiSend('POST', `/api/trains/${enc(train.id)}/derail`, { reason }, z.unknown())).data,
    onSettled: () => invalidateTrainQueries(qc, { pipeline: train.pipeline, trainId: train.id }),
  });
}

/** PATCH /api/features/{key}?pipeline=: `ready` boards the next train, `open` takes it off the list. */
export function useSetFeatureStatus(pipeline: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: { key: string; status: 'ready' | 'open' }) =>
      (await apiSend('PATCH', withQuery(`/api/features/${enc(input.key)}`, { pipeline }), { status: input.status }, featureSchema)).data,
    onSettled: () => invalidateTrainQueries(qc, { pipeline }),
  });
}
