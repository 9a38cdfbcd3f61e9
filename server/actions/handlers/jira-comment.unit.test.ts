// jira.comment against a local Jira that keeps comments in memory and pages them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jiraComment } from '@/engine/actions/jira-comment';
import { callAction } from '@/tests/support/fakes/action-input';
import { startFakeJira, type FakeJira } from '@/tests/support/fakes/fake-jira';
import { basicCredentials } from '@/tests/support/fakes/local-http';
import { isPermanent } from '../types';
import { jiraCommentHandler } from './jira-comment';

let jira: FakeJira;
beforeAll(async () => {
  // Three older comments and a page size of 2, so finding the marker has to turn pages.
  const old = ['a', 'b', 'c'].map((body, i) => ({ id: String(i + 1), body }));
  jira = await startFakeJira({ issues: { 'REL-1': {}, 'REL-2': { comments: old } }, pageSize: 2 });
});
afterAll(() => jira.close());

const comment = (issue: string, body: string, key = 'run1.note.1', creds: object = { email: 'bot@example.com', apiToken: 'jira-token' }) =>
  callAction(jiraComment, jiraCommentHandler, { baseUrl: jira.url, issue, body, ...creds }, { idempotencyKey: key });

describe('jira.comment', () => {
  it('posts the body with a trailing marker line, signed in with basic auth', async () => {
    const { outputs } = await comment('REL-1', 'Shipped in *1.4.0*.');
    expect(outputs).toEqual({ id: '10000', self: `${jira.url}/rest/api/2/issue/REL-1/comment/10000`, existing: false });
    expect(jira.issues.get('REL-1')!.comments).toEqual([{ id: '10000', body: 'Shipped in *1.4.0*.\n\n[railyard:run1.note.1]' }]);
    const post = jira.to('/rest/api/2/issue/REL-1/comment', 'POST')[0];
    expect(basicCredentials(post.headers)).toBe('bot@example.com:jira-token');
  });

  it('a re-run of the same attempt finds its comment (across pages) and posts nothing', async () => {
    const first = await comment('REL-2', 'Deployed to staging.', 'run2.note.1');
    const again = await comment('REL-2', 'Deployed to staging.', 'run2.note.1');
    expect(again.outputs).toEqual({ ...first.outputs, existing: true });
    expect(jira.issues.get('REL-2')!.comments).toHaveLength(4);
    expect(jira.to('/rest/api/2/issue/REL-2/comment', 'POST')).toHaveLength(1);
    // 3 old + 1 new with a page size of 2: the second lookup needed two pages
    expect(jira.to('/rest/api/2/issue/REL-2/comment', 'GET').map((s) => s.query.get('startAt'))).toEqual(['0', '2', '0', '2']);
    // another attempt has another key, so it comments again
    expect((await comment('REL-2', 'Deployed to staging.', 'run2.note.2')).outputs.existing).toBe(false);
  });

  it('accepts username/password (Jira Server) and fails permanently when they are wrong', async () => {
    const err = await comment('REL-1', 'x', 'k', { username: 'bot', password: 'nope' }).catch((e: Error) => e);
    expect(isPermanent(err)).toBe(true);
    expect((err as Error).message).toMatch(/Jira GET \/rest\/api\/2\/issue\/REL-1\/comment answered 401/);
    expect((err as Error).message).not.toContain('nope');
  });

  it('fails permanently for an unknown issue', async () => {
    const err = await comment('NOPE-9', 'x').catch((e: Error) => e);
    expect(isPermanent(err)).toBe(true);
    expect((err as Error).message).toMatch(/404.*Issue does not exist/);
  });

  it('requires exactly one user and one secret, and a valid issue key', () => {
    const base = { baseUrl: 'https://acme.atlassian.net', issue: 'REL-1', body: 'b' };
    expect(jiraComment.params.safeParse({ ...base, email: 'a@b.c', apiToken: 't' }).success).toBe(true);
    expect(jiraComment.params.safeParse({ ...base, email: 'a@b.c' }).success).toBe(false);
    expect(jiraComment.params.safeParse({ ...base, email: 'a@b.c', username: 'a', apiToken: 't' }).success).toBe(false);
    expect(jiraComment.params.safeParse({ ...base, issue: 'REL 1', email: 'a@b.c', apiToken: 't' }).success).toBe(false);
  });
});
