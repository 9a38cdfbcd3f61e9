// Publishing a pipeline from its text (YAML/JSON, kind: Pipeline) or object form. A new version
// only when the definition changed, so re-importing a file from git is a no-op. Stations must name
// workflows and sources that exist; the error names the field (stations.N.reachedBy.workflow).
import { isDeepStrictEqual } from 'node:util';
import { stringify } from 'yaml';
import { ZodError } from 'zod';
import { checkPipeline, pipelineSchema, type PipelineDefinition } from '@/engine/trains/pipeline-schema';
import { parseWorkflowText, WorkflowTextError } from '@/engine/workflow/text';
import { recordAudit } from '../audit/record-audit';
import { actorKey, authorize, type Actor } from '../auth/authorize';
import type { Principal } from '../auth/principal';
import { db, type Tx } from '../db/client';
import { Prisma } from '../db/generated/client';
import { AppError, badRequest } from '../errors';
import { findPipeline, type PipelineRow } from '../repositories/pipelines';
import { findSource } from '../repositories/sources';
import { ensureInternalSource, INTERNAL_SOURCE } from './emit-event';

export type PipelineInput = ({ text: string } | { object: unknown }) & { message?: string };

export function parsePipeline(input: { text: string } | { object: unknown }): PipelineDefinition {
  let raw: unknown;
  if ('text' in input) {
    try {
      raw = parseWorkflowText(input.text);
    } catch (err) {
      if (err instanceof WorkflowTextError) throw badRequest(`pipeline text: ${err.message.replace('workflow text', 'text')}`);
      throw err;
    }
  } else raw = input.object;
  try {
    const def = pipelineSchema.parse(raw);
    const issues = checkPipeline(def);
    if (issues.length) throw badRequest(`pipeline is invalid: ${issues.map((i) => i.message).join('; ')}`, issues);
    return def;
  } catch (err) {
    if (!(err instanceof ZodError)) throw err;
    const issues = err.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: `${i.path.join('.') || '(root)'}: ${i.message}` }));
    throw badRequest(`pipeline is invalid: ${issues.map((i) => i.message).join('; ')}`, issues);
  }
}

/** Stations name workflows and event sources that exist (or that `declared` says an import brings); so does startOn. */
export async function referenceProblems(def: PipelineDefinition, declared: { workflow(name: string): boolean; source(key: string): boolean } = { workflow: () => false, source: () => false }): Promise<string[]> {
  const problems: string[] = [];
  const sourceExists = async (key: string) => {
    if (key === INTERNAL_SOURCE) return (await ensureInternalSource(), true);
    return declared.source(key) || (await findSource(key)) !== null;
  };
  for (const [i, s] of def.stations.entries()) {
    if ('workflow' in s.reachedBy) {
      const name = s.reachedBy.workflow;
      if (!declared.workflow(name) && !(await db().workflow.findUnique({ where: { name }, select: { id: true } }))) problems.push(`stations.${i}.reachedBy.workflow: no workflow "${name}" (publish it first: POST /api/workflows)`);
    } else if (!(await sourceExists(s.reachedBy.event.source))) {
      problems.push(`stations.${i}.reachedBy.event.source: unknown source "${s.reachedBy.event.source}" (create it first: POST /api/sources)`);
    }
  }
  if (def.startOn && !(await sourceExists(def.startOn.source))) problems.push(`startOn.source: unknown source "${def.startOn.source}"`);
  return problems;
}

async function checkReferences(def: PipelineDefinition): Promise<void> {
  const problems = await referenceProblems(def);
  if (problems.length) throw badRequest(problems.join('; '), problems.map((m) => ({ path: m.split(':')[0], message: m })));
}

/** A new version when the definition changed (null when it did not), audited, in the caller's transaction. */
export async function writePipelineVersion(tx: Tx, def: PipelineDefinition, text: string | null, publisher: Principal, message = ''): Promise<number | null> {
  const plain = JSON.parse(JSON.stringify(def));
  const p = await tx.pipeline.upsert({ where: { key: def.key }, create: { key: def.key, name: def.name }, update: { name: def.name },
    include: { versions: { orderBy: { version: 'desc' }, take: 1 } } });
  const latest = p.versions[0];
  if (latest && isDeepStrictEqual(latest.definition, plain)) return null;
  const version = (latest?.version ?? 0) + 1;
  await tx.pipelineVersion.create({ data: { pipelineId: p.id, version, definition: plain as Prisma.InputJsonValue,
    yaml: text ?? pipelineYaml(def), publishedBy: actorKey(publisher), message: message.trim().slice(0, 2000) } });
  await recordAudit(tx, { actor: publisher, action: 'pipeline.publish', subjectType: 'pipeline', subjectId: def.key,
    before: latest ? { version: latest.version, definition: latest.definition } : null, after: { version, definition: plain } });
  return version;
}

export const pipelineYaml = (def: PipelineDefinition) => stringify(JSON.parse(JSON.stringify(def)), { lineWidth: 0 });

export async function publishPipeline(actor: Actor, input: PipelineInput): Promise<{ pipeline: PipelineRow; created: boolean }> {
  const publisher = authorize(actor, 'pipelines.publish');
  const def = parsePipeline(input);
  await checkReferences(def);
  try {
    const created = await db().$transaction(async (tx) =>
      (await writePipelineVersion(tx, def, 'text' in input ? input.text : null, publisher, input.message)) !== null);
    return { pipeline: (await findPipeline(def.key))!, created };
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw new AppError('conflict', `pipeline "${def.key}" was published concurrently; retry`);
    throw err;
  }
}
