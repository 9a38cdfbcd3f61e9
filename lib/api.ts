// Fetch helpers for the Railyard API. Errors surface the server's `{error}` message so the UI can
// show exactly what was wrong; responses are parsed with the engine's DTO schemas (the contract).
// The browser is authenticated by the next-auth session cookie (same-origin), never by a token
// kept in the page; a 401 means the session ended, so the person is sent to sign in again.
import { z } from 'zod';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Sends the browser to /signin, coming back to the current page afterwards. */
export function redirectToSignIn(): void {
  if (typeof window === 'undefined' || window.location.pathname === '/signin') return;
  const back = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/signin?callbackUrl=${encodeURIComponent(back)}`);
}

async function errorFrom(res: Response): Promise<ApiError> {
  if (res.status === 401) redirectToSignIn();
  let message = `${res.status} ${res.statusText}`.trim();
  try {
    const body: unknown = await res.json();
    if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string') {
      message = body.error;
    }
  } catch {
    /* not JSON: keep the status line */
  }
  return new ApiError(message, res.status);
}

function parseWith<T>(schema: z.ZodType<T>, data: unknown, path: string): T {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new ApiError(`Unexpected response from ${path}: ${z.prettifyError(result.error)}`, 500);
  }
  return result.data;
}

export async function apiGet<T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' }, signal, cache: 'no-store', credentials: 'same-origin' });
  if (!res.ok) throw await errorFrom(res);
  return parseWith(schema, await res.json(), path);
}

export interface SendOptions {
  headers?: Record<string, string>;
}

/** POST/PATCH/PUT/DELETE with a JSON body. Returns the parsed JSON and the HTTP status. */
export async function apiSend<T>(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
  schema: z.ZodType<T>,
  opts: SendOptions = {},
): Promise<{ data: T; status: number }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  Object.assign(headers, opts.headers);
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    // A pre-serialised string is sent verbatim (the send page posts exactly what was typed).
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (!res.ok) throw await errorFrom(res);
  // 204 No Content (revoke, change password): nothing to parse.
  const data = res.status === 204 ? undefined : await res.json();
  return { data: parseWith(schema, data, path), status: res.status };
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}
