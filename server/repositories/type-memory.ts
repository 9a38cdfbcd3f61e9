// Which (source, type) pairs this process has already stored in the event-type registry, so the
// intake adds the registry insert to its one statement (event-insert.ts) only the first time a pair
// arrives here: after that the hot path writes nothing but the event. Rows in the registry are
// never deleted by the product (only by a test reset, which calls forgetStoredTypes), so "stored
// once" stays true for the process's life. Bounded, since types come from senders.
const holder = globalThis as unknown as { railyardStoredTypes?: Set<string> };
const stored = () => (holder.railyardStoredTypes ??= new Set());
const MAX_PAIRS = 10_000;
const key = (sourceKey: string, type: string) => `${sourceKey}\u0000${type}`;

/** The types of `sourceKey` this process has not stored yet. */
export const unstoredTypes = (sourceKey: string, types: string[]) => [...new Set(types)].filter((t) => !stored().has(key(sourceKey, t)));

/** Call once the statement that stored them has committed. */
export function markTypesStored(sourceKey: string, types: string[]) {
  if (stored().size + types.length > MAX_PAIRS) stored().clear();
  for (const t of types) stored().add(key(sourceKey, t));
}

export const forgetStoredTypes = () => stored().clear();
