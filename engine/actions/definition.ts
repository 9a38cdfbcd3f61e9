// An action's definition is its public contract: id, docs and schemas. It is pure data so the editor,
// the docs and the validator can import it anywhere; the side-effecting handler lives in server/.
import type { z } from 'zod';

export interface ActionDefinition<P extends z.ZodObject = z.ZodObject, O extends z.ZodType = z.ZodType> {
  /** Stable id used in workflow text (`action: http.request`); never renamed once published. */
  id: string;
  title: string;
  /** Markdown-free prose shown in the editor's action picker and the generated docs. */
  description: string;
  /** `meta` shapes the run's variables; `work` touches another system. */
  kind: 'meta' | 'work';
  /** A strict object, so a typo in `with:` is an error rather than a silently ignored key. */
  params: P;
  outputs: O;
}

/**
 * Identity helper: returns `def` unchanged but infers the literal id and the concrete schema types,
 * so `z.infer<typeof log.params>` is precise where a plain `ActionDefinition` annotation would widen it.
 */
export function defineAction<const Id extends string, P extends z.ZodObject, O extends z.ZodType>(
  def: ActionDefinition<P, O> & { id: Id },
): ActionDefinition<P, O> & { id: Id } {
  return def;
}

/** Where validation looks actions up: the built-in catalog, or one extended by plugins. */
export type ActionLookup = ReadonlyMap<string, ActionDefinition> | Readonly<Record<string, ActionDefinition>>;

export function lookupAction(catalog: ActionLookup, id: string): ActionDefinition | undefined {
  if (catalog instanceof Map) return catalog.get(id);
  const record = catalog as Readonly<Record<string, ActionDefinition>>;
  // hasOwn so ids such as "constructor" or "__proto__" never resolve to Object.prototype members.
  return Object.hasOwn(record, id) ? record[id] : undefined;
}
