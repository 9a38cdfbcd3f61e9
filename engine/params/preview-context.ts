// The context an editor preview evaluates against (DESIGN.md "Expression previews … secrets
// redacted"). Only the event is real; everything a run would add later is a visible stand-in:
// `secrets.NAME` is «secret NAME» (never resolved: previews load no secret at all),
// `steps.X.outputs.Y` is «steps.X.outputs.Y», unknown `vars.N` is «vars.N», run fields «run.id»…
// The stand-ins are placed at the paths the expressions actually read, found from JSONata's AST.
import jsonata from 'jsonata';
import { isPlainObject } from './template-scan';
import type { TemplateContext } from './template';

export interface PreviewEvent {
  id?: string;
  source?: string;
  type?: string;
  payload: unknown;
  headers?: Record<string, string>;
  receivedAt?: string;
}

type AstNode = { type?: string; value?: unknown; steps?: AstNode[]; stages?: unknown; predicate?: unknown; [k: string]: unknown };
const ROOTS = new Set(['steps', 'vars', 'secrets', 'run', 'event']);

/** Root-anchored name paths read by the expressions, e.g. ['steps','build','outputs','tag']. Unparsable ones are skipped. */
export function referencedPaths(expressions: readonly string[]): string[][] {
  const found: string[][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as AstNode;
    if (n.type === 'path' && Array.isArray(n.steps)) {
      const names: string[] = [];
      for (const step of n.steps) {
        if (step.type !== 'name' || typeof step.value !== 'string') break;
        names.push(step.value);
        if (step.stages || step.predicate) break; // `items[0].name`: stand-in at `items`
      }
      if (names.length > 0 && ROOTS.has(names[0])) found.push(names);
    } else if (n.type === 'name' && typeof n.value === 'string' && ROOTS.has(n.value)) found.push([n.value]);
    for (const v of Object.values(n)) if (v && typeof v === 'object') walk(v);
  };
  for (const expr of expressions) {
    try {
      walk(jsonata(expr).ast());
    } catch {
      // a parse error is reported by the evaluation itself
    }
  }
  return found;
}

/** Sets `value` at `path` inside `root` unless something is there already (a real value wins). */
function place(root: Record<string, unknown>, path: string[], value: unknown) {
  let at = root;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (next === undefined || typeof next === 'string') at[key] = {};
    else if (!isPlainObject(next)) return;
    at = at[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (at[last] === undefined) at[last] = value;
}

export interface PreviewInput {
  event: PreviewEvent;
  expressions: readonly string[];
  /** Variables known while editing (literal values of upstream vars.set steps). */
  vars?: Record<string, unknown>;
  workflow?: string;
  version?: number;
}

export function previewContext(input: PreviewInput): TemplateContext {
  const steps: Record<string, unknown> = {};
  const vars: Record<string, unknown> = { ...(input.vars ?? {}) };
  const secrets: Record<string, string> = {};
  const paths = referencedPaths(input.expressions);
  // Longest first, so `steps.a.outputs.body.items` is a stand-in inside the object `steps.a.outputs.body`.
  for (const path of [...paths].sort((a, b) => b.length - a.length)) {
    const [root, ...rest] = path;
    if (rest.length === 0) continue;
    if (root === 'steps') place(steps, rest, `«${path.join('.')}»`);
    else if (root === 'vars') place(vars, rest, `«${path.join('.')}»`);
    else if (root === 'secrets') secrets[rest[0]] = `«secret ${rest[0]}»`;
  }
  const e = input.event;
  return {
    event: {
      id: e.id ?? '«event.id»',
      source: e.source ?? '«event.source»',
      type: e.type ?? '«event.type»',
      payload: e.payload,
      headers: e.headers ?? {},
      receivedAt: e.receivedAt ?? '«event.receivedAt»',
    },
    steps: steps as TemplateContext['steps'],
    vars,
    secrets,
    run: { id: '«run.id»', number: '«run.number»', workflow: input.workflow ?? '«run.workflow»', version: input.version ?? '«run.version»' },
  };
}

export type PreviewType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'undefined';

export function typeOfValue(v: unknown): PreviewType {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
}

export const TRUNCATION_MARKER = '… [preview truncated]';

/** The value as sent to the browser: itself when its JSON fits in `maxChars`, else its JSON cut with a marker. */
export function capPreview(value: unknown, maxChars: number): { value: unknown; type: PreviewType; truncated: boolean } {
  const type = typeOfValue(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  if (text.length <= maxChars) return { value: value === undefined ? null : value, type, truncated: false };
  return { value: text.slice(0, maxChars) + TRUNCATION_MARKER, type, truncated: true };
}
