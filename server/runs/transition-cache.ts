// What a worker keeps between steps so that a step transition reloads nothing immutable: workflow
// versions (never edited: publishing makes a new one) and events (stored once, never changed in the
// fields a run reads), plus which version and event each recent run has. Bounded LRUs keyed by id;
// losing them costs one extra read, never a wrong answer. Mutable state (the workflow's secret
// grants and shell permission, the run's status and vars, step outputs) is read at every claim.
import type { WorkflowDefinition } from '@/engine/workflow/schema';

export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v); // most recently used last
    }
    return v;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
  }
  get size() {
    return this.map.size;
  }
  /** Every key, least recently used first (no reordering). */
  keys(): K[] {
    return [...this.map.keys()];
  }
}

export type CachedEvent = { id: string; sourceKey: string; type: string; payload: unknown; headers: Record<string, string>; receivedAt: Date };

// Events can be large (payloads up to the intake limit): keep fewer of them than versions.
export const versions = new Lru<string, WorkflowDefinition>(200);
export const events = new Lru<string, CachedEvent>(100);
export const runKeys = new Lru<string, { versionId: string; eventId: string }>(2_000);

/** What a claim of a step of `runId` must bring along because it is not cached. */
export function claimNeeds(runId: string): { event: boolean; definition: boolean } {
  const keys = runKeys.get(runId);
  return { event: !keys || !events.get(keys.eventId), definition: !keys || !versions.get(keys.versionId) };
}
