// The chain of events behind the Processes view: for every (source, type), which enabled workflows
// listen to it, which emit it (event.emit) and which wait for it (event.wait, e.g. a CI callback);
// and for every workflow, the workflows before and after it in the story. Pure: the caller loads
// the registry and the latest versions. Disabled workflows neither listen nor emit.
import type { WorkflowDefinition } from '../workflow/schema';
import { filterInWords } from './filter-words';

/** Railyard's own events (server/use-cases/emit-event.ts INTERNAL_SOURCE); event.emit's default source. */
export const INTERNAL_EVENT_SOURCE = 'railyard';

export interface ProcessWorkflowInput {
  name: string;
  version: number;
  description: string;
  enabled: boolean;
  definition: WorkflowDefinition;
}

export interface ProcessEventInput {
  source: string;
  type: string;
  description: string;
  registered: boolean;
}

export interface ListenerRef {
  name: string;
  version: number;
  description: string;
  owner: string | null;
  filter: string | null;
  filterInWords: string | null;
}

export interface StepRef {
  workflow: string;
  step: string;
  description: string;
  /** event.wait only: the match expression, if any. */
  match?: string | null;
}

export interface ProcessEntry {
  source: string;
  type: string;
  description: string;
  /** False when only a workflow mentions it (nobody registered it in the registry). */
  registered: boolean;
  listeners: ListenerRef[];
  emittedBy: StepRef[];
  awaitedBy: StepRef[];
}

/** An event a step emits or waits for; `dynamic` when source or type is a template known only at run time. */
export interface StepEventLink {
  step: string;
  kind: 'emits' | 'awaits';
  source: string;
  type: string;
  dynamic: boolean;
}

export interface WorkflowChain {
  name: string;
  trigger: { source: string; type: string };
  links: StepEventLink[];
  /**
   * Workflows whose steps emit the event that starts this one, or wait for it too (the CI callback
   * a release waits for is the one that starts the deploy).
   */
  upstream: { workflow: string; step: string; source: string; type: string; kind: 'emits' | 'awaits' }[];
  /** Workflows started by an event this one emits or waits for. */
  downstream: { workflow: string; step: string; source: string; type: string; kind: 'emits' | 'awaits' }[];
}

export interface ProcessGraph {
  entries: ProcessEntry[];
  workflows: Record<string, WorkflowChain>;
}

export const eventKey = (source: string, type: string) => `${source}/${type}`;
/** The HTML id of an event type's section on /processes (and its #fragment). */
export const eventAnchor = (source: string, type: string) => `ev-${source}/${type}`;
/** The HTML id of a workflow's card on /processes. */
export const workflowAnchor = (name: string) => `wf-${name}`;

const isDynamic = (v: unknown) => typeof v !== 'string' || v.includes('{{');

/** The events one workflow's steps emit or wait for, in step order. */
export function stepEventLinks(def: Pick<WorkflowDefinition, 'steps'>): StepEventLink[] {
  const links: StepEventLink[] = [];
  for (const step of def.steps) {
    if (step.action !== 'event.emit' && step.action !== 'event.wait') continue;
    const emits = step.action === 'event.emit';
    const source = step.with.source ?? (emits ? INTERNAL_EVENT_SOURCE : undefined);
    const type = step.with.type;
    links.push({
      step: step.id,
      kind: emits ? 'emits' : 'awaits',
      source: String(source ?? ''),
      type: String(type ?? ''),
      dynamic: isDynamic(source) || isDynamic(type),
    });
  }
  return links;
}

export function buildProcessGraph(eventTypes: readonly ProcessEventInput[], workflows: readonly ProcessWorkflowInput[]): ProcessGraph {
  const entries = new Map<string, ProcessEntry>();
  const entry = (source: string, type: string): ProcessEntry => {
    const key = eventKey(source, type);
    let e = entries.get(key);
    if (!e) entries.set(key, (e = { source, type, description: '', registered: false, listeners: [], emittedBy: [], awaitedBy: [] }));
    return e;
  };
  for (const t of eventTypes) Object.assign(entry(t.source, t.type), { description: t.description, registered: t.registered });

  const live = workflows.filter((w) => w.enabled && w.definition.enabled !== false);
  const chains: Record<string, WorkflowChain> = {};
  for (const w of live) {
    const def = w.definition;
    entry(def.trigger.source, def.trigger.type).listeners.push({
      name: w.name,
      version: w.version,
      description: w.description || def.description,
      owner: def.owner ?? null,
      filter: def.trigger.filter ?? null,
      filterInWords: filterInWords(def.trigger.filter),
    });
    const links = stepEventLinks(def);
    for (const link of links.filter((l) => !l.dynamic)) {
      const step = def.steps.find((s) => s.id === link.step)!;
      const ref: StepRef = { workflow: w.name, step: step.id, description: step.description };
      if (link.kind === 'emits') entry(link.source, link.type).emittedBy.push(ref);
      else entry(link.source, link.type).awaitedBy.push({ ...ref, match: typeof step.with.match === 'string' ? step.with.match : null });
    }
    chains[w.name] = { name: w.name, trigger: { source: def.trigger.source, type: def.trigger.type }, links, upstream: [], downstream: [] };
  }

  for (const chain of Object.values(chains)) {
    for (const link of chain.links.filter((l) => !l.dynamic)) {
      for (const listener of entries.get(eventKey(link.source, link.type))?.listeners ?? []) {
        if (listener.name === chain.name) continue; // a workflow waiting for its own trigger type tells no story
        const at = { workflow: chain.name, step: link.step, source: link.source, type: link.type, kind: link.kind };
        chain.downstream.push({ ...at, workflow: listener.name });
        chains[listener.name]?.upstream.push(at);
      }
    }
  }

  const sorted = [...entries.values()].sort((a, b) => a.source.localeCompare(b.source) || a.type.localeCompare(b.type));
  for (const e of sorted) e.listeners.sort((a, b) => a.name.localeCompare(b.name));
  return { entries: sorted, workflows: chains };
}
