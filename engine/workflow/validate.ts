// Validation of a workflow as written by a person. Every issue names where it is (a path) and, for
// steps, the step id and field, because the author fixes the text, not a zod tree. Shape errors
// do not stop the semantic checks: well-formed steps are still checked, so one pass shows everything.
import type { z } from 'zod';
import { actionCatalog } from '../actions/catalog';
import type { ActionLookup } from '../actions/definition';
import { stepSchema, workflowSchema, type WorkflowDefinition } from './schema';
import { checkSemantics, stepLabel, type SemanticInput } from './validate-semantics';

export interface WorkflowIssue {
  /** Dotted path into the document, e.g. `steps.2.with.colour`. */
  path: string;
  step?: string;
  field?: string;
  /** Self-contained sentence naming the step and field, fit to show as is. */
  message: string;
}

export type WorkflowValidation = { ok: true; workflow: WorkflowDefinition } | { ok: false; issues: WorkflowIssue[] };

export interface ValidateOptions {
  /** The secrets an admin granted to this workflow; when given, a step naming any other fails. */
  secretGrants?: readonly string[];
}

export function validateWorkflow(input: unknown, catalog: ActionLookup = actionCatalog, opts: ValidateOptions = {}): WorkflowValidation {
  const parsed = workflowSchema.safeParse(input);
  const raw = isRecord(input) ? input : {};
  const rawSteps = Array.isArray(raw.steps) ? raw.steps : [];
  const rawIds = rawSteps.map((s) => (isRecord(s) && typeof s.id === 'string' ? s.id : undefined));

  const issues = parsed.success ? [] : parsed.error.issues.flatMap((i) => shapeIssues(i, rawIds));
  const semantic = semanticInput(parsed.success ? parsed.data : undefined, raw, rawSteps, rawIds);
  issues.push(...checkSemantics({ ...semantic, secretGrants: opts.secretGrants }, catalog));

  if (parsed.success && issues.length === 0) return { ok: true, workflow: parsed.data };
  return { ok: false, issues };
}

/** What the semantic checks can use: the parsed workflow, or else whichever parts are well formed. */
function semanticInput(
  workflow: WorkflowDefinition | undefined,
  raw: Record<string, unknown>,
  rawSteps: unknown[],
  rawIds: (string | undefined)[],
): SemanticInput {
  const steps = workflow
    ? workflow.steps.map((step, index) => ({ index, step }))
    : rawSteps.flatMap((s, index) => {
        const one = stepSchema.safeParse(s);
        return one.success ? [{ index, step: one.data }] : [];
      });
  const trigger = isRecord(raw.trigger) ? raw.trigger : {};
  const concurrency = isRecord(raw.concurrency) ? raw.concurrency : {};
  return {
    steps,
    allIds: rawIds,
    filter: typeof trigger.filter === 'string' ? trigger.filter : undefined,
    concurrencyKey: typeof concurrency.key === 'string' ? concurrency.key : undefined,
    layoutKeys: isRecord(raw.layout) ? Object.keys(raw.layout) : [],
    name: typeof raw.name === 'string' ? raw.name : undefined,
  };
}

function shapeIssues(issue: z.core.$ZodIssue, rawIds: (string | undefined)[]): WorkflowIssue[] {
  const path = issue.path.map(String);
  const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
  return unknownKeys.map((key) => {
    const full = key === undefined ? path : [...path, key];
    const text = key === undefined ? friendly(issue) : 'unknown field';
    if (full[0] === 'steps' && full.length >= 2 && /^\d+$/.test(full[1])) {
      const index = Number(full[1]);
      const field = full.slice(2).join('.') || undefined;
      const step = rawIds[index];
      const where = field ? `${stepLabel(step, index)}: ${field}` : stepLabel(step, index);
      return { path: full.join('.'), step, field, message: `${where}: ${text}` };
    }
    const where = full.join('.') || 'workflow';
    return { path: full.join('.'), field: full.join('.') || undefined, message: `${where}: ${text}` };
  });
}

function friendly(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return 'is required';
  return issue.message;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One line per issue, for the CLI and for error toasts. */
export function formatIssues(issues: readonly WorkflowIssue[]): string {
  const head = issues.length === 1 ? '1 problem in the workflow:' : `${issues.length} problems in the workflow:`;
  return [head, ...issues.map((i) => `  - ${i.message}`)].join('\n');
}
