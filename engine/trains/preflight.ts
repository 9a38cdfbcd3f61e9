// Can a train start? The track rule in words: one regular train on a pipeline's track, one hotfix
// beside it, a hotfix only once something was released. The database enforces the same rule
// (unique (pipelineId, track)); this explains it before anyone presses Start.
import { formatDuration, formatWhen } from './describe';
import { hotfixVersion, nextRegularVersion, type Released, type VersionScheme } from './versions';

export type TrainKind = 'regular' | 'hotfix';

/** A running train as the track rule sees it. */
export type TrackTrain = {
  number: number;
  kind: TrainKind;
  version: string;
  /** Name of the station it is at or heading for. */
  stationName: string | null;
  /** Since when it is at that station (or since it departed). */
  since: Date;
};

export type Preflight = { canStart: boolean; reason: string | null; version: string; baseRef: string | null };

/** "train 12 (1.5.0) is at Test environment since 2026-12-01 10:42 UTC (2 h 5 min)". */
export function describeTrackTrain(t: TrackTrain, now: Date): string {
  const label = `${t.kind === 'hotfix' ? 'hotfix train' : 'train'} ${t.number} (${t.version})`;
  const where = t.stationName ? `is at ${t.stationName}` : 'is on the track';
  return `${label} ${where} since ${formatWhen(t.since)} (${formatDuration(Math.max(0, now.getTime() - t.since.getTime()))})`;
}

export function preflight(input: { kind: TrainKind; running: readonly TrackTrain[]; released: readonly Released[]; scheme: VersionScheme; now: Date }): Preflight {
  const { kind, running, released, scheme, now } = input;
  const holder = running.find((t) => t.kind === kind);
  if (kind === 'regular') {
    const version = nextRegularVersion(released, scheme);
    // While a train holds the track, the version shown is the one the *next* train will get.
    if (holder) {
      const after = nextRegularVersion([...released, { kind: 'regular', version: holder.version }], scheme);
      return { canStart: false, reason: `The track is busy: ${describeTrackTrain(holder, now)}. A new train departs once it arrives or is derailed.`, version: after, baseRef: null };
    }
    return { canStart: true, reason: null, version, baseRef: null };
  }
  const fix = hotfixVersion(released, scheme);
  if (!fix) return { canStart: false, reason: 'Nothing was released yet: a hotfix starts from the last release tag, and no train has arrived.', version: nextRegularVersion(released, scheme), baseRef: null };
  if (holder) return { canStart: false, reason: `A hotfix is already running: ${describeTrackTrain(holder, now)}. One hotfix runs at a time.`, ...fix };
  return { canStart: true, reason: null, ...fix };
}
