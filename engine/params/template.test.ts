import { describe, expect, it } from 'vitest';
import { checkExpression, evaluateExpression, findExpressions, resolveTemplate, TemplateError } from './template';

const ctx = {
  event: { id: 'e1', source: 'github', type: 'push', payload: { repo: 'acme/api', n: 3, tags: ['a', 'b'], meta: { x: 1 } } },
  steps: { version: { status: 'succeeded', outputs: { version: '1.4.0' } } },
  vars: { env: 'prod', empty: null },
  secrets: { TOKEN: 's3cr3t' },
  run: { id: 'r1', number: 7, workflow: 'start-release', version: 2 },
};

describe('resolveTemplate', () => {
  it('keeps the type of a value that is exactly one expression', async () => {
    expect(await resolveTemplate('{{ event.payload.n }}', ctx)).toBe(3);
    expect(await resolveTemplate('{{ event.payload.meta }}', ctx)).toEqual({ x: 1 });
    expect(await resolveTemplate('  {{ event.payload.n > 2 }} ', ctx)).toBe(true);
    expect(await resolveTemplate('{{ event.payload.tags }}', ctx)).toEqual(['a', 'b']);
  });

  it('returns plain arrays, not JSONata sequences', async () => {
    const tags = await resolveTemplate('{{ event.payload.tags.$uppercase($) }}', ctx);
    expect(tags).toEqual(['A', 'B']);
    expect(Object.keys(tags as object)).toEqual(['0', '1']);
  });

  it('interpolates text around expressions', async () => {
    expect(await resolveTemplate('release/{{ steps.version.outputs.version }}', ctx)).toBe('release/1.4.0');
    expect(await resolveTemplate('#{{ run.number }} of {{ run.workflow }}', ctx)).toBe('#7 of start-release');
    expect(await resolveTemplate('meta={{ event.payload.meta }}', ctx)).toBe('meta={"x":1}');
    expect(await resolveTemplate('Bearer {{ secrets.TOKEN }}', ctx)).toBe('Bearer s3cr3t');
  });

  it('turns missing paths into undefined (whole value) or empty text (interpolated)', async () => {
    expect(await resolveTemplate('{{ event.payload.nope.deeper }}', ctx)).toBeUndefined();
    expect(await resolveTemplate('x-{{ event.payload.nope }}-{{ vars.empty }}-y', ctx)).toBe('x---y');
  });

  it('walks nested objects and arrays and leaves literals alone', async () => {
    const value = { repo: '{{ event.payload.repo }}', list: [1, '{{ run.number + 1 }}', { deep: 'v{{ run.version }}' }], flag: false, none: null };
    expect(await resolveTemplate(value, ctx)).toEqual({ repo: 'acme/api', list: [1, 8, { deep: 'v2' }], flag: false, none: null });
    expect(value.repo).toBe('{{ event.payload.repo }}'); // input not mutated
  });

  it('handles object constructors whose braces look like the closing }}', async () => {
    expect(await resolveTemplate('{{ {"a": {"b": run.number}} }}', ctx)).toEqual({ a: { b: 7 } });
    expect(await resolveTemplate('{{ "}}" & run.number }}', ctx)).toBe('}}7');
  });

  it('rejects an unclosed {{ instead of passing it through', async () => {
    await expect(resolveTemplate('hello {{ run.number', ctx)).rejects.toThrow(/without a closing/);
  });

  it('fails with a TemplateError naming the expression on an evaluation error', async () => {
    const err = await resolveTemplate('n={{ event.payload.repo + 1 }}', ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TemplateError);
    expect((err as TemplateError).expression).toBe('event.payload.repo + 1');
    expect((err as TemplateError).message).toContain('event.payload.repo + 1');
  });

  it('fails with a TemplateError when the expression does not parse', async () => {
    await expect(resolveTemplate('{{ event.( }}', ctx)).rejects.toThrow(/event\.\(.*does not parse/);
  });
});

describe('runaway expressions', () => {
  it('times out a huge $map with an error naming the expression', async () => {
    const expr = '$map([1..10000000], function($v){$v*2})';
    const started = Date.now();
    const err = await evaluateExpression(expr, ctx, { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TemplateError);
    expect((err as TemplateError).message).toMatch(/timed out after 100 ms/);
    expect((err as TemplateError).expression).toBe(expr);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops an endless tail-recursive function', async () => {
    const expr = '($loop := function($n){ $loop($n + 1) }; $loop(0))';
    await expect(evaluateExpression(expr, ctx, { timeoutMs: 100 })).rejects.toThrow(/\$loop\(0\).*(timed out|maximum depth)/);
  });

  it('stops deep non-tail recursion without overflowing the JS stack', async () => {
    const expr = '($f := function($n){ 1 + $f($n + 1) }; $f(0))';
    const err = await evaluateExpression(expr, ctx, { timeoutMs: 2000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TemplateError);
    expect((err as Error).message).toMatch(/maximum depth|timed out/);
  });

  it('still evaluates cached expressions correctly after a failure', async () => {
    await evaluateExpression('event.payload.repo + 1', ctx).catch(() => undefined);
    expect(await evaluateExpression('run.number * 2', ctx)).toBe(14);
    expect(await evaluateExpression('run.number * 2', { ...ctx, run: { number: 5 } })).toBe(10);
  });
});

describe('findExpressions / checkExpression', () => {
  it('finds every expression in nested values, in order', () => {
    expect(findExpressions({ a: '{{ x }} and {{ y.z }}', b: ['{{ 1 + 2 }}', 'plain'], c: 4 })).toEqual(['x', 'y.z', '1 + 2']);
    expect(findExpressions('no templates')).toEqual([]);
  });

  it('reports the JSONata parse error, or null when valid', () => {
    expect(checkExpression('event.payload.repo')).toBeNull();
    expect(checkExpression('event.(')).toMatch(/position/);
    expect(checkExpression('  ')).toBe('empty expression');
  });
});
