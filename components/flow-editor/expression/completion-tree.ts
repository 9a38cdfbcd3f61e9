// What an expression may read at one place of the workflow, as a tree of names for completion
// (DESIGN.md "Parameters"): `event` (payload paths from the type's sample and stored events),
// `steps.<id>.outputs…` for steps upstream of this one (from their actions' output schemas),
// `vars.<name>` from upstream vars.set steps, `secrets.<NAME>` granted or already used, and `run`.
// A trigger filter sees `event` only. Pure: unit-tested without CodeMirror.
import { findExpressions } from '@/engine/params/template';
import { hasTemplate } from '@/engine/params/template-scan';
import type { WorkflowDefinition } from '@/engine/workflow/schema';

export type CompletionNode = { detail?: string; info?: string; children?: Record<string, CompletionNode> };
type Schema = { type?: unknown; description?: string; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[] };

const MAX_DEPTH = 6;
const MAX_KEYS = 200;

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Names from sample values, merged across samples (a key seen in any of them is offered). */
export function fromValues(values: readonly unknown[], depth = 0): Record<string, CompletionNode> | undefined {
  const out: Record<string, CompletionNode> = {};
  const objects = values.flatMap((v) => (Array.isArray(v) ? v.slice(0, 5) : [v])).filter((v): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v));
  for (const obj of objects) {
    for (const [key, v] of Object.entries(obj).slice(0, MAX_KEYS)) {
      const seen = out[key] ?? { detail: typeName(v), info: typeof v === 'object' && v !== null ? undefined : `e.g. ${JSON.stringify(v)?.slice(0, 80)}` };
      out[key] = seen;
      if (depth < MAX_DEPTH && v && typeof v === 'object') {
        const nested = fromValues([v], depth + 1);
        if (nested) seen.children = { ...seen.children, ...nested };
      }
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Names from a JSON Schema's properties (array items' properties too, reached through `[0]`). */
export function fromSchema(schema: Schema | undefined, depth = 0): Record<string, CompletionNode> | undefined {
  if (!schema || depth > MAX_DEPTH) return undefined;
  const target = schema.items ?? schema;
  if (!target.properties) return undefined;
  const out: Record<string, CompletionNode> = {};
  for (const [key, s] of Object.entries(target.properties)) {
    out[key] = { detail: Array.isArray(s.type) ? s.type.join(' | ') : typeof s.type === 'string' ? s.type : undefined, info: s.description, children: fromSchema(s, depth + 1) };
  }
  return out;
}

/** Every step this one waits for, directly or through others. */
export function upstreamOf(def: Pick<WorkflowDefinition, 'steps'>, stepId: string): string[] {
  const byId = new Map(def.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const visit = (id: string) => {
    for (const need of byId.get(id)?.needs ?? []) {
      if (seen.has(need) || !byId.has(need)) continue;
      seen.add(need);
      visit(need);
    }
  };
  visit(stepId);
  return def.steps.map((s) => s.id).filter((id) => seen.has(id)); // in definition order
}

/** Variables set by upstream vars.set steps; literal values are known, templated ones are not. */
export function upstreamVars(def: Pick<WorkflowDefinition, 'steps'>, stepId: string): { names: string[]; literals: Record<string, unknown> } {
  const literals: Record<string, unknown> = {};
  const names: string[] = [];
  for (const id of upstreamOf(def, stepId)) {
    const step = def.steps.find((s) => s.id === id)!;
    const values = step.action === 'vars.set' ? step.with.values : undefined;
    if (!values || typeof values !== 'object' || Array.isArray(values)) continue;
    for (const [name, v] of Object.entries(values)) {
      if (!names.includes(name)) names.push(name);
      if (hasTemplate(v)) delete literals[name];
      else literals[name] = v;
    }
  }
  return { names, literals };
}

const SECRET_REF = /\bsecrets\.([A-Z][A-Z0-9_]*)/g;

/** Secret names granted to the workflow, plus those its steps already use. */
export function secretNames(def: Pick<WorkflowDefinition, 'steps'>, grants: readonly string[]): string[] {
  const names = new Set(grants);
  for (const step of def.steps) for (const expr of [...findExpressions(step.with), step.if ?? '']) for (const m of expr.matchAll(SECRET_REF)) names.add(m[1]);
  return [...names].sort();
}

const leaf = (detail: string, info?: string): CompletionNode => ({ detail, info });

export interface TreeInput {
  definition: Pick<WorkflowDefinition, 'steps' | 'trigger'>;
  /** The step whose field is edited; absent for the trigger filter (which sees `event` only). */
  stepId?: string;
  /** Output JSON Schema per action id (GET /api/actions `outputs`). */
  outputsByAction: Readonly<Record<string, unknown>>;
  /** The type's sample payload and stored events' payloads. */
  payloads: readonly unknown[];
  secretGrants: readonly string[];
}

export function buildCompletionTree(input: TreeInput): CompletionNode {
  const { definition: def, stepId } = input;
  const event: CompletionNode = {
    detail: 'object',
    info: `The ${def.trigger.source} / ${def.trigger.type} event that started the run.`,
    children: {
      id: leaf('string'),
      source: leaf('string', def.trigger.source),
      type: leaf('string', def.trigger.type),
      receivedAt: leaf('string', 'ISO time'),
      headers: leaf('object', 'Request headers, lower-cased names.'),
      payload: { detail: 'object', info: 'The event body.', children: fromValues(input.payloads) },
    },
  };
  if (stepId === undefined) return { children: { event } };
  const steps: Record<string, CompletionNode> = {};
  for (const id of upstreamOf(def, stepId)) {
    const step = def.steps.find((s) => s.id === id)!;
    steps[id] = {
      detail: step.action,
      info: step.description || undefined,
      children: {
        status: leaf('string', 'succeeded, failed, skipped…'),
        outputs: { detail: 'object', info: `Outputs of ${step.action}.`, children: fromSchema(input.outputsByAction[step.action] as Schema) },
      },
    };
  }
  const vars = upstreamVars(def, stepId);
  const secrets = secretNames(def, input.secretGrants);
  return {
    children: {
      event,
      steps: { detail: 'object', info: 'Steps upstream of this one.', children: steps },
      vars: { detail: 'object', info: 'Set by vars.set steps upstream.', children: Object.fromEntries(vars.names.map((n) => [n, leaf(n in vars.literals ? typeName(vars.literals[n]) : 'template', n in vars.literals ? `= ${JSON.stringify(vars.literals[n])}` : undefined)])) },
      secrets: { detail: 'object', info: 'Resolved only in the worker; redacted everywhere.', children: Object.fromEntries(secrets.map((n) => [n, leaf('secret')])) },
      run: { detail: 'object', children: { id: leaf('string'), number: leaf('number'), workflow: leaf('string'), version: leaf('number') } },
    },
  };
}

/** The names offered after `path` (e.g. ['event', 'payload']), or [] when the path leads nowhere known. */
export function completionsAt(tree: CompletionNode, path: readonly string[]): [string, CompletionNode][] {
  let node: CompletionNode | undefined = tree;
  for (const key of path) node = node?.children?.[key];
  return Object.entries(node?.children ?? {});
}
