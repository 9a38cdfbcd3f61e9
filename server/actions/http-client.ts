// The one place action handlers talk HTTP: timeouts, body encoding, response parsing and the
// transient-vs-permanent classification the executor's retry policy relies on.
import { httpLimitSettings } from '../env';
import { ConnectTimeoutError, exchange, REDIRECTS, type RawAnswer } from './http-transport';
import { connectLookup, guardTarget } from './target-guard';
import { PermanentError } from './types';

/** Cap on a response body kept in step outputs: outputs are stored in Postgres and sent to browsers. */
const MAX_BODY_CHARS = 256 * 1024;

export type HttpCall = {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** A string is sent as is, URLSearchParams as a form, anything else as JSON. */
  body?: unknown;
  /** The whole call, body included; RAILYARD_HTTP_TIMEOUT_MS when unset. */
  timeoutMs?: number;
  /** The step's signal: cancelling the step cancels the request. */
  signal?: AbortSignal;
  /** Names the call in error messages instead of "METHOD url", when the URL holds a secret. */
  label?: string;
};

export type HttpAnswer = {
  status: number;
  ok: boolean;
  headers: Record<string, string>;
  /** Separate from `headers`, whose values are joined: each Set-Cookie must stay whole. */
  setCookies: string[];
  text: string;
  /** Parsed JSON when the response says it is JSON, otherwise the text. */
  body: unknown;
};

export const basicAuth = (username: string, password: string): string =>
  `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;

/** Joins a base URL (with or without a trailing slash or sub-path) and an absolute path. */
export const joinUrl = (base: string, path: string): string => `${base.replace(/\/+$/, '')}${path}`;

/** Worth another try: the server was overloaded or failing, or we went too fast. */
export const isRetryableStatus = (status: number): boolean => status >= 500 || status === 429 || status === 408;

/**
 * Sends one request. Resolves for every HTTP status (the caller decides what is acceptable);
 * rejects with a transient Error on network failure or timeout, and rethrows the step's own abort.
 */
export async function send(call: HttpCall): Promise<HttpAnswer> {
  const method = call.method ?? 'GET';
  // Lower-case names, so defaults below never add a second Content-Type beside the caller's.
  const headers: Record<string, string> = { accept: '*/*', 'user-agent': 'railyard', ...lowerKeys(call.headers) };
  let body: string | undefined;
  if (call.body !== undefined && method !== 'GET' && method !== 'HEAD') {
    if (typeof call.body === 'string') body = call.body;
    else if (call.body instanceof URLSearchParams) {
      body = call.body.toString();
      headers['content-type'] ??= 'application/x-www-form-urlencoded';
    } else {
      body = JSON.stringify(call.body);
      headers['content-type'] ??= 'application/json';
    }
  }
  const label = call.label ?? `${method} ${call.url}`;
  const limits = httpLimitSettings();
  const timeoutMs = call.timeoutMs ?? limits.timeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
  const base = { signal, label, connectTimeoutMs: Math.min(limits.connectTimeoutMs, timeoutMs), maxBodyBytes: limits.maxBodyBytes };
  let res: RawAnswer;
  try {
    res = await fetchGuarded(call.url, { ...base, method, headers, body });
  } catch (err) {
    if (call.signal?.aborted || err instanceof PermanentError) throw err; // cancelled, refused by the guard, body too large
    if (timeout.aborted) throw new Error(`${label} timed out after ${timeoutMs} ms`);
    if (err instanceof ConnectTimeoutError) throw new Error(err.message);
    const e = err as NodeJS.ErrnoException;
    throw new Error(`${label} failed: ${e.code ?? e.message}`);
  }
  const text = res.body.toString('utf8').slice(0, MAX_BODY_CHARS);
  const ok = res.status >= 200 && res.status < 300;
  return { status: res.status, ok, headers: res.headers, setCookies: res.setCookies, text, body: parseBody(text, res.headers['content-type'] ?? null) };
}

const MAX_REDIRECTS = 10;

const lowerKeys = (h: Record<string, string> = {}) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

type Init = Omit<Parameters<typeof exchange>[0], 'url'>;

/** One exchange per hop, following redirects by hand so that every hop passes the SSRF guard, not only the first. */
async function fetchGuarded(url: string, init: Init): Promise<RawAnswer> {
  let current = url;
  let { method, headers, body } = init;
  for (let hop = 0; ; hop++) {
    await guardTarget(current, init.label);
    // The connection checks again what it resolves (DNS may answer differently this time).
    const res = await exchange({ ...init, url: current, method, headers, body, lookup: connectLookup(current, init.label) });
    const { status, location } = res;
    if (!REDIRECTS.includes(status) || !location) return res;
    if (hop >= MAX_REDIRECTS) throw new PermanentError(`${init.label}: more than ${MAX_REDIRECTS} redirects`);
    const next = new URL(location, current);
    // As fetch does: 303, and 301/302 after a POST, continue as a GET without a body.
    if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
      headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'content-type' && k !== 'content-length'));
    }
    // Credentials stay with the origin they were meant for.
    if (next.origin !== new URL(current).origin) {
      headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !['authorization', 'cookie'].includes(k)));
    }
    current = next.href;
  }
}

function parseBody(text: string, contentType: string | null): unknown {
  if (!(contentType ?? '').includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text; // says JSON but is not (or was truncated): the text is still useful
  }
}

/** The error a non-success answer deserves: 4xx will not change on retry, 5xx/429/408 might. */
export function statusError(what: string, answer: Pick<HttpAnswer, 'status' | 'text'>): Error {
  const message = `${what} answered ${answer.status}: ${answer.text.slice(0, 300)}`;
  return isRetryableStatus(answer.status) ? new Error(message) : new PermanentError(message);
}

/** `send`, then throw the classified error unless the status is 2xx. */
export async function sendOk(call: HttpCall): Promise<HttpAnswer> {
  const answer = await send(call);
  if (!answer.ok) throw statusError(call.label ?? `${call.method ?? 'GET'} ${call.url}`, answer);
  return answer;
}

/** Waits `ms`, or rejects as soon as the step is cancelled. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
