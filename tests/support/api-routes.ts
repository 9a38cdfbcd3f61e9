// The API as the app/api tree declares it: every route.ts found on disk, each exported HTTP method
// keyed "<METHOD> /api/<folders as on disk>" (e.g. "POST /api/runs/[id]/cancel"), so tests can
// check that they cover every route there is, and call any of them in-process as Next would.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NextRequest } from 'next/server';
import { makeRequest, type Answer, type Handler } from './http';

const API_DIR = fileURLToPath(new URL('../../app/api/', import.meta.url));
const HTTP_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export type ApiRoutes = Map<string, Handler<never>>;

const routeDirs = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? routeDirs(join(dir, e.name)) : e.name === 'route.ts' ? [dir] : []));

/** Imports every app/api route module and reads its exported HTTP methods. */
export async function discoverApiRoutes(): Promise<ApiRoutes> {
  const routes: ApiRoutes = new Map();
  for (const dir of routeDirs(API_DIR)) {
    const mod = (await import(join(dir, 'route.ts'))) as Record<string, unknown>;
    const pattern = ['/api', ...relative(API_DIR, dir).split(sep).filter(Boolean)].join('/');
    for (const method of HTTP_METHODS) if (typeof mod[method] === 'function') routes.set(`${method} ${pattern}`, mod[method] as Handler<never>);
  }
  return routes;
}

/** What one call sends: dynamic segments by name (a catch-all takes a list), query, body. */
export type RouteCall = { params?: Record<string, string | string[]>; query?: string; body?: unknown };

/** `/api/runs/[id]` + {id: 'r1'} → `/api/runs/r1`; `[...rest]` joins its list with "/". */
export const pathOf = (pattern: string, params: Record<string, string | string[]>) =>
  pattern.replace(/\[(\.\.\.)?(\w+)\]/g, (_m, rest, name) => (rest ? (params[name] as string[]).join('/') : encodeURIComponent(String(params[name]))));

/**
 * Calls a route handler with a NextRequest (as Next does: some handlers read nextUrl). A string
 * body is sent as YAML, anything else as JSON. An event stream is hung up on once it answers.
 */
export async function callApiRoute(routes: ApiRoutes, key: string, call: RouteCall, headers: Record<string, string>): Promise<Answer> {
  const [method, pattern] = key.split(' ');
  const handler = routes.get(key);
  if (!handler) throw new Error(`no route ${key} in app/api`);
  const isText = typeof call.body === 'string';
  const init = {
    method,
    headers: { ...headers, ...(call.body !== undefined && { 'content-type': isText ? 'text/yaml' : 'application/json' }) },
    body: call.body === undefined ? undefined : isText ? (call.body as string) : JSON.stringify(call.body),
  };
  const abort = new AbortController();
  const request = new NextRequest(makeRequest(pathOf(pattern, call.params ?? {}) + (call.query ?? ''), init), { signal: abort.signal });
  const res = await handler(request, { params: Promise.resolve(call.params ?? {}) as never });
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('text/event-stream')) {
    abort.abort();
    await res.body?.cancel().catch(() => undefined);
    return { status: res.status, body: { contentType: type }, headers: res.headers };
  }
  const text = await res.text();
  return { status: res.status, body: type.includes('json') && text ? JSON.parse(text) : text, headers: res.headers };
}
