import { describe, expect, it } from 'vitest';
import { actionCatalog, describeAction } from '@/engine/actions/catalog';
import type { WorkflowDefinition, WorkflowStep } from '@/engine/workflow/schema';
import { buildCompletionTree, completionsAt, fromValues, secretNames, upstreamOf, upstreamVars } from './completion-tree';

const step = (id: string, action: string, needs: string[] = [], wi: Record<string, unknown> = {}): WorkflowStep =>
  ({ id, action, needs, with: wi, description: '' }) as unknown as WorkflowStep;
const def = {
  trigger: { source: 'github', type: 'push' },
  steps: [
    step('version', 'version.next'),
    step('set', 'vars.set', ['version'], { values: { bump: 'minor', tag: 'v{{ steps.version.outputs.version }}' } }),
    step('call', 'http.request', ['set'], { url: 'https://x', auth: { bearer: '{{ secrets.DEPLOY_TOKEN }}' } }),
    step('notify', 'notify.email', ['call']),
    step('side', 'log'),
  ],
} as unknown as WorkflowDefinition;
const outputsByAction = Object.fromEntries(Object.values(actionCatalog).map((a) => [a.id, describeAction(a).outputs]));
const names = (entries: [string, unknown][]) => entries.map(([k]) => k);

describe('upstream steps, vars and secrets', () => {
  it('follows needs transitively, in definition order, and not sideways', () => {
    expect(upstreamOf(def, 'notify')).toEqual(['version', 'set', 'call']);
    expect(upstreamOf(def, 'version')).toEqual([]);
  });

  it('knows literal vars and names templated ones', () => {
    expect(upstreamVars(def, 'notify')).toEqual({ names: ['bump', 'tag'], literals: { bump: 'minor' } });
  });

  it('offers granted secrets and the ones steps already use', () => {
    expect(secretNames(def, ['SMTP_PASSWORD'])).toEqual(['DEPLOY_TOKEN', 'SMTP_PASSWORD']);
  });
});

describe('buildCompletionTree', () => {
  const tree = buildCompletionTree({
    definition: def,
    stepId: 'notify',
    outputsByAction,
    payloads: [{ ref: 'refs/heads/main', commits: [{ id: 'abc', author: { name: 'Ada' } }] }, { pusher: { name: 'x' } }],
    secretGrants: [],
  });

  it('offers the roots, run fields and event fields', () => {
    expect(names(completionsAt(tree, []))).toEqual(['event', 'steps', 'vars', 'secrets', 'run']);
    expect(names(completionsAt(tree, ['run']))).toEqual(['id', 'number', 'workflow', 'version']);
    expect(names(completionsAt(tree, ['event']))).toEqual(['id', 'source', 'type', 'receivedAt', 'headers', 'payload']);
  });

  it('merges payload keys across samples and walks into arrays', () => {
    expect(names(completionsAt(tree, ['event', 'payload']))).toEqual(['ref', 'commits', 'pusher']);
    expect(names(completionsAt(tree, ['event', 'payload', 'commits', 'author']))).toEqual(['name']);
    expect(completionsAt(tree, ['event', 'payload', 'ref'])).toEqual([]);
  });

  it('offers only upstream steps, with outputs from their action schemas', () => {
    expect(names(completionsAt(tree, ['steps']))).toEqual(['version', 'set', 'call']);
    expect(names(completionsAt(tree, ['steps', 'call', 'outputs']))).toEqual(['status', 'headers', 'body', 'attempts']);
    expect(completionsAt(tree, ['steps', 'call', 'outputs']).find(([k]) => k === 'status')?.[1]).toMatchObject({ detail: 'number', info: 'Response status code.' });
  });

  it('offers vars and secrets', () => {
    expect(names(completionsAt(tree, ['vars']))).toEqual(['bump', 'tag']);
    expect(names(completionsAt(tree, ['secrets']))).toEqual(['DEPLOY_TOKEN']);
  });

  it('gives a trigger filter the event only', () => {
    const filter = buildCompletionTree({ definition: def, outputsByAction, payloads: [], secretGrants: ['X'] });
    expect(names(completionsAt(filter, []))).toEqual(['event']);
  });

  it('stops at a depth limit on deep samples', () => {
    let deep: Record<string, unknown> = { end: 1 };
    for (let i = 0; i < 20; i++) deep = { d: deep };
    let node = fromValues([deep]);
    let depth = 0;
    while (node?.d) (node = node.d.children), (depth += 1);
    expect(depth).toBeLessThan(10);
  });
});
