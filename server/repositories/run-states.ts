import type { RunState } from '@/engine/run/workspace-retention';
import type { RunStatus } from '@/engine/run/status';
import { db } from '../db/client';

/** Status and finish time of the given runs (absent ids are runs that no longer exist). */
export async function findRunStates(ids: string[]): Promise<Map<string, RunState>> {
  if (ids.length === 0) return new Map();
  const rows = await db().run.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, finishedAt: true } });
  return new Map(rows.map((r) => [r.id, { status: r.status as RunStatus, finishedAt: r.finishedAt }]));
}
