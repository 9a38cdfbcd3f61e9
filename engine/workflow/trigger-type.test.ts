// A trigger names an event type by the intake's own rule (engine/intake/event-type.ts): a type
// the intake would refuse can never arrive, so such a trigger is a validation error.
import { describe, expect, it } from 'vitest';
import { testCatalog } from './test-catalog';
import { parseWorkflowText, toWorkflowYaml } from './text';
import { validateWorkflow } from './validate';

const yaml = (type: string) =>
  `apiVersion: railyard/v1\nkind: Workflow\nname: on-push\ntrigger: { source: bitbucket, type: ${type} }\nsteps:\n  - { id: a, action: log, with: { message: hi } }\n`;

describe('trigger types', () => {
  it.each(['repo:push', 'pullrequest:created', 'pull_request.closed', 'build-completed'])('accepts %s, written unquoted', (type) => {
    const result = validateWorkflow(parseWorkflowText(yaml(type)), testCatalog);
    expect(result.ok && result.workflow.trigger.type).toBe(type);
    // Exported and read back, the colon survives (YAML could take `a:b` for a mapping).
    if (result.ok) {
      const again = validateWorkflow(parseWorkflowText(toWorkflowYaml(result.workflow)), testCatalog);
      expect(again.ok && again.workflow.trigger.type).toBe(type);
    }
  });

  it.each(['"repo push"', '"push:"', '"repo/push"', `"${'x'.repeat(101)}"`])('refuses %s and names trigger.type', (type) => {
    const result = validateWorkflow(parseWorkflowText(yaml(type)), testCatalog);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.path === 'trigger.type');
    expect(issue?.message).toMatch(/^trigger\.type: invalid event type "/);
  });
});
