// Text form of a workflow: what export writes and import reads, reviewed in git. YAML is the
// canonical form; JSON is accepted because it is YAML.
import { Document, isCollection, LineCounter, parseDocument, YAMLParseError } from 'yaml';
import type { WorkflowDefinition, WorkflowStep } from './schema';

export class WorkflowTextError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? message : `line ${line}, column ${column}: ${message}`);
    this.name = 'WorkflowTextError';
  }
}

/** Parses YAML or JSON into plain data; shape checks are validateWorkflow's job. */
export function parseWorkflowText(text: string): unknown {
  if (text.trim() === '') throw new WorkflowTextError('the workflow text is empty');
  if (nestsTooDeep(text)) throw new WorkflowTextError(`the workflow text nests deeper than ${MAX_TEXT_DEPTH} levels`);
  const lineCounter = new LineCounter();
  // uniqueKeys (the default) makes a repeated key an error: two `with:` blocks must not silently merge.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) throw toTextError(error, lineCounter);
  if (doc.contents === null) throw new WorkflowTextError('the workflow text has no content');
  return doc.toJS({ maxAliasCount: 100 });
}

/** Far beyond any real workflow; checked before parsing (see nestsTooDeep). */
const MAX_TEXT_DEPTH = 64;

/**
 * The yaml library recurses once per nesting level, and deep enough input overflows the stack;
 * at that edge V8 can abort the whole process (a RegExp compiled with no stack left) instead of
 * throwing. So flow brackets and chained "- " / "? " indicators are counted first. Brackets inside
 * quoted strings count too: harmless at this limit.
 */
function nestsTooDeep(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > MAX_TEXT_DEPTH) return true;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return /^[ \t]*(?:[-?][ \t]+){64}/m.test(text); // 64 = MAX_TEXT_DEPTH; unambiguous, so linear
}

function toTextError(error: YAMLParseError, lines: LineCounter): WorkflowTextError {
  const pos = lines.linePos(error.pos[0]);
  // The library's message repeats the position and appends a code excerpt; keep its first line.
  const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return new WorkflowTextError(message, pos.line, pos.col);
}

/** Serialises with a fixed key order and without empty defaults, so exports diff cleanly. */
export function toWorkflowYaml(def: WorkflowDefinition): string {
  const doc = new Document(toWorkflowPlain(def), { aliasDuplicateObjects: false });
  // Small leaf collections read best on one line, as in DESIGN.md: `needs: [version]`.
  for (const path of flowPaths(def)) {
    const node = doc.getIn(path, true);
    if (isCollection(node)) node.flow = true;
  }
  return doc.toString({ lineWidth: 0 });
}

/** Paths of the collections written in flow style (`[a, b]`, `{ x: 1 }`). */
export function flowPaths(def: WorkflowDefinition): (string | number)[][] {
  const flow: (string | number)[][] = [['trigger'], ['concurrency'], ...def.steps.flatMap((_, i) => [['steps', i, 'needs'], ['steps', i, 'retry']])];
  for (const id of Object.keys(def.layout ?? {})) flow.push(['layout', id]);
  return flow;
}

/** The plain data of the text form: fixed key order, empty defaults left out. */
export function toWorkflowPlain(def: WorkflowDefinition): Record<string, unknown> {
  const out: Record<string, unknown> = {
    apiVersion: def.apiVersion,
    kind: def.kind,
    name: def.name,
  };
  if (def.description) out.description = def.description;
  if (def.owner) out.owner = def.owner;
  out.enabled = def.enabled;
  out.trigger = compact({ source: def.trigger.source, type: def.trigger.type, filter: def.trigger.filter });
  if (def.concurrency) out.concurrency = { key: def.concurrency.key, onConflict: def.concurrency.onConflict };
  out.steps = def.steps.map(stepToPlain);
  if (def.layout && Object.keys(def.layout).length > 0) {
    out.layout = Object.fromEntries(Object.entries(def.layout).map(([id, p]) => [id, { x: p.x, y: p.y }]));
  }
  return out;
}

function stepToPlain(step: WorkflowStep): Record<string, unknown> {
  return compact({
    id: step.id,
    action: step.action,
    description: step.description || undefined,
    // Plain ids for ordinary edges; `{ step, on }` only where the edge has a condition.
    needs: step.needs.length > 0 ? step.needs.map((n) => (step.needsOn?.[n] ? { step: n, on: step.needsOn[n] } : n)) : undefined,
    if: step.if,
    with: Object.keys(step.with).length > 0 ? step.with : undefined,
    retry: step.retry && { attempts: step.retry.attempts, backoff: step.retry.backoff, delayMs: step.retry.delayMs },
    timeoutMs: step.timeoutMs,
  });
}

function compact(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}
