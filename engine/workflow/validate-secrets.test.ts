import { describe, expect, it } from 'vitest';
import { testCatalog } from './test-catalog';
import { validateWorkflow } from './validate';
import { stepSecretNames } from './validate-secrets';
import { log, wf } from './validate-test-util';

const uses = (message: string, extra = {}) => log('say', { with: { message }, ...extra });
const check = (steps: Record<string, unknown>[], secretGrants?: string[], extra = {}) => validateWorkflow(wf(steps, extra), testCatalog, { secretGrants });
const messages = (result: ReturnType<typeof check>) => (result.ok ? [] : result.issues.map((i) => i.message));

describe('secret grants in validation', () => {
  it('accepts secrets.NAME when NAME is granted', () => {
    expect(check([uses('t={{ secrets.TOKEN }}')], ['TOKEN']).ok).toBe(true);
  });

  it('names the secret, the step and the field when a secret is not granted', () => {
    const result = check([uses('t={{ secrets.TOKEN }}')], ['OTHER']);
    expect(messages(result)).toEqual([
      'step "say": with.message: secret "TOKEN" is not granted to this workflow (an admin grants it with PATCH /api/workflows/deploy-api {"secretGrants": ["TOKEN"]}, or publishes this version)',
    ]);
    expect(result.ok ? null : result.issues[0]).toMatchObject({ step: 'say', field: 'with.message', path: 'steps.0.with.message' });
  });

  it('checks the if condition too, bare or in braces', () => {
    expect(messages(check([uses('hi', { if: 'secrets.FLAG = "on"' })], []))[0]).toMatch(/step "say": if: secret "FLAG" is not granted/);
    expect(check([uses('hi', { if: '{{ secrets.FLAG }}' })], ['FLAG']).ok).toBe(true);
  });

  it('refuses dynamic access even when every secret is granted, and without a grant list', () => {
    for (const expr of ['$lookup(secrets, "TOKEN")', 'secrets["TOKEN"]', '$keys(secrets)', '$string(secrets)']) {
      for (const grants of [['TOKEN'], undefined]) {
        const [message] = messages(check([uses(`{{ ${expr} }}`)], grants));
        expect(message).toContain('step "say": with.message:');
        expect(message).toContain('reads secrets dynamically: only secrets.NAME with a literal NAME may be used');
      }
    }
  });

  it('skips only the grant check when the grant list is unknown (editor preview)', () => {
    expect(check([uses('{{ secrets.TOKEN }}')]).ok).toBe(true);
  });

  it('refuses secrets in trigger.filter and concurrency.key, which see only the event', () => {
    const result = check([uses('hi')], [], {
      trigger: { source: 'github', type: 'push', filter: 'secrets.X = "a"' },
      concurrency: { key: '{{ secrets.X }}', onConflict: 'queue' },
    });
    expect(messages(result)).toEqual([
      'trigger.filter: secrets are not available here (only event is)',
      'concurrency.key: secrets are not available here (only event is)',
    ]);
  });

  it('lists the names a step reads, from with and if', () => {
    expect(stepSecretNames({ with: { a: '{{ secrets.B }}', n: { m: ['x {{ secrets.A }}'] } }, if: 'secrets.C' })).toEqual(['A', 'B', 'C']);
  });
});
