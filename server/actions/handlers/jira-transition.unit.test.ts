// jira.transition against a local Jira whose issues move through a To Do / In Progress / Done workflow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jiraTransition } from '@/engine/actions/jira-transition';
import { callAction } from '@/tests/support/fakes/action-input';
import { startFakeJira, type FakeJira } from '@/tests/support/fakes/fake-jira';
import { isPermanent } from '../types';
import { jiraTransitionHandler } from './jira-transition';

let jira: FakeJira;
beforeAll(async () => {
  jira = await startFakeJira({ issues: { 'REL-1': {}, 'REL-2': {}, 'REL-3': { status: 'Done' }, 'REL-4': {} } });
});
afterAll(() => jira.close());

const move = (issue: string, to: string, extra: { comment?: string } = {}) =>
  callAction(jiraTransition, jiraTransitionHandler, { baseUrl: jira.url, issue, to, email: 'bot@example.com', apiToken: 'jira-token', ...extra });

describe('jira.transition', () => {
  it('finds the transition by target status, case-insensitively, and posts its id', async () => {
    const { outputs } = await move('REL-1', 'in progress');
    expect(outputs).toEqual({ transitionId: '11', from: 'To Do', to: 'In Progress', changed: true });
    expect(jira.issues.get('REL-1')!.status).toBe('In Progress');
    expect(jira.to('/rest/api/2/issue/REL-1/transitions', 'POST')[0].json).toEqual({ transition: { id: '11' } });
  });

  it('finds the transition by its own name, and adds the comment once', async () => {
    const { outputs } = await move('REL-2', 'Done', { comment: 'Released in 1.4.0' });
    expect(outputs).toMatchObject({ transitionId: '31', from: 'To Do', to: 'Done', changed: true });
    // A re-run of the same attempt: already Done, comment already there.
    const again = await move('REL-2', 'done', { comment: 'Released in 1.4.0' });
    expect(again.outputs).toEqual({ transitionId: null, from: 'Done', to: 'Done', changed: false });
    expect(jira.issues.get('REL-2')!.comments.map((c) => c.body)).toEqual(['Released in 1.4.0\n\n[railyard:run1.step.1]']);
    expect(jira.to('/rest/api/2/issue/REL-2/transitions', 'POST')).toHaveLength(1);
  });

  it('succeeds without a change when the issue is already in the target status', async () => {
    const { outputs } = await move('REL-3', 'DONE');
    expect(outputs).toEqual({ transitionId: null, from: 'Done', to: 'Done', changed: false });
    expect(jira.to('/rest/api/2/issue/REL-3/transitions')).toEqual([]);
  });

  it('fails permanently on an unknown transition, listing the available ones', async () => {
    const err = await move('REL-4', 'Deployed').catch((e: Error) => e);
    expect(isPermanent(err)).toBe(true);
    expect((err as Error).message).toBe(
      'REL-4 (To Do) has no transition or target status "Deployed"; available: "Start Progress" (→ In Progress), "Done" (→ Done)',
    );
    expect(jira.issues.get('REL-4')!.status).toBe('To Do');
  });
});
