// Pure helpers that place a train on the drawn railway line. The pipeline and /trains pages only
// know a TrainSummary (which station it is at); the train page knows every station's status.
import type { STATION_STATUSES, TrainSummary } from '@/engine/dto/trains';

export type StationStatus = (typeof STATION_STATUSES)[number];

export interface LineStation {
  key: string;
  name: string;
  status: StationStatus;
  reachedAt?: string | null;
  overdue?: boolean;
}

export type LineTrain = Pick<TrainSummary, 'id' | 'number' | 'kind' | 'status' | 'version' | 'station'>;

/** Station states implied by where a train is: before it reached, at it active (or failed when the
 *  train derailed there), after it pending. An arrived train has reached them all. */
export function lineFromSummary(stations: readonly { key: string; name: string }[], train: LineTrain | null): LineStation[] {
  const at = train ? stations.findIndex((s) => s.key === train.station) : -1;
  return stations.map((s, i) => {
    let status: StationStatus = 'pending';
    if (train?.status === 'arrived') status = 'reached';
    else if (at >= 0 && i < at) status = 'reached';
    else if (at >= 0 && i === at) status = train?.status === 'derailed' ? 'failed' : 'active';
    return { key: s.key, name: s.name, status };
  });
}

/** Index of the station the train marker sits at, or null when it is not on this line. */
export function markerIndex(stations: readonly { key: string }[], train: Pick<LineTrain, 'station' | 'status'> | null): number | null {
  if (!train || stations.length === 0) return null;
  if (train.status === 'arrived' || train.station === null) return train.status === 'arrived' ? stations.length - 1 : null;
  const i = stations.findIndex((s) => s.key === train.station);
  return i >= 0 ? i : null;
}

/** Horizontal centre of station `i` of `n`, in percent of the line's width. */
export const stationCentre = (i: number, n: number): number => ((i + 0.5) / n) * 100;

/** "Train #12 · 1.5.0 at Test environment", for the marker's accessible name and tooltips. */
export function trainWhere(train: LineTrain, stations: readonly { key: string; name: string }[]): string {
  const label = `${train.kind === 'hotfix' ? 'Hotfix train' : 'Train'} #${train.number} · ${train.version}`;
  if (train.status === 'arrived') return `${label} arrived`;
  const station = stations.find((s) => s.key === train.station)?.name;
  if (train.status === 'derailed') return station ? `${label} derailed at ${station}` : `${label} derailed`;
  return station ? `${label} at ${station}` : `${label} departing`;
}
