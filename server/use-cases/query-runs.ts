import type { RunDetail, RunSummary } from '@/engine/dto/runs';
import { toRunDetail, toRunSummary } from '../dto/map-runs';
import { notFound } from '../errors';
import { findRun, listRuns } from '../repositories/runs';

export async function listRunSummaries(filter: { status?: string; workflow?: string; limit: number; before?: string }): Promise<RunSummary[]> {
  return (await listRuns(filter)).map(toRunSummary);
}

export async function getRunDetail(id: string): Promise<RunDetail> {
  const run = await findRun(id);
  if (!run) throw notFound(`run "${id}"`);
  return toRunDetail(run);
}
