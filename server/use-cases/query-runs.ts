import type { RunDetail, RunSummary } from '@/engine/dto/runs';
import { authorize, type Actor } from '../auth/authorize';
import { toRunDetail, toRunSummary } from '../dto/map-runs';
import { notFound } from '../errors';
import { findEmittedEvents } from '../repositories/events';
import { findLaterRuns, findRun, listRuns } from '../repositories/runs';

export async function listRunSummaries(actor: Actor, filter: { status?: string; workflow?: string; limit: number; before?: string }): Promise<RunSummary[]> {
  authorize(actor, 'read');
  return (await listRuns(filter)).map(toRunSummary);
}

export async function getRunDetail(actor: Actor, id: string): Promise<RunDetail> {
  authorize(actor, 'read');
  const run = await findRun(id);
  if (!run) throw notFound(`run "${id}"`);
  const [emitted, later] = await Promise.all([
    findEmittedEvents(id),
    findLaterRuns(id),
  ]);
  return toRunDetail(run, { emitted, later });
}
