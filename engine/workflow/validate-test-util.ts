// Test-only helpers shared by the validate tests.
import { expect } from 'vitest';
import { testCatalog } from './test-catalog';
import { formatIssues, validateWorkflow, type WorkflowIssue } from './validate';

export type Step = Record<string, unknown>;
export const wf = (steps: Step[], extra: Record<string, unknown> = {}) => ({
  apiVersion: 'railyard/v1',
  kind: 'Workflow',
  name: 'deploy-api',
  trigger: { source: 'github', type: 'push' },
  steps,
  ...extra,
});
export const log = (id: string, extra: Step = {}): Step => ({ id, action: 'log', with: { message: 'hi' }, ...extra });

export function issuesOf(input: unknown): WorkflowIssue[] {
  const result = validateWorkflow(input, testCatalog);
  if (result.ok) throw new Error('expected validation to fail');
  return result.issues;
}
export function only(input: unknown): WorkflowIssue {
  const issues = issuesOf(input);
  expect(issues, formatIssues(issues)).toHaveLength(1);
  return issues[0];
}
