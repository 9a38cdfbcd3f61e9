import { describe, expect, it } from 'vitest';
import { checkTemplate, conditionExpression, evaluateCondition, isTruthy } from './condition';

describe('conditions', () => {
  it('accepts bare expressions and {{ }}-wrapped ones alike', () => {
    expect(conditionExpression('event.type = "push"')).toBe('event.type = "push"');
    expect(conditionExpression(' {{ event.type = "push" }} ')).toBe('event.type = "push"');
  });

  it('uses JSONata truthiness', () => {
    expect(isTruthy([])).toBe(false);
    expect(isTruthy([0, ''])).toBe(false);
    expect(isTruthy([0, 'x'])).toBe(true);
    expect(isTruthy({})).toBe(false);
    expect(isTruthy({ a: 1 })).toBe(true);
    expect(isTruthy('')).toBe(false);
    expect(isTruthy(0)).toBe(false);
    expect(isTruthy(undefined)).toBe(false);
  });

  it('evaluates against the context', async () => {
    const ctx = { event: { payload: { labels: [{ name: 'deploy' }] } } };
    expect(await evaluateCondition('event.payload.labels[name = "deploy"]', ctx)).toBe(true);
    expect(await evaluateCondition('{{ event.payload.labels[name = "hotfix"] }}', ctx)).toBe(false);
  });

  it('checkTemplate reports bad expressions and unclosed braces with their path', () => {
    const problems = checkTemplate({ a: 'ok {{ x }}', b: [{ c: '{{ x.( }}' }], d: 'open {{ y' });
    expect(problems.map((p) => p.path)).toEqual(['b.0.c', 'd']);
    expect(problems[0].expression).toBe('x.(');
    expect(problems[1].message).toMatch(/without a closing/);
  });
});
