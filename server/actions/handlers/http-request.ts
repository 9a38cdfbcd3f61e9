import type { z } from 'zod';
import type { httpRequest } from '@/engine/actions/http-request';
import { PermanentError, type ActionHandler } from '../types';

const MAX_BODY_CHARS = 256 * 1024;

export const httpRequestHandler: ActionHandler<z.output<typeof httpRequest.params>> = async ({ params, signal, log, idempotencyKey }) => {
  const method = params.method ?? 'GET';
  const headers: Record<string, string> = { 'idempotency-key': idempotencyKey, ...params.headers };
  let body: string | undefined;
  if (params.body !== undefined && method !== 'GET') {
    body = typeof params.body === 'string' ? params.body : JSON.stringify(params.body);
    if (typeof params.body !== 'string') headers['content-type'] ??= 'application/json';
  }
  const timeout = AbortSignal.timeout(params.timeoutMs ?? 10_000);
  log('info', `${method} ${params.url}`);
  const res = await fetch(params.url, { method, headers, body, signal: AbortSignal.any([signal, timeout]) });
  const text = (await res.text()).slice(0, MAX_BODY_CHARS);
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  let parsed: unknown = text;
  if (isJson) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  log(res.ok ? 'info' : 'warn', `→ ${res.status} ${res.statusText}`);
  const expected = params.expectStatus ? params.expectStatus.includes(res.status) : res.ok;
  if (!expected) {
    const message = `${method} ${params.url} answered ${res.status}: ${text.slice(0, 300)}`;
    // A 4xx will not change on retry; a 5xx or 429 might.
    if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new PermanentError(message);
    throw new Error(message);
  }
  return { outputs: { status: res.status, headers: Object.fromEntries(res.headers), body: parsed } };
};
