// Source configuration for the intake hot path (DESIGN.md "Hot paths"): a delivery needs the
// source's preset, auth mode and secrets, which change rarely, so each web process keeps the rows
// it read for RAILYARD_SOURCE_CACHE_MS. Every write in this process (create, update, rotation,
// expiry, import) drops the entry after its commit, so this process sees a change at once; other
// web processes see it within the TTL. A delivery whose credential does not match the cached row
// re-reads the row once before being refused (ingest-event.ts), so a secret rotated through
// another process is accepted at once; only the refusal of a just-revoked secret waits for the TTL.
// Unknown keys are never cached: a source created elsewhere works on its first delivery.
import type { Source } from '../db/generated/client';
import { env } from '../env';
import { findSource } from './sources';

type Entry = { row: Source; until: number };
const holder = globalThis as unknown as { railyardSourceCache?: Map<string, Entry> };
const cache = () => (holder.railyardSourceCache ??= new Map());
/** Bounds memory if a sender walks through many keys (only existing sources are cached anyway). */
const MAX_ENTRIES = 1_000;

export type CachedSource = { row: Source; fresh: boolean };

/**
 * The source as cached (fresh = false) or just read (fresh = true); null when it does not exist.
 * `beforeRead` runs before a database read (the intake's per-address screen), never on a hit.
 */
export async function sourceForIntake(key: string, beforeRead?: () => Promise<void>): Promise<CachedSource | null> {
  const hit = cache().get(key);
  if (hit && hit.until > Date.now()) return { row: hit.row, fresh: false };
  await beforeRead?.();
  const row = await reloadSource(key);
  return row && { row, fresh: true };
}

/** Reads the source now and caches what it read (or forgets it when it is gone). */
export async function reloadSource(key: string): Promise<Source | null> {
  const ttl = env().RAILYARD_SOURCE_CACHE_MS;
  const row = await findSource(key);
  if (!row || ttl === 0) {
    cache().delete(key);
    return row;
  }
  if (cache().size >= MAX_ENTRIES) cache().clear();
  cache().set(key, { row, until: Date.now() + ttl });
  return row;
}

/** Call after the transaction that changed the source has committed. */
export const invalidateSource = (key: string) => void cache().delete(key);

/** Everything (registry import, test resets that TRUNCATE). */
export const clearSourceCache = () => cache().clear();
