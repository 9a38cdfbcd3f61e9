// server/actions/catalog.ts: built-ins plus plugins found through RAILYARD_PLUGIN_DIR.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lookupAction } from '@/engine/actions/definition';
import { describeAction } from '@/engine/actions/catalog';
import { listActions, loadActionCatalog, resolveAction, resolveHandler } from '../catalog';
import { handlerFor } from '../handler-registry';
import { refreshPlugins } from './discover';
import { copyExample, tempDir, writeExe } from './test-support';

let dir: string;
const saved = process.env.RAILYARD_PLUGIN_DIR;

beforeAll(async () => {
  dir = await tempDir();
  await copyExample(dir);
  process.env.RAILYARD_PLUGIN_DIR = dir;
  await refreshPlugins();
});
afterAll(async () => {
  process.env.RAILYARD_PLUGIN_DIR = saved;
  await rm(dir, { recursive: true, force: true });
});

describe('action catalog with plugins', () => {
  it('validates against built-ins and plugins alike', async () => {
    const catalog = await loadActionCatalog();
    expect(lookupAction(catalog, 'log')?.id).toBe('log');
    expect(lookupAction(catalog, 'plugin.tcp-check')?.kind).toBe('work');
  });

  it('lists built-ins first, then plugins, all describable for GET /api/actions', async () => {
    const actions = await listActions();
    expect(actions.map((a) => a.id).at(-1)).toBe('plugin.tcp-check');
    expect(actions.map((a) => a.id)).toContain('http.request');
    const described = actions.map((a) => describeAction(a));
    expect(described.at(-1)!.params).toMatchObject({ type: 'object', required: ['host', 'port'] });
  });

  it('resolves built-in handlers directly and plugin handlers by path', async () => {
    expect(await resolveHandler('log')).toBe(handlerFor('log'));
    expect((await resolveAction('plugin.tcp-check'))?.definition.title).toBe('Wait for a TCP port');
    expect(await resolveHandler('plugin.nope')).toBeUndefined();
    expect(await resolveHandler('no.such-action')).toBeUndefined();
  });

  it('finds a plugin installed after start-up when it is first asked for', async () => {
    await writeExe(dir, 'railyard-action-late', `echo '{"title":"Late","params":{"type":"object"}}'`);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 6_000); // past the rate limit on miss re-scans (the miss above used it)
    try {
      expect((await resolveAction('plugin.late'))?.definition.title).toBe('Late');
    } finally {
      vi.useRealTimers();
    }
  });
});
