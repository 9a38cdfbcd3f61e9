// GET /api/search?q=: event types, workflows, steps and actions by Postgres full-text search
// (server/repositories/search.ts). Results come as you type, so the last word also matches as a
// prefix ("rele" finds "release").
import { eventAnchor } from '@/engine/docs/process-graph';
import { SEARCH_MAX_QUERY, type SearchResultDto } from '@/engine/dto/processes';
import { listActions } from '../actions/catalog';
import { authorize, type Actor } from '../auth/authorize';
import { badRequest } from '../errors';
import { searchRegistry, type SearchRow } from '../repositories/search';

const LIMIT = 20;

/** `release ci` → `release & ci:*` for to_tsquery: letters and digits only, so nothing is syntax. */
export function prefixQuery(q: string): string {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length === 0 ? '' : words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}

function hrefOf(row: SearchRow): string {
  const enc = encodeURIComponent;
  switch (row.kind) {
    case 'workflow':
      return `/workflows/${enc(row.name)}`;
    case 'step': {
      const at = row.name.indexOf('/');
      return `/workflows/${enc(row.name.slice(0, at))}#step-${enc(row.name.slice(at + 1))}`;
    }
    case 'event-type': {
      const at = row.name.indexOf('/');
      return `/processes#${eventAnchor(row.name.slice(0, at), row.name.slice(at + 1))}`;
    }
    case 'action':
      return `/processes#action-${row.name}`;
  }
}

export async function search(actor: Actor, raw: string | null): Promise<SearchResultDto[]> {
  authorize(actor, 'read');
  const q = (raw ?? '').trim();
  if (q === '') throw badRequest('q: give some words to search for (?q=release)');
  if (q.length > SEARCH_MAX_QUERY) throw badRequest(`q: at most ${SEARCH_MAX_QUERY} characters (got ${q.length})`);
  const actions = (await listActions()).map((a) => ({ id: a.id, title: a.title, description: a.description }));
  const rows = await searchRegistry({ query: q, prefix: prefixQuery(q), actions, limit: LIMIT });
  return rows.map((r) => ({ kind: r.kind, name: r.name, title: r.title, snippet: r.snippet, href: hrefOf(r) }));
}
