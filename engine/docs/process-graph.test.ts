import { describe, expect, it } from 'vitest';
import { workflowSchema, type WorkflowInput } from '../workflow/schema';
import { buildProcessGraph, eventAnchor, stepEventLinks, type ProcessWorkflowInput } from './process-graph';

const wf = (input: Omit<WorkflowInput, 'apiVersion' | 'kind'>, enabled = true): ProcessWorkflowInput => {
  const definition = workflowSchema.parse({ apiVersion: 'railyard/v1', kind: 'Workflow', ...input });
  return { name: definition.name, version: 1, description: definition.description, enabled, definition };
};

// The story of DESIGN.md: start release → preproduction build → build finished → tag and deploy.
const startRelease = wf({
  name: 'start-release',
  description: 'Cuts a release branch and asks CI for a build.',
  owner: 'delivery team',
  trigger: { source: 'railyard', type: 'release.started' },
  steps: [
    { id: 'build', action: 'jenkins.build', with: { job: 'web' } },
    { id: 'built', action: 'event.wait', needs: ['build'], description: 'Wait for the CI callback.', with: { source: 'jenkins', type: 'build-finished', match: 'candidate.payload.build.number = 1' } },
    { id: 'ready', action: 'event.emit', needs: ['built'], with: { type: 'release.ready' } },
    { id: 'dyn', action: 'event.emit', with: { type: '{{ event.payload.next }}' } },
  ],
});
const deploy = wf({
  name: 'deploy-preprod',
  trigger: { source: 'jenkins', type: 'build-finished', filter: 'event.payload.build.status = "SUCCESS"' },
  steps: [{ id: 'tag', action: 'git.tag', with: { repo: 'web', tag: 'v1' } }],
});
const announce = wf({ name: 'announce', trigger: { source: 'railyard', type: 'release.ready' }, steps: [{ id: 'say', action: 'log', with: { message: 'ready' } }] });
const off = wf({ name: 'old-release', trigger: { source: 'railyard', type: 'release.started' }, steps: [{ id: 'x', action: 'event.emit', with: { type: 'old.thing' } }] }, false);

const registry = [
  { source: 'jenkins', type: 'build-finished', description: 'A Jenkins build finished.', registered: true },
  { source: 'github', type: 'push', description: 'Commits were pushed.', registered: true },
];

describe('buildProcessGraph', () => {
  const graph = buildProcessGraph(registry, [startRelease, deploy, announce, off]);
  const entry = (source: string, type: string) => graph.entries.find((e) => e.source === source && e.type === type);

  it('lists every registered type, listened to or not, plus types only workflows mention', () => {
    expect(graph.entries.map((e) => `${e.source}/${e.type}`)).toEqual(['github/push', 'jenkins/build-finished', 'railyard/release.ready', 'railyard/release.started']);
    expect(entry('github', 'push')).toMatchObject({ registered: true, listeners: [], emittedBy: [], awaitedBy: [] });
    expect(entry('railyard', 'release.started')).toMatchObject({ registered: false, description: '' });
  });

  it('puts enabled listeners with their filter in words; disabled workflows neither listen nor emit', () => {
    expect(entry('jenkins', 'build-finished')!.listeners).toEqual([
      { name: 'deploy-preprod', version: 1, description: '', owner: null, filter: 'event.payload.build.status = "SUCCESS"', filterInWords: 'only when the event\'s `payload.build.status` is `"SUCCESS"`' },
    ]);
    expect(entry('railyard', 'release.started')!.listeners.map((l) => [l.name, l.owner])).toEqual([['start-release', 'delivery team']]);
    expect(graph.entries.some((e) => e.type === 'old.thing')).toBe(false);
    expect(graph.workflows['old-release']).toBeUndefined();
  });

  it('records who emits and who waits for each event (internal source by default), skipping computed types', () => {
    expect(entry('railyard', 'release.ready')!.emittedBy).toEqual([{ workflow: 'start-release', step: 'ready', description: '' }]);
    expect(entry('jenkins', 'build-finished')!.awaitedBy).toEqual([
      { workflow: 'start-release', step: 'built', description: 'Wait for the CI callback.', match: 'candidate.payload.build.number = 1' },
    ]);
    expect(graph.workflows['start-release'].links.find((l) => l.step === 'dyn')).toMatchObject({ kind: 'emits', dynamic: true });
  });

  it('links the workflows of one story both ways', () => {
    const chain = graph.workflows['start-release'];
    expect(chain.downstream.map((d) => [d.workflow, d.step, d.kind])).toEqual([['deploy-preprod', 'built', 'awaits'], ['announce', 'ready', 'emits']]);
    expect(graph.workflows['deploy-preprod'].upstream).toEqual([{ workflow: 'start-release', step: 'built', source: 'jenkins', type: 'build-finished', kind: 'awaits' }]);
    expect(graph.workflows.announce.upstream.map((u) => u.workflow)).toEqual(['start-release']);
    expect(graph.workflows.announce.downstream).toEqual([]);
  });
});

describe('stepEventLinks and anchors', () => {
  it('reads event.emit and event.wait steps only', () => {
    expect(stepEventLinks(startRelease.definition).map((l) => `${l.kind} ${l.source}/${l.type}`)).toEqual([
      'awaits jenkins/build-finished', 'emits railyard/release.ready', 'emits railyard/{{ event.payload.next }}',
    ]);
    expect(eventAnchor('jenkins', 'build-finished')).toBe('ev-jenkins/build-finished');
  });
});
