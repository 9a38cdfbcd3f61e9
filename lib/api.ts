// Fetch helpers for the Railyard API. Errors surface the server's `{error}` message so the UI can
// show exactly what was wrong; responses are parsed with the engine's DTO schemas (the contract).
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

async function errorFrom(res: Response): Promise<ApiError> {
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
  const res = await fetch(path, { headers: { accept: 'application/json' }, signal, cache: 'no-store' });
  if (!res.ok) throw await errorFrom(res);
  return parseWith(schema, await res.json(), path);
}

export interface SendOptions {
  token?: string | null;
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
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  Object.assign(headers, opts.headers);
  const res = await fetch(path, {
    method,
    headers,
    // A pre-serialised string is sent verbatim (the send page posts exactly what was typed).
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (!res.ok) throw await errorFrom(res);
  return { data: parseWith(schema, await res.json(), path), status: res.status };
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
