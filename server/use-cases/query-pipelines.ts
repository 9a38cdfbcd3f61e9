// Pipelines as the API shows them: each track at a glance, and the pre-flight panel of Start
// release (version, who boards, who does not and why, stations ahead, who holds the track).
import type { PipelineDetail, PipelineSummary } from '@/engine/dto/trains';
import { notReadyWhy } from '@/engine/trains/boarding';
import { reachedByText } from '@/engine/trains/describe';
import { preflight } from '@/engine/trains/preflight';
import { authorize, type Actor } from '../auth/authorize';
import { db } from '../db/client';
import { toTrainSummary } from '../dto/map-trains';
import { notFound } from '../errors';
import { findPipeline, listPipelineRows, type PipelineRow } from '../repositories/pipelines';
import { releasedVersions, runningTrains, type TrainRow } from '../repositories/trains';
import { toTrackTrain } from '../trains/track';
import { withStarterNames } from './query-trains';

/** The trains on the track name their starter as people read it. */
async function named<T extends PipelineSummary>(p: T): Promise<T> {
  const [track, hotfix] = await withStarterNames([p.track, p.hotfix].filter((t) => t !== null));
  return { ...p, track: p.track ? track : null, hotfix: p.hotfix ? (p.track ? hotfix : track) : null };
}

function summary(p: PipelineRow, running: TrainRow[], readyFeatures: number): PipelineSummary {
  const def = p.version.definition;
  const on = (kind: string) => running.find((t) => t.pipelineId === p.id && t.kind === kind);
  const track = on('regular');
  const hotfix = on('hotfix');
  return {
    key: p.key, name: def.name, description: def.description, version: p.version.version,
    stations: def.stations.map((s) => ({ key: s.key, name: s.name })),
    track: track ? toTrainSummary(track) : null,
    hotfix: hotfix ? toTrainSummary(hotfix) : null,
    readyFeatures,
  };
}

async function readyCounts(): Promise<Map<string, number>> {
  const rows = await db().feature.groupBy({ by: ['pipelineId'], where: { status: 'ready' }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.pipelineId, r._count._all]));
}

export async function listPipelines(actor: Actor): Promise<PipelineSummary[]> {
  authorize(actor, 'read');
  const [rows, running, ready] = await Promise.all([listPipelineRows(), runningTrains(), readyCounts()]);
  return Promise.all(rows.map((p) => named(summary(p, running, ready.get(p.id) ?? 0))));
}

export async function requirePipeline(key: string): Promise<PipelineRow> {
  const p = await findPipeline(key);
  if (!p) throw notFound(`pipeline "${key}"`);
  return p;
}

export async function getPipelineDetail(actor: Actor, key: string, now = new Date()): Promise<PipelineDetail> {
  authorize(actor, 'read');
  const p = await requirePipeline(key);
  const def = p.version.definition;
  const [running, released, features] = await Promise.all([
    runningTrains([p.id]),
    releasedVersions(p.id),
    db().feature.findMany({ where: { pipelineId: p.id, status: { in: ['open', 'ready', 'aboard'] } }, orderBy: { key: 'asc' },
      include: { trains: { orderBy: { boardedAt: 'desc' }, take: 1, include: { train: { select: { number: true } } } } } }),
  ]);
  const missed = new Map((await db().train.findMany({ where: { id: { in: features.map((f) => f.missedTrainId).filter((x): x is string => !!x) } }, select: { id: true, number: true } })).map((t) => [t.id, t.number]));
  const pf = preflight({ kind: 'regular', running: running.map(toTrackTrain), released: released as { kind: 'regular' | 'hotfix'; version: string }[], scheme: def.version, now });
  const manifest = (f: (typeof features)[number]) => ({ key: f.key, title: f.title, link: f.link, branch: f.branch, owner: f.owner });
  const ready = features.filter((f) => f.status === 'ready');
  return named({
    ...summary(p, running, ready.length),
    definition: def,
    yaml: p.version.yaml,
    preflight: {
      canStart: pf.canStart,
      reason: pf.reason,
      nextVersion: pf.version,
      boarding: ready.map(manifest),
      notReady: features.filter((f) => f.status !== 'ready').map((f) => ({
        ...manifest(f), status: f.status as 'open' | 'aboard',
        why: notReadyWhy({ status: f.status, missedTrainNumber: f.missedTrainId ? missed.get(f.missedTrainId) : null, trainNumber: f.trains[0]?.train.number }),
      })),
      stations: def.stations.map((s) => ({ key: s.key, name: s.name, reachedBy: reachedByText(s) })),
    },
  });
}
