// Which validation issues show under which field. Issues name the field by dotted path
// (`with.retries.attempts`, `with.expectStatus.0`); a field shows its own, plus deeper ones that no
// child input shows (a leaf or JSON field shows everything below it).
import type { WorkflowIssue } from '@/engine/workflow/validate';

export function issuesAt(issues: readonly WorkflowIssue[] | undefined, path: string, childPaths: readonly string[] = []): string[] {
  const under = (f: string, p: string) => f === p || f.startsWith(`${p}.`);
  return (issues ?? [])
    .filter((i) => i.field !== undefined && under(i.field, path) && !childPaths.some((c) => under(i.field!, c)))
    .map((i) => i.message.replace(/^step "[^"]*": /, ''));
}
