// What a step does, in plain words: "tags the commit with `v{{ version }}` in repository `shop/web`".
// Built-in actions have phrase templates (action-phrases.ts); any other action (plugins) gets the
// generic "calls <title> with repo = …". Works from the action's JSON description (GET /api/actions
// or describeAction), so the browser and the server describe a step the same way.
import type { WorkflowStep } from '../workflow/schema';
import { ACTION_PHRASES, type PhraseParams } from './action-phrases';
import { code, listInWords, valueInWords } from './describe-value';
import { conditionInWords } from './filter-words';

/** The parts of an action's description a step's documentation uses (ActionDescription fits). */
export interface ActionDoc {
  id: string;
  title: string;
  description: string;
  /** JSON Schema of the params; only `properties.<name>.description` is read. */
  params?: unknown;
}

export interface StepParamDoc {
  name: string;
  /** The value in words (a reference reads as where it comes from). */
  value: string;
  /** The action's own help for this parameter. */
  help: string | null;
}

export interface StepDoc {
  id: string;
  action: string;
  /** The action's title, or the id when the action is unknown here. */
  actionTitle: string;
  actionDescription: string | null;
  /** The author's "why" of this step. */
  description: string;
  /** What the step does, lower-case, without a subject: "tags the commit with …". */
  phrase: string;
  /** When it runs, if not simply after the steps it needs: "only if …", "after `x` fails". */
  when: string | null;
  params: StepParamDoc[];
}

const GENERIC_LIMIT = 4;

function paramHelp(action: ActionDoc | undefined, name: string): string | null {
  const props = (action?.params as { properties?: Record<string, { description?: unknown }> } | undefined)?.properties;
  const help = props && Object.hasOwn(props, name) ? props[name]?.description : undefined;
  return typeof help === 'string' ? help : null;
}

function phraseParams(w: Record<string, unknown>): PhraseParams {
  const has = (k: string) => Object.hasOwn(w, k) && w[k] !== undefined;
  return { raw: (k) => (has(k) ? w[k] : undefined), v: (k) => (has(k) ? valueInWords(w[k]) : undefined), has };
}

/** "calls Deploy with target = `web`, region = `eu`" (at most four, then "and 2 more"). */
export function genericPhrase(title: string, w: Record<string, unknown>): string {
  const entries = Object.entries(w).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return `calls ${title}`;
  const shown = entries.slice(0, GENERIC_LIMIT).map(([k, v]) => `${k} = ${valueInWords(v)}`);
  const more = entries.length - shown.length;
  return `calls ${title} with ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function whenInWords(step: Pick<WorkflowStep, 'if' | 'needsOn'>): string | null {
  const parts: string[] = [];
  for (const [need, on] of Object.entries(step.needsOn ?? {})) {
    parts.push(on === 'failure' ? `after ${code(need)} fails` : `after ${code(need)} finishes, whatever its outcome`);
  }
  if (step.if) parts.push(`only if ${conditionInWords(step.if)}`);
  return parts.length > 0 ? listInWords(parts) : null;
}

export function describeStep(step: Pick<WorkflowStep, 'id' | 'action' | 'with' | 'description' | 'if' | 'needsOn'>, action: ActionDoc | undefined): StepDoc {
  const w = step.with ?? {};
  const template = Object.hasOwn(ACTION_PHRASES, step.action) ? ACTION_PHRASES[step.action] : undefined;
  const title = action?.title ?? step.action;
  return {
    id: step.id,
    action: step.action,
    actionTitle: title,
    actionDescription: action?.description ?? null,
    description: step.description ?? '',
    phrase: template ? template(phraseParams(w)) : genericPhrase(title, w),
    when: whenInWords(step),
    params: Object.entries(w)
      .filter(([, v]) => v !== undefined)
      .map(([name, v]) => ({ name, value: valueInWords(v), help: paramHelp(action, name) })),
  };
}

/** Every step of a definition, described with the catalog at hand (missing actions get the generic phrase). */
export function describeSteps(
  steps: readonly Pick<WorkflowStep, 'id' | 'action' | 'with' | 'description' | 'if' | 'needsOn'>[],
  actions: readonly ActionDoc[],
): StepDoc[] {
  const byId = new Map(actions.map((a) => [a.id, a]));
  return steps.map((s) => describeStep(s, byId.get(s.action)));
}
