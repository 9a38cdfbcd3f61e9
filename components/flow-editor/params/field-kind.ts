// Which input a param gets, read from the action's JSON Schema (zod 4's `z.toJSONSchema(schema,
// {io: 'input'})`, as GET /api/actions serves it). Pure, so the mapping is unit-tested apart from
// React. Anything the form cannot show faithfully (anyOf, a schema without a type) is a JSON field.

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  description?: string;
  default?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  [key: string]: unknown;
};

export type FieldKind =
  | { kind: 'string'; format?: string }
  | { kind: 'enum'; options: (string | number | boolean)[] }
  | { kind: 'number'; integer: boolean; min?: number; max?: number }
  | { kind: 'boolean' }
  | { kind: 'object'; fields: ObjectField[] }
  | { kind: 'record'; value: FieldDescriptor }
  | { kind: 'array'; items: FieldDescriptor }
  | { kind: 'json' };

export type FieldDescriptor = FieldKind & { description?: string; default?: unknown; hasDefault: boolean };
export type ObjectField = { key: string; required: boolean; field: FieldDescriptor };

const isScalar = (v: unknown): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v);

/** The one non-null type of a schema, or undefined when it has none or several. */
function singleType(schema: JsonSchema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== 'null');
    return types.length === 1 ? types[0] : undefined;
  }
  return undefined;
}

function kindOf(schema: JsonSchema): FieldKind {
  if (Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every(isScalar)) return { kind: 'enum', options: schema.enum };
  if (schema.anyOf || schema.oneOf) return { kind: 'json' };
  switch (singleType(schema)) {
    case 'string':
      return { kind: 'string', ...(schema.format && { format: schema.format }) };
    case 'integer':
    case 'number':
      return { kind: 'number', integer: singleType(schema) === 'integer', min: schema.minimum, max: schema.maximum };
    case 'boolean':
      return { kind: 'boolean' };
    case 'array':
      return schema.items && typeof schema.items === 'object' ? { kind: 'array', items: describeField(schema.items) } : { kind: 'json' };
    case 'object': {
      const props = Object.entries(schema.properties ?? {});
      if (props.length > 0) {
        const required = new Set(schema.required ?? []);
        return { kind: 'object', fields: props.map(([key, s]) => ({ key, required: required.has(key), field: describeField(s) })) };
      }
      const extra = schema.additionalProperties;
      if (extra && typeof extra === 'object') return { kind: 'record', value: describeField(extra) };
      return { kind: 'json' };
    }
    default:
      return { kind: 'json' };
  }
}

export function describeField(schema: JsonSchema | undefined): FieldDescriptor {
  const s = schema ?? {};
  return { ...kindOf(s), description: s.description, default: s.default, hasDefault: 'default' in s };
}

/** The top-level params of an action, in schema order, then keys the step has that the schema lacks. */
export function describeParams(schema: JsonSchema | undefined, present: readonly string[]): ObjectField[] {
  const kind = describeField({ type: 'object', ...(schema ?? {}) });
  const known = kind.kind === 'object' ? kind.fields : [];
  const extra = present.filter((k) => !known.some((f) => f.key === k)).map((key) => ({ key, required: false, field: describeField(undefined) }));
  return [...known, ...extra];
}

/** A new item for an array or record row: empty of the right type. */
export function emptyValue(field: FieldDescriptor): unknown {
  switch (field.kind) {
    case 'string':
      return '';
    case 'enum':
      return field.options[0];
    case 'number':
      return field.min ?? 0;
    case 'boolean':
      return false;
    case 'object':
    case 'record':
      return {};
    case 'array':
      return [];
    case 'json':
      return null;
  }
}
