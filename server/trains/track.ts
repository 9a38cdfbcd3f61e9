// Reading the track for the pre-flight rule: running trains as the engine sees them.
import type { TrackTrain } from '@/engine/trains/preflight';
import { currentStation } from '@/engine/trains/progress';
import { definitionOfTrain, stationStates } from '../dto/map-trains';
import type { TrainRow } from '../repositories/trains';

export function toTrackTrain(t: TrainRow): TrackTrain {
  const here = currentStation(stationStates(t));
  const name = here ? (definitionOfTrain(t).stations.find((s) => s.key === here.key)?.name ?? here.key) : null;
  return { number: t.number, kind: t.kind as TrackTrain['kind'], version: t.version, stationName: name, since: here?.startedAt ?? t.startedAt };
}
