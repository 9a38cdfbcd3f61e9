import { describe, expect, it } from 'vitest';
import { validateWorkflow } from '../workflow/validate';
import { actionCatalog, describeAction } from './catalog';
import { catalogFromDescriptions } from './from-description';

const builtIns = Object.values(actionCatalog).map(describeAction);
const client = catalogFromDescriptions(JSON.parse(JSON.stringify(builtIns)));

const wf = (withParams: Record<string, unknown>) => ({
  apiVersion: 'railyard/v1',
  kind: 'Workflow',
  name: 'w',
  trigger: { source: 'github', type: 'push' },
  steps: [{ id: 'tag', action: 'git.tag', with: withParams }],
});

describe('catalogFromDescriptions', () => {
  it('knows every built-in action', () => {
    expect([...client.keys()].sort()).toEqual(Object.keys(actionCatalog).sort());
  });

  it('finds the same param problems in the browser as the server does', () => {
    for (const params of [{}, { repo: 'r' }, { repo: 'r', tag: 't', colour: 'red' }, { repo: 5, tag: 't' }, { repo: 'r', tag: '{{ x }}' }]) {
      const server = validateWorkflow(wf(params));
      const browser = validateWorkflow(wf(params), client);
      expect(browser.ok ? [] : browser.issues.map((i) => i.path)).toEqual(server.ok ? [] : server.issues.map((i) => i.path));
    }
  });
});
