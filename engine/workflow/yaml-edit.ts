// Canvas and form edits written back into the author's YAML without losing what they wrote around
// it: comments, key order, quoting and flow/block style of everything that did not change. The
// new definition is merged into the parsed `yaml` Document node by node; only changed values get
// new nodes. Steps are matched by id (not position), so inserting or reordering a step keeps the
// comments of the others attached to them.
import { Document, isMap, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { workflowSchema, type WorkflowDefinition } from './schema';
import { flowPaths, toWorkflowPlain, toWorkflowYaml } from './text';

/**
 * The YAML text of `def`, keeping everything of `previous` that still applies. When `previous` does
 * not parse as a YAML mapping, the canonical form is returned.
 */
export function applyToYaml(previous: string, def: WorkflowDefinition): string {
  const doc = parseDocument(previous, { uniqueKeys: true });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return toWorkflowYaml(def);
  // Nothing changed: the author's bytes stay exactly as they are.
  if (sameDefinition(doc.toJS(), def)) return previous;
  const target = toWorkflowPlain(def);
  merge(doc, doc.contents, target, []); // the root is a map, merged in place
  // New collections on the usual flow paths read like the canonical form.
  for (const path of flowPaths(def)) {
    const node = doc.getIn(path, true);
    const isNew = path.some((_, i) => created.has(doc.getIn(path.slice(0, i + 1), true) as object));
    if ((isMap(node) || isSeq(node)) && isNew) node.flow = true;
  }
  // The printer has one setting for `[ a ]` versus `[a]`; follow what the author mostly wrote.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: prefersPadding(previous) });
}

function sameDefinition(plain: unknown, def: WorkflowDefinition): boolean {
  const parsed = workflowSchema.safeParse(plain);
  return parsed.success && JSON.stringify(parsed.data) === JSON.stringify(def);
}

function prefersPadding(text: string): boolean {
  const padded = text.match(/[[{] [^\s]/g)?.length ?? 0;
  const tight = text.match(/[[{][^\s\]}[{]/g)?.length ?? 0;
  return padded >= tight;
}

type Path = (string | number)[];

/** Nodes this module made (as opposed to the author's): only these get the canonical flow style. */
const created = new WeakSet<object>();

function fresh(doc: Document, value: unknown): Node {
  const node = doc.createNode(value, { aliasDuplicateObjects: false }) as Node;
  created.add(node);
  return node;
}

/**
 * An empty `[]` / `{}` says nothing about the author's style (the printer writes every empty
 * collection that way, and it parses back as flow), so one that gains items is written anew in
 * the canonical style: deleting every step and drawing new ones must not give a one-line `steps: [...]`.
 */
const emptyFlow = (node: YAMLMap | YAMLSeq, size: number) => !!node.flow && node.items.length === 0 && size > 0;

function merge(doc: Document, node: unknown, value: unknown, path: Path): Node {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if (!isMap(node) || emptyFlow(node, Object.keys(value).length)) return fresh(doc, value);
    return mergeMap(doc, node, value as Record<string, unknown>, path);
  }
  if (Array.isArray(value)) {
    if (!isSeq(node) || emptyFlow(node, value.length)) return fresh(doc, value);
    return path.length === 1 && path[0] === 'steps' ? mergeSteps(doc, node, value) : mergeSeq(doc, node, value, path);
  }
  if (isScalar(node)) {
    if (node.value === value) return node;
    node.value = value; // keeps the node's comments; quoting is re-chosen for the new value
    node.type = undefined;
    return node;
  }
  return fresh(doc, value);
}

/**
 * Values the schema fills in when a key is left out. An author who left them out keeps them out,
 * so parsing a text and writing it back changes nothing.
 */
function isImplicitDefault(path: Path, key: string, value: unknown): boolean {
  if (path.length === 0) return (key === 'enabled' && value === true) || (key === 'description' && value === '');
  if (path[0] === 'steps' && path.length === 3 && path[2] === 'retry') {
    return (key === 'backoff' && value === 'fixed') || (key === 'delayMs' && value === 1000);
  }
  return false;
}

function mergeMap(doc: Document, map: YAMLMap, value: Record<string, unknown>, path: Path): YAMLMap {
  const wanted = new Set(Object.keys(value));
  map.items = map.items.filter((pair) => wanted.has(keyOf(pair.key)));
  let after = -1; // index of the last key of `value` seen so far: a new key goes right after it
  for (const [key, v] of Object.entries(value)) {
    const at = map.items.findIndex((p) => keyOf(p.key) === key);
    if (at >= 0) {
      map.items[at].value = merge(doc, map.items[at].value, v, [...path, key]);
      after = at;
    } else if (!isImplicitDefault(path, key, v)) {
      // In the canonical order (an `owner:` added later sits under `description:`, not at the end).
      map.items.splice(++after, 0, doc.createPair(key, fresh(doc, v)) as (typeof map.items)[number]);
    }
  }
  return map;
}

function mergeSeq(doc: Document, seq: YAMLSeq, value: unknown[], path: Path): YAMLSeq {
  const items = value.map((v, i) => merge(doc, seq.items[i], v, [...path, i]));
  seq.items = items;
  return seq;
}

/**
 * Steps are matched by id; a step whose id is new takes the old item at its position when that
 * item's id is gone (a rename), so its comments stay with it.
 */
function mergeSteps(doc: Document, seq: YAMLSeq, steps: unknown[]): YAMLSeq {
  const idOf = (item: unknown) => (isMap(item) ? String(item.get('id')) : undefined);
  const newIds = new Set(steps.map((s) => String((s as { id: string }).id)));
  const byId = new Map(seq.items.map((item) => [idOf(item), item]));
  const old = seq.items;
  seq.items = steps.map((step, i) => {
    const id = String((step as { id: string }).id);
    const renamed = old[i] !== undefined && !newIds.has(idOf(old[i]) ?? '') ? old[i] : undefined;
    return merge(doc, byId.get(id) ?? renamed, step, ['steps', i]);
  });
  return seq;
}

function keyOf(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}
