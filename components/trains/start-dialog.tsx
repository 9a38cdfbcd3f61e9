'use client';

// The confirmation step of Start release. On 201 the person is taken to the new train; a 409
// (someone else started one first) shows the server's sentence naming that train.
import { useRouter } from 'next/navigation';
import type { PipelineDetail } from '@/engine/dto/trains';
import { errorMessage } from '@/lib/api';
import { useStartTrain } from '@/lib/train-ops';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

export function StartDialog({ pipeline, onClose }: { pipeline: PipelineDetail; onClose: () => void }) {
  const router = useRouter();
  const start = useStartTrain(pipeline.key);
  const pf = pipeline.preflight;
  const go = () => start.mutate({ kind: 'regular' }, { onSuccess: (t) => router.push(`/trains/${t.id}`) });
  return (
    <Dialog open onClose={onClose} title={`Start release ${pf.nextVersion} of ${pipeline.name}?`} description="The train departs now and the workflows of its stations start working.">
      <div className="space-y-3 text-sm">
        <p>
          {pf.boarding.length === 0
            ? 'No feature is ready, so it carries only the commits since the last release.'
            : `${pf.boarding.map((f) => f.key).join(', ')} ${pf.boarding.length === 1 ? 'boards' : 'board'} and the manifest freezes.`}{' '}
          First stop: <strong>{pf.stations[0]?.name ?? '—'}</strong>.
        </p>
        {start.isError && (
          <p role="alert" className="rounded-md border tone-red p-2 text-xs" data-testid="start-error">
            {errorMessage(start.error)}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" autoFocus disabled={start.isPending || start.isSuccess} onClick={go} data-testid="start-confirm">
            {start.isPending ? 'Starting…' : `Start release ${pf.nextVersion}`}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
