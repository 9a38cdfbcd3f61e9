// The text form of a pipeline (issue 10): a product's release line, reviewed in git like a workflow.
//
//   apiVersion: railyard/v1
//   kind: Pipeline
//   key: shop-web
//   name: Shop web
//   repository: { url: /srv/git/shop-web.git, baseBranch: main }
//   version: { initial: 1.4.0, bump: minor, tagPrefix: v }
//   features: { readyStatus: Ready for release, jiraProject: SHOP }
//   stations:
//     - { key: cut, name: Cut branch, reachedBy: { workflow: release-cut } }
//     - key: preprod
//       name: Preproduction build
//       reachedBy: { event: { source: jenkins, type: build-finished, match: 'event.payload.build.parameters.TRAIN = train.version' } }
//       expectedMinutes: 15
//
// A station is reached when a run of its workflow that works for this train succeeds, or when an
// event of its source and type arrives whose `match` (JSONata over { event, train }) is true.
import { z } from 'zod';
import { isValidEventType } from '../intake/event-type';
import { parseSemver } from '../versioning/semver';
import { WORKFLOW_API_VERSION, WORKFLOW_NAME_PATTERN } from '../workflow/schema';

export const PIPELINE_KEY_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const STATION_KEY_PATTERN = /^[a-z][a-z0-9-]*$/;

const eventType = z.string().min(1).refine(isValidEventType, 'not a valid event type');

export const stationSchema = z.strictObject({
  key: z.string().max(40).regex(STATION_KEY_PATTERN, 'must be lower-case letters, digits and -, starting with a letter'),
  name: z.string().min(1).max(80),
  description: z.string().default(''),
  reachedBy: z.union([
    z.strictObject({ workflow: z.string().regex(WORKFLOW_NAME_PATTERN, 'must name a workflow') }),
    z.strictObject({
      event: z.strictObject({
        source: z.string().min(1),
        type: eventType,
        match: z.string().min(1).optional().describe('JSONata over { event, train }; true when this event is for this train.'),
      }),
    }),
  ]),
  /** A station waited on longer than this is flagged on the train page. */
  expectedMinutes: z.number().positive().max(60 * 24 * 30).optional(),
  /** Reaching this station means the release is in production (DORA figures count from it). */
  production: z.boolean().default(false),
});

export const pipelineSchema = z.strictObject({
  apiVersion: z.literal(WORKFLOW_API_VERSION),
  kind: z.literal('Pipeline'),
  key: z.string().max(64).regex(PIPELINE_KEY_PATTERN, 'must be lower-case letters, digits and -'),
  name: z.string().min(1).max(120),
  description: z.string().default(''),
  owner: z.string().optional(),
  repository: z.strictObject({ url: z.string().min(1), baseBranch: z.string().min(1).default('main') }),
  version: z
    .strictObject({
      initial: z.string().refine((v) => parseSemver(v) !== null, 'must be a SemVer version such as 1.0.0').default('0.1.0'),
      bump: z.enum(['major', 'minor', 'patch']).default('minor'),
      tagPrefix: z.string().max(20).default('v'),
    })
    .prefault({}),
  features: z
    .strictObject({
      /** The issue-tracker status that means "ready to ship" (a Jira transition to it marks the feature ready). */
      readyStatus: z.string().min(1).default('Ready'),
      jiraProject: z.string().regex(/^[A-Z][A-Z0-9_]+$/, 'must be a Jira project key such as SHOP').optional(),
    })
    .prefault({}),
  stations: z.array(stationSchema).min(1, 'a pipeline needs at least one station'),
  /** An event that starts a train, as the Start button does (e.g. a Jira transition of the release ticket). */
  startOn: z
    .strictObject({
      source: z.string().min(1),
      type: eventType,
      match: z.string().min(1).optional().describe('JSONata over { event }; true when this event should start a train.'),
      kind: z.enum(['regular', 'hotfix']).default('regular'),
    })
    .optional(),
  /** A production release followed by a hotfix within this many hours counts as a failed change. */
  failureWindowHours: z.number().positive().max(24 * 90).default(72),
});

export type PipelineDefinition = z.output<typeof pipelineSchema>;
export type PipelineInput = z.input<typeof pipelineSchema>;
export type StationDefinition = z.output<typeof stationSchema>;

/** Problems zod cannot see: duplicate station keys; the last production station is where a release lands. */
export function checkPipeline(def: PipelineDefinition): { path: string; message: string }[] {
  const seen = new Map<string, number>();
  const issues: { path: string; message: string }[] = [];
  def.stations.forEach((s, i) => {
    const first = seen.get(s.key);
    if (first !== undefined) issues.push({ path: `stations.${i}.key`, message: `stations.${i}.key: duplicate station key "${s.key}" (station #${first + 1} has it too)` });
    else seen.set(s.key, i);
  });
  return issues;
}

/** The station where a release counts as shipped: the last one marked production, else the last one. */
export function productionStation(def: Pick<PipelineDefinition, 'stations'>): StationDefinition {
  return [...def.stations].reverse().find((s) => s.production) ?? def.stations[def.stations.length - 1];
}
