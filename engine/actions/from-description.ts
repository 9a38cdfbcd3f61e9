// The browser gets the catalog as JSON Schema (GET /api/actions). To validate a workflow while it
// is edited, with the same rules the server applies at publish, the schemas are turned back into
// zod with zod's own converter. A schema the converter cannot read leaves that action's params
// unchecked on the client (the server still checks them at publish), never a crash.
import { z } from 'zod';
import type { ActionDescription } from './catalog';
import type { ActionDefinition } from './definition';

const OPEN = z.looseObject({});

export function definitionFromDescription(d: ActionDescription): ActionDefinition {
  return { id: d.id, title: d.title, description: d.description, kind: d.kind, params: toObject(d.params), outputs: toType(d.outputs) };
}

export function catalogFromDescriptions(list: readonly ActionDescription[]): Map<string, ActionDefinition> {
  return new Map(list.map((d) => [d.id, definitionFromDescription(d)]));
}

function toObject(schema: ActionDescription['params']): z.ZodObject {
  const t = toType(schema);
  return t instanceof z.ZodObject ? t : OPEN;
}

function toType(schema: ActionDescription['params']): z.ZodType {
  try {
    return z.fromJSONSchema(schema as z.core.JSONSchema.JSONSchema);
  } catch {
    return z.unknown();
  }
}
