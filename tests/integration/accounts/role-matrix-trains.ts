// Role-matrix entries for the release-train routes (issue 10), spread into matrixEntries().
// Allowed calls get a real subject each: starting or derailing needs a pipeline with an empty
// track, so those build a fresh pipeline (reached by the matrix's `hold` workflow) per call.
import { SYSTEM_ACTOR } from '@/server/auth/principal';
import { publishPipeline } from '@/server/use-cases/publish-pipeline';
import { startTrain } from '@/server/use-cases/start-train';
import type { Entry, Subject } from './role-matrix-entries';

let n = 0;
const pipelineText = (key: string) =>
  `apiVersion: railyard/v1\nkind: Pipeline\nkey: ${key}\nname: Matrix ${key}\nrepository: { url: /srv/git/${key}.git }\nstations:\n  - { key: hold, name: Hold, reachedBy: { workflow: hold } }\n`;

async function freshPipeline(): Promise<string> {
  const key = `matrix-line-${++n}`;
  await publishPipeline(SYSTEM_ACTOR, { text: pipelineText(key) });
  return key;
}
const freshTrain = async () => (await startTrain(SYSTEM_ACTOR, await freshPipeline(), {})).id;
let shared: Promise<string> | null = null;
const sharedPipeline = () => (shared ??= freshPipeline());
const feature = async (key: string) => {
  const pipeline = await sharedPipeline();
  const { createFeature } = await import('@/server/use-cases/manage-features');
  await createFeature(SYSTEM_ACTOR, { key, title: 'Matrix feature', pipeline, status: 'open' });
  return pipeline;
};
const on = (params: Record<string, string>, body?: unknown, query?: string): Subject => ({ params, body, query });

export function trainMatrixEntries(): Record<string, Entry> {
  return {
    // Everyone reads pipelines, trains, features and metrics; releasers start, derail and mark features; editors define pipelines.
    'GET /api/pipelines': { access: 'role', min: 'viewer' },
    'POST /api/pipelines': { access: 'role', min: 'editor', subject: async () => ({ body: pipelineText(`matrix-new-${++n}`) }) },
    'GET /api/pipelines/[key]': { access: 'role', min: 'viewer', subject: async () => on({ key: await sharedPipeline() }) },
    'GET /api/pipelines/[key]/metrics': { access: 'role', min: 'viewer', subject: async () => on({ key: await sharedPipeline() }, undefined, '?days=30') },
    'POST /api/pipelines/[key]/trains': { access: 'role', min: 'releaser', subject: async () => on({ key: await freshPipeline() }, {}) },
    'GET /api/trains': { access: 'role', min: 'viewer' },
    'GET /api/trains/[id]': { access: 'role', min: 'viewer', subject: async () => on({ id: await freshTrain() }) },
    'POST /api/trains/[id]/derail': { access: 'role', min: 'releaser', subject: async () => on({ id: await freshTrain() }, { reason: 'matrix' }) },
    'GET /api/features': { access: 'role', min: 'viewer' },
    'POST /api/features': { access: 'role', min: 'releaser', subject: async () => ({ body: { key: `MX-${++n}`, title: 'Matrix', pipeline: await sharedPipeline(), status: 'ready' } }) },
    'PATCH /api/features/[key]': {
      access: 'role', min: 'releaser',
      subject: async () => {
        const key = `MX-${++n}`;
        const pipeline = await feature(key);
        return on({ key }, { status: 'ready' }, `?pipeline=${pipeline}`);
      },
    },
  };
}
