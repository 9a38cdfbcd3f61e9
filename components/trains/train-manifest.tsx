'use client';

// The features aboard a train (its frozen manifest), each with its current status: aboard while
// the train runs, released once it arrived, back to ready after a derail.
import type { TrainDetail } from '@/engine/dto/trains';
import { useFeatures } from '@/lib/train-queries';
import { FeatureList, type FeatureItem } from './feature-list';

export function TrainManifest({ train }: { train: TrainDetail }) {
  const features = useFeatures(train.pipeline);
  const fallback: FeatureItem['status'] = train.status === 'arrived' ? 'released' : train.status === 'derailed' ? 'ready' : 'aboard';
  const items: FeatureItem[] = train.features.map((f) => ({
    ...f,
    status: features.data?.find((x) => x.key === f.key)?.status ?? fallback,
  }));
  return (
    <FeatureList
      label="Features aboard"
      items={items}
      empty={train.kind === 'hotfix' ? 'This hotfix carries commits only.' : 'No feature was ready when this train departed.'}
    />
  );
}
