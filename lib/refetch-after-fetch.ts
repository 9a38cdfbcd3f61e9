// A live message says something changed, but the query showing it may have a fetch on its way
// that read the database before the change: its answer would then stand until the next message
// (a station waiting for an approval sends none for a long time). So such a query is fetched once
// more right after that fetch settles; an idle one is refetched now. The fetch in flight is never
// cancelled (under a stream of messages it would restart forever), and however many messages
// arrive meanwhile, one follow-up is enough.
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';

const waiting = new WeakMap<QueryClient, Set<string>>();

function afterInFlight(qc: QueryClient, query: Query): void {
  const pending = waiting.get(qc) ?? new Set<string>();
  waiting.set(qc, pending);
  if (pending.has(query.queryHash)) return;
  pending.add(query.queryHash);
  const cache = qc.getQueryCache();
  const unsubscribe = cache.subscribe((e) => {
    if (e.query !== query || query.state.fetchStatus === 'fetching') return;
    unsubscribe();
    pending.delete(query.queryHash);
    void qc.invalidateQueries({ queryKey: query.queryKey, exact: true });
  });
}

/** For messages that update a cached query in place: they have nothing to update while the first
 *  fetch is still out, so fetch again after it. */
export function refetchAfterFirstFetch(qc: QueryClient, queryKey: QueryKey): void {
  const query = qc.getQueryCache().find({ queryKey, exact: true });
  if (query && query.state.data === undefined && query.state.fetchStatus === 'fetching') afterInFlight(qc, query);
}

/** For messages that make queries stale: every query under `queryKey` (a prefix unless `exact`)
 *  is fetched again, now or right after its fetch in flight. */
export function refetchFresh(qc: QueryClient, queryKey: QueryKey, exact = false): void {
  for (const query of qc.getQueryCache().findAll({ queryKey, exact })) {
    if (query.state.fetchStatus === 'fetching') afterInFlight(qc, query);
    else void qc.invalidateQueries({ queryKey: query.queryKey, exact: true });
  }
}
