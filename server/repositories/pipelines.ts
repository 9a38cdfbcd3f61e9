// Pipelines and their immutable versions. The newest version is the live definition; a train keeps
// the version it departed with.
import type { PipelineDefinition } from '@/engine/trains/pipeline-schema';
import { db, type Db, type Tx } from '../db/client';

const latest = { versions: { orderBy: { version: 'desc' as const }, take: 1 } };

export type PipelineRow = { id: string; key: string; name: string; version: { id: string; version: number; definition: PipelineDefinition; yaml: string } };

function toRow(p: { id: string; key: string; name: string; versions: { id: string; version: number; definition: unknown; yaml: string }[] }): PipelineRow | null {
  const v = p.versions[0];
  return v ? { id: p.id, key: p.key, name: p.name, version: { id: v.id, version: v.version, definition: v.definition as PipelineDefinition, yaml: v.yaml } } : null;
}

export async function findPipeline(key: string, client: Db | Tx = db()): Promise<PipelineRow | null> {
  const p = await client.pipeline.findUnique({ where: { key }, include: latest });
  return p ? toRow(p) : null;
}

export async function listPipelineRows(): Promise<PipelineRow[]> {
  const rows = await db().pipeline.findMany({ orderBy: { key: 'asc' }, include: latest });
  return rows.map(toRow).filter((r): r is PipelineRow => r !== null);
}

/** Locks the pipeline row: train numbers are computed under it, so concurrent starts cannot collide. */
export async function lockPipeline(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Pipeline" WHERE id = ${id} FOR UPDATE`;
}

export const pipelineCount = () => db().pipeline.count();
