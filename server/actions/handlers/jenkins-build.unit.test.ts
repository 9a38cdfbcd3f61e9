// jenkins.build against a local Jenkins that checks auth, crumb and cookie, and queues builds.
import { afterEach, describe, expect, it } from 'vitest';
import { jenkinsBuild } from '@/engine/actions/jenkins-build';
import { callAction } from '@/tests/support/fakes/action-input';
import { startFakeJenkins, type FakeJenkins, type FakeJenkinsOptions } from '@/tests/support/fakes/fake-jenkins';
import { basicCredentials } from '@/tests/support/fakes/local-http';
import { isPermanent } from '../types';
import { jenkinsBuildHandler, jobPath } from './jenkins-build';

let jenkins: FakeJenkins | undefined;
afterEach(() => jenkins?.close());

async function trigger(opts: FakeJenkinsOptions, params: Partial<Parameters<typeof callAction<typeof jenkinsBuild.params>>[2]> = {}) {
  jenkins = await startFakeJenkins(opts);
  return callAction(jenkinsBuild, jenkinsBuildHandler, { baseUrl: jenkins.url, job: 'app', username: 'ci', apiToken: 'tok', pollIntervalMs: 10, ...params });
}

describe('jenkins.build', () => {
  it('sends crumb, session cookie, basic auth and form parameters, then waits for the build number', async () => {
    const { outputs, logs } = await trigger({ jobs: ['releases/web app'] }, { job: 'releases/web app', parameters: { VERSION: '1.4.0', DRY_RUN: false, SHARDS: 3 } });
    const j = jenkins!;
    const post = j.seen.find((s) => s.method === 'POST')!;
    expect(post.path).toBe('/job/releases/job/web%20app/buildWithParameters');
    expect(post.headers['jenkins-crumb']).toBe(j.crumb);
    expect(post.headers.cookie).toBe(j.session);
    expect(basicCredentials(post.headers)).toBe('ci:tok');
    expect(j.triggers).toEqual([{ job: 'releases/web app', endpoint: 'buildWithParameters', params: { VERSION: '1.4.0', DRY_RUN: 'false', SHARDS: '3' }, queueId: 101 }]);
    expect(j.to('/queue/item/101/api/json')).toHaveLength(2); // first waiting, then started
    expect(outputs).toEqual({
      queueUrl: `${j.url}/queue/item/101/`, // rebased from Jenkins' own root URL onto baseUrl
      queueId: 101,
      buildNumber: 1,
      buildUrl: `${j.url}/job/releases/job/web app/1/`,
    });
    expect(logs.join('\n')).not.toContain('tok');
  });

  it('uses /build without parameters, and skips the crumb when CSRF protection is off', async () => {
    const { outputs } = await trigger({ csrf: false }, { waitForStart: false });
    const j = jenkins!;
    expect(j.triggers[0]).toMatchObject({ job: 'app', endpoint: 'build', params: {} });
    expect(j.seen.find((s) => s.method === 'POST')!.headers['jenkins-crumb']).toBeUndefined();
    expect(outputs).toEqual({ queueUrl: `${j.url}/queue/item/101/`, queueId: 101, buildNumber: null, buildUrl: null });
    expect(j.seen.filter((s) => s.path.startsWith('/queue'))).toEqual([]);
  });

  it('fails permanently on bad credentials and unknown jobs, without triggering', async () => {
    const denied = await trigger({}, { apiToken: 'wrong' }).catch((e: Error) => e);
    expect(isPermanent(denied)).toBe(true);
    expect((denied as Error).message).toMatch(/crumb issuer answered 401/);
    await jenkins!.close();
    const missing = await trigger({}, { job: 'nope' }).catch((e: Error) => e);
    expect(isPermanent(missing)).toBe(true);
    expect((missing as Error).message).toMatch(/Jenkins job nope answered 404/);
    expect(jenkins!.triggers).toEqual([]);
  });

  it('reports a cancelled queue item, and a build that does not start in time, as permanent', async () => {
    const cancelled = await trigger({ cancel: true }).catch((e: Error) => e);
    expect(isPermanent(cancelled)).toBe(true);
    expect((cancelled as Error).message).toMatch(/cancelled/);
    await jenkins!.close();
    const slow = await trigger({ waitingPolls: 1_000 }, { timeoutMs: 1_000, pollIntervalMs: 100 }).catch((e: Error) => e);
    expect(isPermanent(slow)).toBe(true); // a retry would trigger a second build
    expect((slow as Error).message).toMatch(/did not start within 1000 ms/);
    expect(jenkins!.triggers).toHaveLength(1);
  });

  it('maps folders to /job/ segments and rejects malformed job paths', () => {
    expect(jobPath('a/b/c')).toBe('/job/a/job/b/job/c');
    expect(jenkinsBuild.params.safeParse({ baseUrl: 'https://ci.example.com', job: '/a/', username: 'u', apiToken: 't' }).success).toBe(false);
    expect(jenkinsBuild.params.parse({ baseUrl: 'https://ci.example.com', job: 'a', username: 'u', apiToken: 't' })).toMatchObject({ waitForStart: true, timeoutMs: 60_000 });
  });
});
