// Route handlers stay thin: parse → authorize → call a use-case → return a DTO. This wrapper turns
// coded errors into JSON 4xx answers and anything unexpected into a logged 500 without details.
import { ZodError } from 'zod';
import { isDatabaseUnavailable } from '../db/unavailable';
import { AppError } from '../errors';
import { csrfRefusal } from './csrf';
import { checkRequestText } from './input-guard';

export const json = (body: unknown, status = 200, headers?: HeadersInit) =>
  Response.json(body, { status, headers });

export function errorResponse(err: unknown): Response {
  if (err instanceof AppError) {
    const retry = err.retryAfterSeconds !== undefined ? { 'retry-after': String(Math.max(1, Math.ceil(err.retryAfterSeconds))) } : undefined;
    return json({ error: err.message, ...(err.details !== undefined && { details: err.details }) }, err.status, retry);
  }
  if (err instanceof ZodError) {
    const issues = err.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    return json({ error: `invalid input: ${issues.join('; ')}`, details: err.issues }, 400);
  }
  // Postgres stalled, stopped, restarting or saturated: not a bug, and the client should retry.
  if (isDatabaseUnavailable(err)) {
    warnUnavailable(err);
    return json({ error: 'service unavailable: the database is not answering, retry shortly' }, 503, { 'retry-after': '2' });
  }
  console.error('[api] unexpected error', err);
  return json({ error: 'internal error' }, 500);
}

let lastWarned = 0;
function warnUnavailable(err: unknown) {
  // Once every 10 s at most: during an outage every request would log otherwise.
  if (Date.now() - lastWarned < 10_000) return;
  lastWarned = Date.now();
  const lines = String((err as Error)?.message ?? err).split('\n').filter((l) => l.trim());
  console.warn(`[api] database unavailable: ${lines.at(-1) ?? 'unknown error'}`); // Prisma's last line names the cause
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      // Every API route passes here, so cookie-authenticated writes are CSRF-checked centrally.
      const refused = csrfRefusal(request);
      if (refused) return refused;
      await checkRequestText(request, context);
      return await handler(request, context);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

export function searchParams(request: Request): URLSearchParams {
  return new URL(request.url).searchParams;
}
