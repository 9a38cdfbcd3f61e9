import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { describeAction } from '@/engine/actions/catalog';
import { validateWorkflow } from '@/engine/workflow/validate';
import { EXAMPLE } from './test-support';
import { toDefinition } from './to-definition';

const described = JSON.parse(execFileSync(EXAMPLE, ['--describe'], { encoding: 'utf8' }));
const def = toDefinition('plugin.tcp-check', described);

describe('toDefinition (the example plugin)', () => {
  it('keeps the docs and makes a work action', () => {
    expect(def).toMatchObject({ id: 'plugin.tcp-check', title: 'Wait for a TCP port', kind: 'work' });
    expect(def.description).toMatch(/temporary failure/);
  });

  it('accepts valid params and applies defaults', () => {
    expect(def.params.parse({ host: 'db.internal', port: 5432 })).toEqual({ host: 'db.internal', port: 5432, timeoutMs: 3000 });
  });

  it.each([
    ['a missing required field', { host: 'x' }],
    ['a wrong type', { host: 'x', port: '80' }],
    ['a number out of range', { host: 'x', port: 70000 }],
    ['a non-integer', { host: 'x', port: 80.5 }],
    ['an unknown key (typo)', { host: 'x', port: 80, timeoutMS: 5 }],
  ])('rejects %s', (_what, params) => {
    expect(def.params.safeParse(params).success).toBe(false);
  });

  it('describes like a built-in (JSON Schema for the editor)', () => {
    const d = describeAction(def);
    expect(d.params).toMatchObject({ type: 'object', required: ['host', 'port'], properties: { port: { type: 'integer', minimum: 1 } } });
    expect(d.outputs).toMatchObject({ type: 'object', required: ['host', 'port', 'address', 'connectMs'] });
  });

  it('lets workflow validation use it through a catalog', () => {
    const wf = (w: object) => ({
      apiVersion: 'railyard/v1', kind: 'Workflow', name: 'wait', trigger: { source: 'ci', type: 'deployed' },
      steps: [{ id: 'up', action: 'plugin.tcp-check', with: w }],
    });
    const catalog = new Map([[def.id, def]]);
    expect(validateWorkflow(wf({ host: 'app', port: 8080 }), catalog).ok).toBe(true);
    expect(validateWorkflow(wf({ host: 'app', port: 8080 })).ok).toBe(false);
  });
});

describe('toDefinition (rules)', () => {
  const base = { title: 'T', params: { type: 'object', properties: { a: { type: 'string' } } } };

  it('treats params without additionalProperties as closed, but honours an explicit true', () => {
    expect(toDefinition('plugin.t', base).params.safeParse({ a: 'x', b: 1 }).success).toBe(false);
    const open = { ...base, params: { ...base.params, additionalProperties: true } };
    expect(toDefinition('plugin.t', open).params.safeParse({ a: 'x', b: 1 }).success).toBe(true);
  });

  it('supports enum, boolean, arrays and nested objects', () => {
    const params = {
      type: 'object', required: ['mode'],
      properties: { mode: { enum: ['fast', 'safe'] }, dry: { type: 'boolean' }, tags: { type: 'array', items: { type: 'string' } }, opts: { type: 'object', properties: { n: { type: 'number' } } } },
    };
    const p = toDefinition('plugin.t', { title: 'T', params }).params;
    expect(p.safeParse({ mode: 'safe', dry: true, tags: ['a'], opts: { n: 1.5 } }).success).toBe(true);
    expect(p.safeParse({ mode: 'other' }).success).toBe(false);
    expect(p.safeParse({ mode: 'fast', tags: [1] }).success).toBe(false);
  });

  it.each([
    ['no title', { params: base.params }, /title/],
    ['params not an object schema', { title: 'T', params: { type: 'string' } }, /"type": "object"/],
    ['a meta kind', { ...base, kind: 'meta' }, /kind/],
    ['not an object at all', 'hello', /invalid --describe output/],
  ])('refuses %s', (_what, raw, message) => {
    expect(() => toDefinition('plugin.t', raw)).toThrow(message);
  });
});
