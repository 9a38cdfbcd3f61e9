// Pipelines travel as the stored text of their newest version (comments survive review in git).
// Importing one runs publish's checks (schema, duplicate stations, workflows and sources that
// exist or that the same stream declares) and its write (writePipelineVersion): an identical
// definition creates no version. Applied after workflows, which its stations name.
import { authorize } from '../auth/authorize';
import { AppError } from '../errors';
import { findPipeline, listPipelineRows } from '../repositories/pipelines';
import { parsePipeline, referenceProblems, writePipelineVersion } from '../use-cases/publish-pipeline';
import type { PipelineDefinition } from '@/engine/trains/pipeline-schema';
import { defineKind, str, type Problem } from './kind';

type Item = { def: PipelineDefinition; text: string };

export const pipelineKind = defineKind<Item>({
  kind: 'Pipeline',
  nameOf: (data) => str(data.key),
  async exportDocuments() {
    return (await listPipelineRows()).map((p) => p.version.yaml);
  },
  async check({ text }, ctx) {
    try {
      authorize(ctx.actor, 'pipelines.publish');
      const def = parsePipeline({ text });
      const problems: Problem[] = (await referenceProblems(def, { workflow: (n) => ctx.declares('Workflow', n), source: (k) => ctx.declares('Source', k) }))
        .map((message) => ({ field: message.split(':')[0], message }));
      return problems.length ? { problems } : { item: { def, text }, problems: [] };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const details = Array.isArray(err.details) ? (err.details as { path?: string; message: string }[]) : [];
      return { problems: details.length ? details.map((d) => ({ ...(d.path && { field: d.path }), message: d.message })) : [{ message: err.message }] };
    }
  },
  async apply(tx, { def, text }, actor) {
    const existed = await findPipeline(def.key, tx);
    const version = await writePipelineVersion(tx, def, text, actor, 'imported');
    if (version === null) return { change: 'unchanged' };
    return { change: existed ? 'updated' : 'created', version };
  },
});
