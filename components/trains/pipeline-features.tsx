'use client';

// Every feature of a pipeline: ready ones board the next train, open ones wait, aboard ones ride
// the running train. Releasers mark a feature ready or not ready here (the Jira transition does
// the same from the tracker).
import Link from 'next/link';
import type { FeatureDto } from '@/engine/dto/trains';
import { useCan } from '@/lib/me';
import { useSetFeatureStatus } from '@/lib/train-ops';
import { errorMessage } from '@/lib/api';
import { Button } from '@/components/ui/button';
import { FeatureList, type FeatureItem } from './feature-list';

const ORDER: Record<FeatureDto['status'], number> = { aboard: 0, ready: 1, open: 2, released: 3 };

function note(f: FeatureDto) {
  if (f.train && f.status === 'aboard') return <Link href={`/trains/${f.train.id}`} className="text-accent hover:underline">on train #{f.train.number}</Link>;
  if (f.missedTrain) return <span>missed train #{f.missedTrain.number}, takes the next one</span>;
  if (f.train && f.status === 'released') return <Link href={`/trains/${f.train.id}`} className="hover:text-accent hover:underline">released with train #{f.train.number}</Link>;
  return null;
}

export function PipelineFeatures({ pipeline, features }: { pipeline: string; features: FeatureDto[] }) {
  const canMark = useCan('features.manage');
  const set = useSetFeatureStatus(pipeline);
  const items: FeatureItem[] = [...features]
    .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.key.localeCompare(b.key))
    .map((f) => ({ ...f, note: note(f) }));
  const busyKey = set.isPending ? set.variables?.key : undefined;
  return (
    <>
      {set.isError && (
        <p role="alert" className="mx-4 mt-3 rounded-md border tone-red p-2 text-xs">
          {errorMessage(set.error)}
        </p>
      )}
      <FeatureList
        items={items}
        empty="No features yet. They arrive from the issue tracker, or through POST /api/features."
        actions={(f) =>
          canMark && (f.status === 'open' || f.status === 'ready') ? (
            <Button
              size="sm"
              variant={f.status === 'open' ? 'secondary' : 'ghost'}
              disabled={busyKey === f.key}
              onClick={() => set.mutate({ key: f.key, status: f.status === 'open' ? 'ready' : 'open' })}
              data-testid={`feature-toggle-${f.key}`}
              aria-label={f.status === 'open' ? `Mark ${f.key} ready` : `Mark ${f.key} not ready`}
            >
              {f.status === 'open' ? 'Mark ready' : 'Mark not ready'}
            </Button>
          ) : null
        }
      />
    </>
  );
}
