// Calls of the release-train API through the real route handlers, for the trains tests.
import { GET as featuresGet, POST as featuresPost } from '@/app/api/features/route';
import { PATCH as featurePatch } from '@/app/api/features/[key]/route';
import { GET as pipelineGet } from '@/app/api/pipelines/[key]/route';
import { GET as metricsGet } from '@/app/api/pipelines/[key]/metrics/route';
import { POST as startPost } from '@/app/api/pipelines/[key]/trains/route';
import { GET as pipelinesGet, POST as pipelinesPost } from '@/app/api/pipelines/route';
import { POST as derailPost } from '@/app/api/trains/[id]/derail/route';
import { GET as trainGet } from '@/app/api/trains/[id]/route';
import { GET as trainsGet } from '@/app/api/trains/route';
import { callRoute } from '../../support/http';
import { admin, waitFor } from '../../support/harness';

type H = Record<string, string>;

export const publishPipeline = (yaml: string, headers: H = admin) =>
  callRoute(pipelinesPost, '/api/pipelines', {}, { method: 'POST', headers: { 'content-type': 'text/yaml', ...headers }, body: yaml });
export const listPipelines = (headers: H = admin) => callRoute(pipelinesGet, '/api/pipelines', {}, { headers });
export const getPipeline = (key: string, headers: H = admin) => callRoute(pipelineGet, `/api/pipelines/${key}`, { key }, { headers });
export const startTrain = (key: string, headers: H, body: object = {}) =>
  callRoute(startPost, `/api/pipelines/${key}/trains`, { key }, { method: 'POST', headers, body });
export const getTrain = (id: string, headers: H = admin) => callRoute(trainGet, `/api/trains/${id}`, { id }, { headers });
export const listTrains = (query: string, headers: H = admin) => callRoute(trainsGet, `/api/trains${query}`, {}, { headers });
export const derail = (id: string, headers: H, body: object) => callRoute(derailPost, `/api/trains/${id}/derail`, { id }, { method: 'POST', headers, body });
export const createFeature = (body: object, headers: H) => callRoute(featuresPost, '/api/features', {}, { method: 'POST', headers, body });
export const patchFeature = (key: string, body: object, headers: H, pipeline?: string) =>
  callRoute(featurePatch, `/api/features/${key}${pipeline ? `?pipeline=${pipeline}` : ''}`, { key }, { method: 'PATCH', headers, body });
export const listFeatures = (pipeline: string, headers: H = admin) => callRoute(featuresGet, `/api/features?pipeline=${pipeline}`, {}, { headers });
export const getMetrics = (key: string, headers: H = admin) => callRoute(metricsGet, `/api/pipelines/${key}/metrics?days=90`, { key }, { headers });

/** Waits until the train's station has this status (the product pushes; the test polls). */
export const waitForStation = (trainId: string, station: string, status: string) =>
  waitFor(async () => {
    const t = (await getTrain(trainId)).body;
    return t.stations.find((s: { key: string; status: string }) => s.key === station)?.status === status ? t : undefined;
  }, 20_000, `station ${station} ${status}`);

export const waitForTrain = (trainId: string, status: string) =>
  waitFor(async () => {
    const t = (await getTrain(trainId)).body;
    return t.status === status ? t : undefined;
  }, 20_000, `train ${status}`);

export const workflow = (name: string, type: string, filter: string, steps: string) => `apiVersion: railyard/v1
kind: Workflow
name: ${name}
trigger: { source: railyard, type: ${type}, filter: '${filter}' }
steps:
${steps}`;

export const pipelineYaml = (key: string, stations: string, extra = '') => `apiVersion: railyard/v1
kind: Pipeline
key: ${key}
name: ${key} pipeline
repository: { url: /srv/git/${key}.git, baseBranch: main }
version: { initial: 1.4.0, bump: minor, tagPrefix: v }
${extra}stations:
${stations}`;
