import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { actionCatalog, describeAction, getAction } from './catalog';
import { defineAction, lookupAction, type ActionDefinition } from './definition';

describe('action catalog', () => {
  it('keys every action by its own id', () => {
    for (const [key, def] of Object.entries(actionCatalog)) expect(def.id).toBe(key);
  });

  it('describes every param field, so the editor can show help for each', () => {
    for (const def of Object.values(actionCatalog)) {
      for (const [name, field] of Object.entries(def.params.shape)) {
        expect(field.description, `${def.id}.${name}`).toBeTruthy();
      }
    }
  });

  it('rejects unknown params (strict objects)', () => {
    expect(actionCatalog.log.params.safeParse({ message: 'hi', colour: 'red' }).success).toBe(false);
  });

  it('applies defaults: log level info, http GET with 10s timeout', () => {
    expect(actionCatalog.log.params.parse({ message: 'hi' })).toEqual({ message: 'hi', level: 'info' });
    const http = actionCatalog['http.request'].params.parse({ url: 'https://example.com/x' });
    expect(http).toMatchObject({ method: 'GET', timeoutMs: 10_000 });
    expect(http.expectStatus).toBeUndefined();
  });

  it('bounds http timeouts and delay length, and refuses non-http URLs', () => {
    const http = actionCatalog['http.request'].params;
    expect(http.safeParse({ url: 'https://a.example', timeoutMs: 120_001 }).success).toBe(false);
    expect(http.safeParse({ url: 'https://a.example', timeoutMs: 0 }).success).toBe(false);
    expect(http.safeParse({ url: 'file:///etc/passwd' }).success).toBe(false);
    expect(http.safeParse({ url: 'https://a.example', expectStatus: [200, 404] }).success).toBe(true);
    expect(actionCatalog.delay.params.safeParse({ ms: 7 * 24 * 3600 * 1000 }).success).toBe(true);
    expect(actionCatalog.delay.params.safeParse({ ms: 7 * 24 * 3600 * 1000 + 1 }).success).toBe(false);
    expect(actionCatalog.delay.params.safeParse({ ms: 1.5 }).success).toBe(false);
  });

  it('getAction finds built-ins and ignores prototype names', () => {
    expect(getAction('vars.set')?.kind).toBe('meta');
    expect(getAction('nope')).toBeUndefined();
    expect(getAction('constructor')).toBeUndefined();
  });

  it('lookupAction accepts a Map so plugins can extend the catalog', () => {
    const custom = defineAction({
      id: 'acme.deploy',
      title: 'Deploy',
      description: 'Deploys with an in-house tool.',
      kind: 'work',
      params: z.strictObject({ target: z.string().describe('Target name.') }),
      outputs: z.object({}),
    });
    const catalog = new Map<string, ActionDefinition>([...Object.entries(actionCatalog), [custom.id, custom]]);
    expect(lookupAction(catalog, 'acme.deploy')).toBe(custom);
    expect(lookupAction(actionCatalog, 'acme.deploy')).toBeUndefined();
  });

  it('describeAction emits JSON schemas: defaulted params optional, descriptions kept', () => {
    const d = describeAction(actionCatalog['http.request']);
    expect(d).toMatchObject({ id: 'http.request', kind: 'work', title: 'HTTP request' });
    expect(d.params.required).toEqual(['url']);
    expect(d.params.additionalProperties).toBe(false);
    const props = d.params.properties as Record<string, { description?: string; default?: unknown }>;
    expect(props.method.default).toBe('GET');
    expect(props.url.description).toMatch(/URL/);
    expect(Object.keys(d.outputs.properties ?? {})).toEqual(['status', 'headers', 'body', 'attempts']);
    expect(() => JSON.stringify(Object.values(actionCatalog).map(describeAction))).not.toThrow();
  });
});

describe('defineAction types', () => {
  it('keeps literal schema types for params', () => {
    const ok: z.input<typeof actionCatalog.log.params> = { message: 'x', level: 'warn' };
    // @ts-expect-error level is an enum, so tsc must reject this
    const bad: z.input<typeof actionCatalog.log.params> = { message: 'x', level: 'loud' };
    expect([ok.level, bad.level]).toEqual(['warn', 'loud']);
  });
});
