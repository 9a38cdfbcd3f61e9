// Turns a plugin's `--describe` answer into an ActionDefinition, so plugins are validated, documented
// and shown in the editor exactly like built-ins.
//
// JSON Schema → zod goes through zod's own `z.fromJSONSchema` (zod ≥ 4.2; package.json pins ^4.6).
// It covers what plugin params need — object/properties/required, string (minLength, maxLength,
// pattern, format), number/integer (minimum, maximum), boolean, array/items, enum/const, default,
// anyOf/oneOf — and it is marked semi-experimental upstream, so two rules are enforced here:
//   * `params` must be an object schema, and converting must yield a zod object;
//   * a params object without `additionalProperties` is treated as closed (`false`), like the
//     built-ins' strict objects, so a typo in `with:` is an error instead of a silently ignored key.
// Anything the converter rejects makes the plugin invalid (reported, skipped), never a crash.
import { z } from 'zod';
import type { ActionDefinition } from '@/engine/actions/definition';

/** Plugin executables are `railyard-action-<name>`; the action id is `plugin.<name>`. */
export const PLUGIN_PREFIX = 'railyard-action-';
export const PLUGIN_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const pluginActionId = (name: string) => `plugin.${name}`;

const jsonObject = z.record(z.string(), z.unknown());

export const describeSchema = z.object({
  title: z.string().min(1).max(200),
  description: z.string().max(4000).default(''),
  // Plugins touch other systems; only built-in meta actions may shape the run's variables.
  kind: z.literal('work').default('work'),
  params: jsonObject,
  outputs: jsonObject.default({}),
});

export type PluginDescription = z.infer<typeof describeSchema>;

/** Throws an Error whose message says what is wrong with the description. */
export function toDefinition(id: string, raw: unknown): ActionDefinition {
  const parsed = describeSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`invalid --describe output: ${detail}`);
  }
  const d = parsed.data;
  if (d.params.type !== 'object') throw new Error('params must be a JSON Schema with "type": "object"');
  const closed = 'additionalProperties' in d.params ? d.params : { ...d.params, additionalProperties: false };
  const params = convert(closed, 'params');
  if (!(params instanceof z.ZodObject)) throw new Error('params did not convert to an object schema');
  return { id, title: d.title, description: d.description, kind: d.kind, params, outputs: convert(d.outputs, 'outputs') };
}

function convert(schema: Record<string, unknown>, where: string): z.ZodType {
  try {
    return z.fromJSONSchema(schema as z.core.JSONSchema.JSONSchema);
  } catch (err) {
    throw new Error(`${where}: unsupported JSON Schema (${(err as Error).message})`);
  }
}
