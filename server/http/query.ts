import { z } from 'zod';

/** Common list query: ?limit=&before=, bounded so a client cannot ask for the whole table. */
export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().min(1).optional(),
});

export const optional = z.string().min(1).optional();

export function queryObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
