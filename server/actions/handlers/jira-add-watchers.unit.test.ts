// jira.add-watchers against a local Jira that keeps watchers in memory (bare JSON string bodies).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jiraAddWatchers } from '@/engine/actions/jira-add-watchers';
import { callAction } from '@/tests/support/fakes/action-input';
import { startFakeJira, type FakeJira } from '@/tests/support/fakes/fake-jira';
import { basicCredentials } from '@/tests/support/fakes/local-http';
import { isPermanent } from '../types';
import { jiraAddWatchersHandler } from './jira-add-watchers';

let jira: FakeJira;
beforeAll(async () => {
  jira = await startFakeJira({ issues: { 'REL-1': { watchers: ['amara'] }, 'REL-2': {} } });
});
afterAll(() => jira.close());

const add = (issue: string, watchers: string[], creds: object = { username: 'bot@example.com', password: 'jira-token' }) =>
  callAction(jiraAddWatchers, jiraAddWatchersHandler, { baseUrl: jira.url, issue, watchers, ...creds });

describe('jira.add-watchers', () => {
  it('adds only the missing watchers, each as a bare JSON string, ignoring duplicates and blanks', async () => {
    const { outputs } = await add('REL-1', ['amara', 'li.wei', 'li.wei', ' ', 'jonas']);
    expect(outputs).toEqual({ added: ['li.wei', 'jonas'], already: ['amara'], watchCount: 3 });
    expect(jira.issues.get('REL-1')!.watchers).toEqual(['amara', 'li.wei', 'jonas']);
    const posts = jira.to('/rest/api/2/issue/REL-1/watchers', 'POST');
    expect(posts.map((p) => p.text)).toEqual(['"li.wei"', '"jonas"']);
    expect(posts[0].headers['content-type']).toBe('application/json');
    expect(basicCredentials(posts[0].headers)).toBe('bot@example.com:jira-token');
  });

  it('a step that runs again adds nobody', async () => {
    await add('REL-2', ['amara']);
    const again = await add('REL-2', ['amara']);
    expect(again.outputs).toEqual({ added: [], already: ['amara'], watchCount: 1 });
    expect(jira.to('/rest/api/2/issue/REL-2/watchers', 'POST')).toHaveLength(1);
  });

  it('an empty list reads the issue and changes nothing (a train without features)', async () => {
    expect((await add('REL-2', [])).outputs).toEqual({ added: [], already: [], watchCount: 1 });
  });

  it('fails permanently on wrong credentials or an unknown issue, without the secret in the message', async () => {
    const denied = await add('REL-1', ['x'], { email: 'bot@example.com', apiToken: 'nope' }).catch((e: Error) => e);
    expect(isPermanent(denied)).toBe(true);
    expect((denied as Error).message).toMatch(/Jira GET \/rest\/api\/2\/issue\/REL-1\/watchers answered 401/);
    expect((denied as Error).message).not.toContain('nope');
    const missing = await add('NOPE-9', ['x']).catch((e: Error) => e);
    expect(isPermanent(missing)).toBe(true);
  });

  it('requires one user and one secret, and bounds the list', () => {
    const base = { baseUrl: 'https://acme.atlassian.net', issue: 'REL-1', email: 'a@b.c', apiToken: 't' };
    expect(jiraAddWatchers.params.safeParse({ ...base, watchers: ['a'] }).success).toBe(true);
    expect(jiraAddWatchers.params.safeParse({ ...base, apiToken: undefined, watchers: ['a'] }).success).toBe(false);
    expect(jiraAddWatchers.params.safeParse({ ...base, watchers: Array.from({ length: 101 }, (_, i) => `u${i}`) }).success).toBe(false);
  });
});
