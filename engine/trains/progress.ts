// Station progress: given a train's stations and one fact (a run of workflow W for this train
// finished, or an event matched a station), which station is reached, which becomes active, and
// whether the train arrived. Pure: the server applies the result under the train's row lock, so a
// fact delivered twice finds the station already reached and changes nothing.
import type { StationDefinition } from './pipeline-schema';

export type StationStatus = 'pending' | 'active' | 'reached' | 'failed';
/** `eventId`: the event that reached a station reached by an event. */
export type StationState = { key: string; status: StationStatus; startedAt: Date | null; reachedAt: Date | null; runIds: string[]; eventId?: string | null };

export type Fact =
  | { kind: 'run'; workflow: string; runId: string; outcome: 'succeeded' | 'failed' | 'cancelled' }
  | { kind: 'event'; stationKey: string; eventId: string };

export type Progress = {
  /** The stations after the fact (only changed ones differ). */
  stations: StationState[];
  changed: string[];
  reached: string | null;
  failed: string | null;
  activated: string | null;
  arrived: boolean;
};

/** The station the train is at: the first one not reached yet (active, or failed and awaiting a re-run). */
export function currentStation(stations: readonly StationState[]): StationState | null {
  return stations.find((s) => s.status !== 'reached') ?? null;
}

/** The rows a departing train starts with: the first station active, the rest pending. */
export function initialStations(defs: readonly Pick<StationDefinition, 'key'>[], now: Date): StationState[] {
  return defs.map((d, i) => ({ key: d.key, status: i === 0 ? 'active' : 'pending', startedAt: i === 0 ? now : null, reachedAt: null, runIds: [] }));
}

/** Applies one fact; null when it concerns no station the train is at (nothing to write). */
export function applyFact(defs: readonly Pick<StationDefinition, 'key' | 'reachedBy'>[], stations: readonly StationState[], fact: Fact, now: Date): Progress | null {
  const current = currentStation(stations);
  if (!current) return null; // arrived already
  const def = defs.find((d) => d.key === current.key);
  if (!def) return null;
  if (fact.kind === 'run') {
    if (!('workflow' in def.reachedBy) || def.reachedBy.workflow !== fact.workflow) return null;
    // A run counts for one station only: a redelivered finish cannot move the train twice.
    if (stations.some((s) => s.status === 'reached' && s.runIds.includes(fact.runId))) return null;
    if (fact.outcome === 'cancelled') return null; // neither reached nor failed: a re-run decides
    if (fact.outcome === 'failed') {
      // The train keeps running: a re-run that succeeds reaches the station, or someone derails it.
      if (current.status === 'failed' && current.runIds.includes(fact.runId)) return null;
      return finish(stations, { ...current, status: 'failed', runIds: withId(current.runIds, fact.runId) }, now, false);
    }
    return finish(stations, { ...current, status: 'reached', reachedAt: now, runIds: withId(current.runIds, fact.runId) }, now, true);
  }
  if (!('event' in def.reachedBy) || fact.stationKey !== current.key) return null;
  return finish(stations, { ...current, status: 'reached', reachedAt: now, eventId: fact.eventId }, now, true);
}

const withId = (ids: readonly string[], id: string) => (ids.includes(id) ? [...ids] : [...ids, id]);

function finish(stations: readonly StationState[], updated: StationState, now: Date, reached: boolean): Progress {
  const i = stations.findIndex((s) => s.key === updated.key);
  const next = reached ? stations[i + 1] : undefined;
  const out = stations.map((s, j) => (j === i ? updated : next && j === i + 1 ? { ...s, status: 'active' as const, startedAt: now } : s));
  return {
    stations: out,
    changed: [updated.key, ...(next ? [next.key] : [])],
    reached: reached ? updated.key : null,
    failed: reached ? null : updated.key,
    activated: next?.key ?? null,
    arrived: reached && !next,
  };
}

/** Derailing: only a running train; returns the refusal in words, or null when allowed. */
export function derailRefusal(train: { status: string; number: number }, reason: string): string | null {
  if (!reason.trim()) return 'reason: say why the train is derailed';
  if (train.status !== 'running') return `train ${train.number} is not running (it ${train.status})`;
  return null;
}
