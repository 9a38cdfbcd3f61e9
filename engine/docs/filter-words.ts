// Trigger filters and event.wait matches (JSONata) in words: "only when the event's
// `payload.build.status` is `"SUCCESS"`". Only the common shapes are translated (comparisons joined
// by and/or, $exists, $contains); any other clause is shown as code, never guessed at.
import { code, referenceInWords } from './describe-value';

const OPERATORS: [string, string][] = [['!=', 'is not'], ['<=', 'is at most'], ['>=', 'is at least'], ['=', 'is'], ['<', 'is below'], ['>', 'is above'], [' in ', 'is one of']];

/**
 * Splits on a top-level separator (` and `, ` or `, `,`), outside strings, brackets and
 * parentheses; parts are trimmed and empty ones dropped.
 */
function splitTopLevel(expr: string, needle: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0 && expr.startsWith(needle, i)) {
      out.push(expr.slice(start, i));
      start = i + needle.length;
      i += needle.length - 1;
    }
  }
  out.push(expr.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

function operand(text: string): string {
  return referenceInWords(text) ?? code(text.trim());
}

/** Index of a comparison operator outside strings and brackets, with the operator found. */
function findOperator(clause: string): { at: number; op: string; words: string } | null {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < clause.length; i++) {
    const c = clause[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0) {
      for (const [op, words] of OPERATORS) if (clause.startsWith(op, i)) return { at: i, op, words };
    }
  }
  return null;
}

function clauseInWords(raw: string): string {
  let clause = raw.trim();
  while (clause.startsWith('(') && clause.endsWith(')') && balanced(clause.slice(1, -1))) {
    clause = clause.slice(1, -1).trim();
  }
  const ors = splitTopLevel(clause, ' or ');
  if (ors.length > 1) return `either ${ors.map(clauseInWords).join(' or ')}`;
  const fn = /^\$(exists|contains)\((.*)\)$/s.exec(clause);
  if (fn) {
    const args = splitArgs(fn[2]);
    if (fn[1] === 'exists' && args.length === 1) return `${operand(args[0])} is set`;
    if (fn[1] === 'contains' && args.length === 2) return `${operand(args[0])} contains ${operand(args[1])}`;
  }
  const found = findOperator(clause);
  if (found) {
    const left = clause.slice(0, found.at).trim();
    const right = clause.slice(found.at + found.op.length).trim();
    if (left && right) return `${operand(left)} ${found.words} ${operand(right)}`;
  }
  const ref = referenceInWords(clause);
  return ref ? `${ref} is true` : `${code(clause)} holds`;
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

const splitArgs = (s: string): string[] => splitTopLevel(s, ',');

/** A JSONata condition in words, without a leading "only when" (callers choose the lead-in). */
export function conditionInWords(expr: string): string {
  const unwrapped = expr.trim().replace(/^\{\{\s*([\s\S]*?)\s*\}\}$/, '$1');
  return splitTopLevel(unwrapped, ' and ').map(clauseInWords).join(' and ');
}

/** The trigger filter as the Processes view shows it; null when every event of the type counts. */
export function filterInWords(filter: string | undefined | null): string | null {
  return filter ? `only when ${conditionInWords(filter)}` : null;
}
