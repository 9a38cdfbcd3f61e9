// Contracts of the release-train API (issue 10). The server builds these, the browser parses them.
import { z } from 'zod';

export const TRAIN_KINDS = ['regular', 'hotfix'] as const;
export const TRAIN_STATUSES = ['running', 'arrived', 'derailed'] as const;
export const STATION_STATUSES = ['pending', 'active', 'reached', 'failed'] as const;
/** `open`: not ready yet; `ready`: boards the next train; `aboard`: on a running train; `released`: arrived. */
export const FEATURE_STATUSES = ['open', 'ready', 'aboard', 'released'] as const;

export const stationRunSchema = z.object({ id: z.string(), number: z.number().int(), workflow: z.string(), status: z.string(), startedAt: z.string().nullable(), finishedAt: z.string().nullable() });

export const trainStationSchema = z.object({
  key: z.string(),
  name: z.string(),
  status: z.enum(STATION_STATUSES),
  startedAt: z.string().nullable(),
  reachedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  /** Waiting longer than the station's expectedMinutes (or its median so far). */
  overdue: z.boolean(),
  expectedMinutes: z.number().nullable(),
  reachedBy: z.string(),
  /** The event that reached the station, when an event reaches it. */
  reachedByEventId: z.string().nullable(),
  runs: z.array(stationRunSchema),
});

export const manifestFeatureSchema = z.object({
  key: z.string(),
  title: z.string(),
  link: z.string().nullable(),
  branch: z.string().nullable(),
  owner: z.string().nullable(),
});

export const trainSummarySchema = z.object({
  id: z.string(),
  pipeline: z.string(),
  number: z.number().int(),
  kind: z.enum(TRAIN_KINDS),
  status: z.enum(TRAIN_STATUSES),
  version: z.string(),
  /** Key of the station the train is at or heading for; null once it arrived. */
  station: z.string().nullable(),
  startedBy: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  features: z.number().int(),
});
export type TrainSummary = z.infer<typeof trainSummarySchema>;

export const trainDetailSchema = trainSummarySchema.omit({ features: true }).extend({
  stations: z.array(trainStationSchema),
  features: z.array(manifestFeatureSchema),
  changelog: z.string(),
  baseRef: z.string().nullable(),
  derailReason: z.string().nullable(),
});
export type TrainDetail = z.infer<typeof trainDetailSchema>;

export const featureSchema = z.object({
  key: z.string(),
  pipeline: z.string(),
  title: z.string(),
  link: z.string().nullable(),
  branch: z.string().nullable(),
  owner: z.string().nullable(),
  status: z.enum(FEATURE_STATUSES),
  readyAt: z.string().nullable(),
  /** "Missed train 12, will take the next one": set when a train departed before it was ready. */
  missedTrain: z.object({ id: z.string(), number: z.number().int() }).nullable(),
  /** The running train it rides, or the one it arrived with. */
  train: z.object({ id: z.string(), number: z.number().int(), status: z.enum(TRAIN_STATUSES) }).nullable(),
});
export type FeatureDto = z.infer<typeof featureSchema>;

export const pipelineSummarySchema = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.number().int(),
  stations: z.array(z.object({ key: z.string(), name: z.string() })),
  /** The regular train on the track, or null when it is empty. */
  track: trainSummarySchema.nullable(),
  hotfix: trainSummarySchema.nullable(),
  readyFeatures: z.number().int(),
});
export type PipelineSummary = z.infer<typeof pipelineSummarySchema>;

export const pipelineDetailSchema = pipelineSummarySchema.extend({
  definition: z.unknown(),
  yaml: z.string(),
  /** Start release explained before it happens. */
  preflight: z.object({
    canStart: z.boolean(),
    /** Why Start is refused, in words ("train 12 is at Test environment since 10:42"). */
    reason: z.string().nullable(),
    nextVersion: z.string(),
    boarding: z.array(manifestFeatureSchema),
    notReady: z.array(manifestFeatureSchema.extend({ status: z.enum(FEATURE_STATUSES), why: z.string() })),
    stations: z.array(z.object({ key: z.string(), name: z.string(), reachedBy: z.string() })),
  }),
});
export type PipelineDetail = z.infer<typeof pipelineDetailSchema>;

export const pipelineMetricsSchema = z.object({
  days: z.number().int(),
  definitions: z.record(z.string(), z.string()),
  deploymentFrequencyPerWeek: z.number(),
  deployments: z.number().int(),
  leadTimeFromReadyMs: z.number().nullable(),
  leadTimeFromFirstCommitMs: z.number().nullable(),
  changeFailureRate: z.number().nullable(),
  timeToRestoreMs: z.number().nullable(),
  stationMedianMs: z.record(z.string(), z.number().nullable()),
  /** One point per train that reached production, for the charts (time axis marks departures). */
  series: z.array(z.object({ train: z.number().int(), version: z.string(), departedAt: z.string(), arrivedAt: z.string().nullable(), leadTimeMs: z.number().nullable(), failed: z.boolean() })),
});
export type PipelineMetrics = z.infer<typeof pipelineMetricsSchema>;
