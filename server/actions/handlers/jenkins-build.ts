import type { z } from 'zod';
import type { jenkinsBuild } from '@/engine/actions/jenkins-build';
import { basicAuth, joinUrl, send, sendOk, sleep, statusError } from '../http-client';
import { isPermanent, PermanentError, type ActionHandler } from '../types';

type Params = z.output<typeof jenkinsBuild.params>;
type QueueItem = { cancelled?: boolean; why?: string | null; executable?: { number: number; url: string } | null };

/** "a/b" → "/job/a/job/b", each name encoded (job names may hold spaces). */
export const jobPath = (job: string): string => job.split('/').map((name) => `/job/${encodeURIComponent(name)}`).join('');

/**
 * CSRF protection: a crumb from the crumb issuer, sent back in the header it names together with
 * the session cookie it was issued under (crumbs are tied to the session since Jenkins 2.176).
 * 404 means the instance has CSRF protection off.
 */
async function crumbHeaders(p: Params, authorization: string, signal: AbortSignal): Promise<Record<string, string>> {
  const answer = await send({ url: joinUrl(p.baseUrl, '/crumbIssuer/api/json'), headers: { authorization }, signal });
  if (answer.status === 404) return {};
  if (!answer.ok) throw statusError('Jenkins crumb issuer', answer);
  const { crumbRequestField, crumb } = answer.body as { crumbRequestField?: string; crumb?: string };
  if (!crumbRequestField || !crumb) throw new PermanentError('Jenkins crumb issuer answered without a crumb');
  const cookie = answer.setCookies.map((c) => c.split(';')[0]).join('; ');
  return { [crumbRequestField]: crumb, ...(cookie && { cookie }) };
}

async function waitForStart(p: Params, queueUrl: string, authorization: string, signal: AbortSignal, now: () => Date) {
  const deadline = now().getTime() + p.timeoutMs;
  for (;;) {
    const answer = await send({ url: `${queueUrl}api/json`, headers: { authorization }, signal }).catch((err: Error) => err);
    if (!(answer instanceof Error)) {
      // A 4xx (usually 404: Jenkins forgets items a while after they left the queue) will not improve.
      if (!answer.ok && answer.status < 500) throw new PermanentError(statusError('Jenkins queue item', answer).message);
      if (answer.ok) {
        const item = answer.body as QueueItem;
        if (item.executable?.number !== undefined) return item.executable;
        if (item.cancelled) throw new PermanentError(`the queued build ${queueUrl} was cancelled`);
      }
    } else if (signal.aborted || isPermanent(answer)) throw answer; // cancelled, or refused by the SSRF guard
    // Failing here must not be retried: a retry would trigger a second build.
    if (now().getTime() + p.pollIntervalMs > deadline) {
      throw new PermanentError(`build queued as ${queueUrl} but did not start within ${p.timeoutMs} ms`);
    }
    await sleep(p.pollIntervalMs, signal);
  }
}

export const jenkinsBuildHandler: ActionHandler<Params> = async ({ params: p, signal, log, now }) => {
  const authorization = basicAuth(p.username, p.apiToken);
  const crumb = await crumbHeaders(p, authorization, signal);
  const url = joinUrl(p.baseUrl, `${jobPath(p.job)}/${p.parameters ? 'buildWithParameters' : 'build'}`);
  const form = new URLSearchParams(Object.entries(p.parameters ?? {}).map(([k, v]) => [k, String(v)]));
  log('info', `triggering ${p.job}${p.parameters ? ` with ${[...form.keys()].join(', ') || 'default parameters'}` : ''}`);
  const answer = await sendOk({ url, method: 'POST', headers: { authorization, ...crumb }, body: form, signal, label: `Jenkins job ${p.job}` });
  // Rebuild the queue URL on baseUrl: Location uses Jenkins' configured root URL, which may not be
  // reachable from here (a proxy in front, a misconfigured root URL).
  const queueId = Number(/\/queue\/item\/(\d+)\/?$/.exec(answer.headers.location ?? '')?.[1]);
  if (!Number.isInteger(queueId)) {
    throw new PermanentError(`Jenkins answered ${answer.status} without a queue item Location; check baseUrl and the job's permissions`);
  }
  const queueUrl = joinUrl(p.baseUrl, `/queue/item/${queueId}/`);
  log('info', `queued as ${queueUrl}`);
  if (!p.waitForStart) return { outputs: { queueUrl, queueId, buildNumber: null, buildUrl: null } };
  const build = await waitForStart(p, queueUrl, authorization, signal, now);
  log('info', `started build #${build.number}`);
  return { outputs: { queueUrl, queueId, buildNumber: build.number, buildUrl: build.url } };
};
