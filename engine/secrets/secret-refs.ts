// Which secrets an expression reads. Secrets are granted per workflow by name, so the only
// accepted form is `secrets.NAME` with NAME a literal identifier: the worker then loads exactly
// the granted names a step spells out. Anything else that touches the `secrets` object
// (`secrets[...]`, `$lookup(secrets, …)`, `$keys(secrets)`, `$each(secrets, …)`, `$spread(secrets)`,
// `$$.secrets`, a bare `secrets`) is "dynamic" and refused at publish. We walk JSONata's own AST
// rather than a regex, so spacing, backticks, comments or nesting cannot hide a reference.
//
// Tricks that never name `secrets` (`$string($$)`, `**`, `$lookup($$, 'sec' & 'rets')`) can still
// reach the secrets object, but the worker only ever puts granted, literally named secrets in it.
import jsonata from 'jsonata';

export const SECRET_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

export interface SecretRefs {
  /** Names read as `secrets.NAME`, sorted, without duplicates. */
  names: string[];
  /** Whether the `secrets` object is used in any other way. */
  dynamic: boolean;
}

type Node = { type?: string; value?: unknown; steps?: Node[]; [key: string]: unknown };

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSecretsName = (n: Node | undefined) => n?.type === 'name' && n.value === 'secrets';
// A step with a filter, a group or a focus/index binding on `secrets` itself is not `secrets.NAME`.
const hasExtras = (n: Node) => Object.keys(n).some((k) => !['type', 'value', 'position'].includes(k));

/** The secret references in one bare JSONata expression; an expression that does not parse has none. */
export function secretRefsIn(expr: string): SecretRefs {
  let ast: Node;
  try {
    ast = jsonata(expr).ast() as Node;
  } catch {
    return { names: [], dynamic: false }; // reported as a parse error elsewhere; it cannot run either
  }
  const names = new Set<string>();
  let dynamic = false;
  const seen = new Set<object>(); // the AST may share nodes (parent-operator slots)
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!isNode(v) || seen.has(v)) return;
    seen.add(v);
    if (v.type === 'path' && Array.isArray(v.steps)) return walkPath(v);
    if (isSecretsName(v)) dynamic = true; // a name outside a path: be strict
    for (const [key, inner] of Object.entries(v)) if (key !== 'position') walk(inner);
  };
  const walkPath = (path: Node): void => {
    const steps = path.steps!;
    const [first, second] = steps;
    if (isSecretsName(first)) {
      if (!hasExtras(first) && second?.type === 'name' && typeof second.value === 'string') names.add(second.value);
      else dynamic = true;
    }
    // `$$.secrets…` / `$.secrets…`: the root context's secrets, by another spelling.
    if (first?.type === 'variable' && (first.value === '' || first.value === '$') && isSecretsName(second)) dynamic = true;
    steps.forEach((step) => {
      // A name step is a field access (`a.secrets.X` is not the secrets object): walk only what hangs
      // off it (filters, groups), never the name itself.
      if (step.type === 'name') {
        for (const [key, inner] of Object.entries(step)) if (!['type', 'value', 'position'].includes(key)) walk(inner);
      } else walk(step);
    });
    for (const [key, inner] of Object.entries(path)) if (key !== 'steps' && key !== 'type') walk(inner);
  };
  walk(ast);
  return { names: [...names].sort(), dynamic };
}

/** Union of the references in several expressions. */
export function secretRefsInAll(expressions: readonly string[]): SecretRefs {
  const names = new Set<string>();
  let dynamic = false;
  for (const expr of expressions) {
    const refs = secretRefsIn(expr);
    refs.names.forEach((n) => names.add(n));
    dynamic ||= refs.dynamic;
  }
  return { names: [...names].sort(), dynamic };
}
