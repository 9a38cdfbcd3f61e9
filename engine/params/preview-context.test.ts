import { describe, expect, it } from 'vitest';
import { capPreview, previewContext, referencedPaths, TRUNCATION_MARKER } from './preview-context';
import { resolveTemplate } from './template';

describe('referencedPaths', () => {
  it('finds root-anchored names, backticked ids included, and stops at a predicate', () => {
    const paths = referencedPaths(['steps.`my-step`.outputs.version & $string(vars.x)', 'secrets.TOKEN & steps.a.outputs.items[0].name', 'local.thing']);
    expect(paths).toEqual(
      expect.arrayContaining([
        ['steps', 'my-step', 'outputs', 'version'],
        ['vars', 'x'],
        ['secrets', 'TOKEN'],
        ['steps', 'a', 'outputs', 'items'],
      ]),
    );
    expect(paths.some((p) => p[0] === 'local')).toBe(false);
  });

  it('skips expressions that do not parse', () => {
    expect(referencedPaths(['event.payload.'])).toEqual([]);
  });
});

describe('previewContext', () => {
  const event = { id: 'e1', source: 'github', type: 'push', payload: { ref: 'refs/heads/main' }, headers: {}, receivedAt: '2026-01-01T00:00:00.000Z' };

  it('evaluates the real event and shows what a run adds as stand-ins, secrets never resolved', async () => {
    const template = 'Bearer {{ secrets.GH_TOKEN }} for {{ event.payload.ref }} at {{ steps.version.outputs.tag }} ({{ vars.bump }}, {{ vars.env }}) #{{ run.number }}';
    const expressions = ['secrets.GH_TOKEN', 'event.payload.ref', 'steps.version.outputs.tag', 'vars.bump', 'vars.env', 'run.number'];
    const ctx = previewContext({ event, expressions, vars: { bump: 'minor' }, workflow: 'ship' });
    expect(await resolveTemplate(template, ctx)).toBe('Bearer «secret GH_TOKEN» for refs/heads/main at «steps.version.outputs.tag» (minor, «vars.env») #«run.number»');
    expect(await resolveTemplate('{{ run.workflow }}', ctx)).toBe('ship');
  });

  it('nests a deeper stand-in inside the object of a shorter path', async () => {
    const expressions = ['steps.call.outputs.body', 'steps.call.outputs.body.items'];
    const ctx = previewContext({ event, expressions });
    expect(await resolveTemplate('{{ steps.call.outputs.body }}', ctx)).toEqual({ items: '«steps.call.outputs.body.items»' });
  });

  it('fills event fields a pasted payload lacks with stand-ins', () => {
    const ctx = previewContext({ event: { payload: { a: 1 } }, expressions: [] });
    expect(ctx.event).toMatchObject({ id: '«event.id»', payload: { a: 1 }, headers: {} });
  });
});

describe('capPreview', () => {
  it('keeps small values and cuts big ones with a marker', () => {
    expect(capPreview({ a: 1 }, 100)).toEqual({ value: { a: 1 }, type: 'object', truncated: false });
    expect(capPreview(undefined, 100)).toEqual({ value: null, type: 'undefined', truncated: false });
    const big = capPreview('x'.repeat(500), 100);
    expect(big).toMatchObject({ type: 'string', truncated: true });
    expect(big.value).toBe('x'.repeat(100) + TRUNCATION_MARKER);
  });
});
