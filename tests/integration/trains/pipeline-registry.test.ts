// Pipelines join the registry stream: exported as their stored text, imported back unchanged, and
// an imported pipeline may name a workflow the same stream declares.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '@/server/auth/principal';
import { db } from '@/server/db/client';
import { exportRegistry } from '@/server/use-cases/export-registry';
import { importRegistry } from '@/server/use-cases/import-registry';
import { closeAll, publishYaml, resetState } from '../../support/harness';
import { pipelineYaml, publishPipeline } from './trains-support';

const wf = (name: string) => `apiVersion: railyard/v1\nkind: Workflow\nname: ${name}\ntrigger: { source: generic, type: never }\nsteps:\n  - { id: a, action: log, with: { message: hi } }\n`;

beforeAll(async () => {
  await resetState();
  await publishYaml(wf('reg-cut'));
  expect((await publishPipeline(`# reviewed in git\n${pipelineYaml('reg-line', '  - { key: cut, name: Cut, reachedBy: { workflow: reg-cut } }\n')}`)).status).toBe(201);
});
afterAll(() => closeAll());

describe('pipelines in the registry stream', () => {
  it('exports the stored text and imports it back unchanged', async () => {
    const stream = await exportRegistry(SYSTEM_ACTOR);
    expect(stream).toContain('# reviewed in git\napiVersion: railyard/v1\nkind: Pipeline\nkey: reg-line');
    const result = await importRegistry(SYSTEM_ACTOR, stream);
    expect(JSON.stringify(result)).toMatch(/reg-line/);
    expect(await db().pipelineVersion.count()).toBe(1);
  });

  it('imports a pipeline whose station names a workflow declared in the same stream, and refuses a missing one naming the field', async () => {
    const line = pipelineYaml('reg-new', '  - { key: cut, name: Cut, reachedBy: { workflow: reg-new-cut } }\n');
    await importRegistry(SYSTEM_ACTOR, `---\n${wf('reg-new-cut')}---\n${line}`);
    expect(await db().pipeline.findUnique({ where: { key: 'reg-new' } })).not.toBeNull();
    const bad = pipelineYaml('reg-bad', '  - { key: cut, name: Cut, reachedBy: { workflow: nowhere } }\n');
    expect(await importRegistry(SYSTEM_ACTOR, `---\n${bad}`)).toMatchObject({
      ok: false,
      problems: [{ document: { kind: 'Pipeline', name: 'reg-bad' }, field: 'stations.0.reachedBy.workflow', message: expect.stringMatching(/no workflow "nowhere"/) }],
    });
  });
});
