import { describe, expect, it } from 'vitest';
import { workflowSchema } from './schema';

const base = {
  apiVersion: 'railyard/v1',
  kind: 'Workflow',
  name: 'ship-it',
  trigger: { source: 'github', type: 'push' },
  steps: [{ id: 'a', action: 'log' }],
};

describe('workflowSchema', () => {
  it('fills defaults for the workflow, steps and retry', () => {
    const def = workflowSchema.parse({ ...base, steps: [{ id: 'a', action: 'log', retry: { attempts: 2 } }] });
    expect(def).toMatchObject({ description: '', enabled: true });
    expect(def.steps[0]).toEqual({ id: 'a', action: 'log', description: '', with: {}, needs: [], retry: { attempts: 2, backoff: 'fixed', delayMs: 1000 } });
  });

  it('limits names to 64 slug characters', () => {
    expect(workflowSchema.safeParse({ ...base, name: 'a'.repeat(64) }).success).toBe(true);
    expect(workflowSchema.safeParse({ ...base, name: 'a'.repeat(65) }).success).toBe(false);
    expect(workflowSchema.safeParse({ ...base, name: '-lead' }).success).toBe(false);
    expect(workflowSchema.safeParse({ ...base, name: 'Upper' }).success).toBe(false);
  });

  it('restricts step ids to JSONata-friendly names', () => {
    for (const id of ['build', 'deploy_prod', 'Deploy-2']) {
      expect(workflowSchema.safeParse({ ...base, steps: [{ id, action: 'log' }] }).success, id).toBe(true);
    }
    for (const id of ['2nd', 'has space', 'dot.ted', '']) {
      expect(workflowSchema.safeParse({ ...base, steps: [{ id, action: 'log' }] }).success, id).toBe(false);
    }
  });

  it('bounds retry attempts to 1..20', () => {
    const withAttempts = (attempts: number) => ({ ...base, steps: [{ id: 'a', action: 'log', retry: { attempts } }] });
    expect(workflowSchema.safeParse(withAttempts(20)).success).toBe(true);
    expect(workflowSchema.safeParse(withAttempts(21)).success).toBe(false);
    expect(workflowSchema.safeParse(withAttempts(0)).success).toBe(false);
  });
});
