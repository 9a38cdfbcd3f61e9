'use client';

// A hotfix train runs beside the regular one, from the last release tag, carrying only what is
// named here. Secondary on purpose: the everyday action is Start release.
import { Wrench } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { FeatureDto, PipelineDetail } from '@/engine/dto/trains';
import { errorMessage } from '@/lib/api';
import { useCan } from '@/lib/me';
import { useStartTrain } from '@/lib/train-ops';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

/** `released`: a train of this pipeline has arrived (a hotfix starts from its tag). */
export function HotfixStart({ pipeline, features, released }: { pipeline: PipelineDetail; features: FeatureDto[]; released: boolean }) {
  const router = useRouter();
  const isReleaser = useCan('trains.start');
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const start = useStartTrain(pipeline.key);
  if (!isReleaser) return null;
  const busy = pipeline.hotfix
    ? `Hotfix train #${pipeline.hotfix.number} is running; one hotfix runs at a time.`
    : !released
      ? 'Nothing was released yet: a hotfix starts from the last release tag.'
      : null;
  const candidates = features.filter((f) => f.status === 'open' || f.status === 'ready');
  const toggle = (key: string) => setPicked((p) => (p.includes(key) ? p.filter((k) => k !== key) : [...p, key]));
  const go = () => start.mutate({ kind: 'hotfix', features: picked }, { onSuccess: (t) => router.push(`/trains/${t.id}`) });
  return (
    <>
      <Button size="sm" disabled={busy !== null} title={busy ?? undefined} onClick={() => setOpen(true)} data-testid="hotfix-open">
        <Wrench aria-hidden /> Start hotfix
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Start a hotfix of ${pipeline.name}`} description="It starts from the last release tag and runs beside the regular train, through the same stations.">
        <div className="space-y-3 text-sm">
          {candidates.length > 0 ? (
            <fieldset>
              <legend className="mb-1 text-xs font-medium">Features it carries</legend>
              <ul className="max-h-56 space-y-1 overflow-y-auto">
                {candidates.map((f) => (
                  <li key={f.key}>
                    <label className="flex items-center gap-2">
                      <input type="checkbox" checked={picked.includes(f.key)} onChange={() => toggle(f.key)} className="accent-[var(--accent)]" />
                      <span className="font-mono text-xs font-semibold">{f.key}</span> <span className="truncate">{f.title}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ) : (
            <p className="text-xs text-muted">No open feature to carry: the hotfix takes the commits on its branch.</p>
          )}
          {start.isError && (
            <p role="alert" className="rounded-md border tone-red p-2 text-xs" data-testid="hotfix-error">
              {errorMessage(start.error)}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button variant="primary" disabled={start.isPending} onClick={go} data-testid="hotfix-confirm">
              Start hotfix
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
