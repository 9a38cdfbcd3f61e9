// Structural diff of two workflow versions, in plain words a reviewer can read:
//   step "notify" added after "deploy"
//   param "bump" of step "version" changed from "patch" to "minor"
//   edge deploy → notify now on failure
// Layout-only changes (a node moved) are reported apart (`layout: true`) so they never drown the
// real ones. The unified text diff of the YAML forms goes alongside (see `textDiff`).
import { createTwoFilesPatch } from 'diff';
import type { EdgeCondition, WorkflowDefinition, WorkflowStep } from './schema';
import { toWorkflowYaml } from './text';

export type ChangeKind =
  | 'workflow-changed'
  | 'trigger-changed'
  | 'step-added'
  | 'step-removed'
  | 'step-changed'
  | 'param-added'
  | 'param-removed'
  | 'param-changed'
  | 'edge-added'
  | 'edge-removed'
  | 'edge-changed'
  | 'step-moved';

export interface WorkflowChange {
  kind: ChangeKind;
  step?: string;
  field?: string;
  from?: unknown;
  to?: unknown;
  text: string;
  /** True for changes that only move nodes on the canvas. */
  layout?: boolean;
}

export interface WorkflowDiff {
  changes: WorkflowChange[];
  /** Unified diff of the canonical YAML of both versions. */
  text: string;
}

const show = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const conditionOf = (s: WorkflowStep, need: string): EdgeCondition => s.needsOn?.[need] ?? 'success';

export function diffWorkflows(a: WorkflowDefinition, b: WorkflowDefinition, labels = { from: 'a', to: 'b' }): WorkflowDiff {
  const changes: WorkflowChange[] = [];
  for (const field of ['description', 'enabled', 'concurrency'] as const) {
    if (!same(a[field], b[field])) {
      changes.push({ kind: 'workflow-changed', field, from: a[field], to: b[field], text: `${field} changed from ${show(a[field])} to ${show(b[field])}` });
    }
  }
  for (const field of ['source', 'type', 'filter'] as const) {
    if (a.trigger[field] !== b.trigger[field]) {
      changes.push({ kind: 'trigger-changed', field, from: a.trigger[field], to: b.trigger[field], text: `trigger ${field} changed from ${show(a.trigger[field])} to ${show(b.trigger[field])}` });
    }
  }
  const before = new Map(a.steps.map((s) => [s.id, s]));
  const after = new Map(b.steps.map((s) => [s.id, s]));
  for (const s of b.steps) {
    if (before.has(s.id)) continue;
    const where = s.needs.length ? ` after ${s.needs.map((n) => `"${n}"`).join(', ')}` : '';
    changes.push({ kind: 'step-added', step: s.id, to: s.action, text: `step "${s.id}" (${s.action}) added${where}` });
  }
  for (const s of a.steps) {
    if (!after.has(s.id)) changes.push({ kind: 'step-removed', step: s.id, from: s.action, text: `step "${s.id}" (${s.action}) removed` });
  }
  for (const s of b.steps) {
    const old = before.get(s.id);
    if (old) changes.push(...diffStep(old, s));
  }
  changes.push(...diffEdges(a.steps, b.steps, before, after));
  changes.push(...diffLayout(a, b));
  return { changes, text: textDiff(a, b, labels) };
}

function diffStep(a: WorkflowStep, b: WorkflowStep): WorkflowChange[] {
  const out: WorkflowChange[] = [];
  const id = b.id;
  for (const field of ['action', 'description', 'if', 'retry', 'timeoutMs'] as const) {
    if (!same(a[field], b[field])) {
      out.push({ kind: 'step-changed', step: id, field, from: a[field], to: b[field], text: `${field} of step "${id}" changed from ${show(a[field])} to ${show(b[field])}` });
    }
  }
  const keys = new Set([...Object.keys(a.with), ...Object.keys(b.with)]);
  for (const key of keys) {
    const from = a.with[key];
    const to = b.with[key];
    if (same(from, to)) continue;
    if (from === undefined) out.push({ kind: 'param-added', step: id, field: key, to, text: `param "${key}" of step "${id}" set to ${show(to)}` });
    else if (to === undefined) out.push({ kind: 'param-removed', step: id, field: key, from, text: `param "${key}" of step "${id}" removed (was ${show(from)})` });
    else out.push({ kind: 'param-changed', step: id, field: key, from, to, text: `param "${key}" of step "${id}" changed from ${show(from)} to ${show(to)}` });
  }
  return out;
}

function diffEdges(
  aSteps: readonly WorkflowStep[],
  bSteps: readonly WorkflowStep[],
  before: Map<string, WorkflowStep>,
  after: Map<string, WorkflowStep>,
): WorkflowChange[] {
  const out: WorkflowChange[] = [];
  for (const s of bSteps) {
    const old = before.get(s.id);
    for (const need of s.needs) {
      const on = conditionOf(s, need);
      const edge = `${need} → ${s.id}`;
      if (!old) {
        if (before.has(need)) out.push({ kind: 'edge-added', step: s.id, field: need, to: on, text: `edge ${edge} added (on ${on})` });
        continue;
      }
      if (!old.needs.includes(need)) out.push({ kind: 'edge-added', step: s.id, field: need, to: on, text: `edge ${edge} added (on ${on})` });
      else if (conditionOf(old, need) !== on) {
        out.push({ kind: 'edge-changed', step: s.id, field: need, from: conditionOf(old, need), to: on, text: `edge ${edge} now on ${on}` });
      }
    }
  }
  for (const s of aSteps) {
    const now = after.get(s.id);
    if (!now) continue; // the step's removal already says it
    for (const need of s.needs) {
      if (!now.needs.includes(need) && after.has(need)) {
        out.push({ kind: 'edge-removed', step: s.id, field: need, from: conditionOf(s, need), text: `edge ${need} → ${s.id} removed` });
      }
    }
  }
  return out;
}

function diffLayout(a: WorkflowDefinition, b: WorkflowDefinition): WorkflowChange[] {
  const out: WorkflowChange[] = [];
  for (const [id, to] of Object.entries(b.layout ?? {})) {
    const from = a.layout?.[id];
    if (!from || !a.steps.some((s) => s.id === id) || !b.steps.some((s) => s.id === id)) continue;
    if (from.x !== to.x || from.y !== to.y) out.push({ kind: 'step-moved', step: id, from, to, layout: true, text: `step "${id}" moved on the canvas` });
  }
  return out;
}

export function textDiff(a: WorkflowDefinition, b: WorkflowDefinition, labels = { from: 'a', to: 'b' }): string {
  return createTwoFilesPatch(`${a.name}.yaml`, `${b.name}.yaml`, toWorkflowYaml(a), toWorkflowYaml(b), labels.from, labels.to, { context: 3 });
}

/** True when two definitions differ only in layout (or not at all). */
export function onlyLayoutChanged(d: WorkflowDiff): boolean {
  return d.changes.every((c) => c.layout);
}
