// Workflows travel as the stored text of their newest version, so comments and layout survive
// review in git. Importing one goes through publish's own checks (validation with the action
// catalog, secret grants, shell.run) and its own write (writeWorkflowVersion), so an identical
// definition creates no version, exactly as re-publishing it would not.
import { isDeepStrictEqual } from 'node:util';
import { can } from '@/engine/auth/roles';
import { parseWorkflowText, WorkflowTextError } from '@/engine/workflow/text';
import { validateWorkflow } from '@/engine/workflow/validate';
import { stepSecretNames } from '@/engine/workflow/validate-secrets';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import { loadActionCatalog } from '../actions/catalog';
import { AppError } from '../errors';
import { findSource } from '../repositories/sources';
import { findSecretGrants, findWorkflow } from '../repositories/workflows';
import { latestVersionIn, listWorkflowTextsForExport } from '../repositories/registry-io';
import { ensureInternalSource, INTERNAL_SOURCE } from '../use-cases/emit-event';
import { checkShellAllowed, writeWorkflowVersion } from '../use-cases/publish-workflow';
import { defineKind, str, type Problem } from './kind';

type Item = { def: WorkflowDefinition; text: string; toGrant: string[] };

export const workflowKind = defineKind<Item>({
  kind: 'Workflow',
  nameOf: (data) => str(data.name),
  async exportDocuments() {
    return (await listWorkflowTextsForExport()).map((w) => w.yaml);
  },
  async check({ text }, ctx) {
    let raw: unknown;
    try {
      raw = parseWorkflowText(text);
    } catch (err) {
      if (err instanceof WorkflowTextError) return { problems: [{ message: err.message }] };
      throw err;
    }
    const name = str((raw as Record<string, unknown>).name) ?? '';
    // An admin's import grants the secrets its steps read (as an admin's publish does); an editor's may read only granted ones.
    const mayGrant = can(ctx.actor.role, 'secrets.manage');
    const granted = await findSecretGrants(name);
    const result = validateWorkflow(raw, await loadActionCatalog(), { secretGrants: mayGrant ? undefined : granted });
    const problems: Problem[] = result.ok ? [] : result.issues.map(({ step, field, message }) => ({ ...(step && { step }), ...(field && { field }), message }));
    // Checked even when the workflow is invalid, so one answer lists every problem.
    const trigger = (raw as { trigger?: { source?: unknown } }).trigger;
    const source = str(trigger?.source);
    if (source !== undefined && source !== INTERNAL_SOURCE && !ctx.declares('Source', source) && !(await findSource(source))) {
      problems.push({ field: 'trigger.source', message: `trigger.source: unknown source "${source}" (add a Source document for it, or create it first)` });
    }
    if (!result.ok) return { problems };
    const def = result.workflow;
    // An unchanged definition publishes nothing, so re-importing an admin's shell.run workflow is fine for an editor.
    const live = await findWorkflow(def.name);
    const unchanged = live !== null && isDeepStrictEqual(live.version.definition, JSON.parse(JSON.stringify(def)));
    try {
      if (!unchanged) await checkShellAllowed(ctx.actor, def.name, def.steps);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      problems.push({ step: def.steps.find((s) => s.action === 'shell.run')?.id, field: 'action', message: err.message });
    }
    const toGrant = mayGrant ? [...new Set(def.steps.flatMap((s) => stepSecretNames(s)))].filter((n) => !granted.includes(n)) : [];
    return problems.length > 0 ? { problems } : { item: { def, text, toGrant }, problems };
  },
  async apply(tx, { def, text, toGrant }, actor) {
    if (def.trigger.source === INTERNAL_SOURCE) await ensureInternalSource();
    const before = await latestVersionIn(tx, def.name);
    const wrote = await writeWorkflowVersion(tx, actor, def, { yaml: text, message: 'Imported from a registry export', toGrant });
    const version = (await latestVersionIn(tx, def.name)) ?? undefined;
    return { change: before === null ? 'created' : wrote ? 'updated' : 'unchanged', version };
  },
});
