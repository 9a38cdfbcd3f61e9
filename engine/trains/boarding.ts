// Who boards a departing train. A regular train takes every `ready` feature and freezes its
// manifest; open features are told which train they missed (they take the next one). A hotfix
// carries only the features named when it starts.
export type BoardingFeature = { key: string; status: string };

export type Boarding<F> = { boarding: F[]; missed: F[]; refused: { feature: F; why: string }[] };

export function boardRegular<F extends BoardingFeature>(features: readonly F[]): Boarding<F> {
  return {
    boarding: features.filter((f) => f.status === 'ready'),
    missed: features.filter((f) => f.status === 'open'),
    refused: [],
  };
}

/** Named features board a hotfix when they are open or ready; one aboard or released cannot. */
export function boardHotfix<F extends BoardingFeature>(features: readonly F[], named: readonly string[]): Boarding<F> & { unknown: string[] } {
  const byKey = new Map(features.map((f) => [f.key, f]));
  const unknown = named.filter((k) => !byKey.has(k));
  const chosen = [...new Set(named)].map((k) => byKey.get(k)).filter((f): f is F => f !== undefined);
  const refused = chosen
    .filter((f) => f.status === 'aboard' || f.status === 'released')
    .map((feature) => ({ feature, why: feature.status === 'aboard' ? `${feature.key} is aboard another train` : `${feature.key} was already released` }));
  return { boarding: chosen.filter((f) => f.status === 'open' || f.status === 'ready'), missed: [], refused, unknown };
}

/** Why a feature is not boarding, for the pre-flight panel. */
export function notReadyWhy(f: { status: string; missedTrainNumber?: number | null; trainNumber?: number | null }): string {
  if (f.status === 'aboard') return `aboard train ${f.trainNumber ?? '?'}`;
  if (f.status === 'released') return `released with train ${f.trainNumber ?? '?'}`;
  const missed = f.missedTrainNumber ? ` (missed train ${f.missedTrainNumber})` : '';
  return `not ready yet: status is ${f.status}${missed}`;
}
