import type { z } from 'zod';
import type { httpRequest } from '@/engine/actions/http-request';
import { basicAuth, isRetryableStatus, send, sleep, statusError, type HttpAnswer } from '../http-client';
import { isPermanent, PermanentError, type ActionHandler } from '../types';

type Params = z.output<typeof httpRequest.params>;

function authHeader(auth: Params['auth']): Record<string, string> {
  if (!auth) return {};
  return { authorization: 'bearer' in auth ? `Bearer ${auth.bearer}` : basicAuth(auth.username, auth.password) };
}

export const httpRequestHandler: ActionHandler<Params> = async ({ params, signal, log, idempotencyKey }) => {
  const method = params.method ?? 'GET';
  // The same key on every try, so a receiver that honours Idempotency-Key applies the call once.
  const headers = { 'idempotency-key': idempotencyKey, ...params.headers, ...authHeader(params.auth) };
  const { attempts: retries, delayMs } = params.retries ?? { attempts: 2, delayMs: 500 };
  const isExpected = (status: number) => (params.expectStatus ? params.expectStatus.includes(status) : status >= 200 && status < 300);

  for (let attempt = 1; ; attempt++) {
    log('info', `${method} ${params.url}${attempt > 1 ? ` (try ${attempt})` : ''}`);
    let answer: HttpAnswer | undefined;
    let failure: Error;
    try {
      answer = await send({ url: params.url, method, headers, body: params.body, timeoutMs: params.timeoutMs, signal });
      log(isExpected(answer.status) ? 'info' : 'warn', `→ ${answer.status}`);
      if (isExpected(answer.status)) {
        return { outputs: { status: answer.status, headers: answer.headers, body: answer.body, attempts: attempt } };
      }
      failure = statusError(`${method} ${params.url}`, answer);
    } catch (err) {
      if (signal.aborted || isPermanent(err)) throw err; // e.g. refused by the SSRF guard
      failure = err as Error; // network error or timeout: transient
      log('warn', failure.message);
    }
    // An unexpected 2xx/3xx or a plain 4xx will be the same next time.
    const retryable = answer === undefined || isRetryableStatus(answer.status);
    if (!retryable || attempt > retries) {
      if (attempt > 1) failure.message += ` (after ${attempt} tries)`;
      if (answer && !retryable && !(failure instanceof PermanentError)) throw new PermanentError(failure.message);
      throw failure;
    }
    await sleep(delayMs * 2 ** (attempt - 1), signal);
  }
};
