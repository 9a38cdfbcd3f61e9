'use client';

// Start release, explained before it happens (PipelineDetail.preflight): the version, who boards,
// who stays behind and why, the stations ahead, and when the track is busy, who holds it. The
// button states its reason when it is disabled, so nobody has to guess why it does nothing.
import { TrainFront, TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { useId, useState } from 'react';
import type { PipelineDetail } from '@/engine/dto/trains';
import { useCan, useMe } from '@/lib/me';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { RelativeTime } from '@/components/ui/relative-time';
import { StartDialog } from './start-dialog';
import { trainWhere } from './line-model';

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function Section({ title, count, children, testid }: { title: string; count?: number; children: React.ReactNode; testid: string }) {
  return (
    <section data-testid={testid} className="px-4 py-3">
      <h3 className="mb-1.5 text-[11px] font-medium tracking-wide text-muted uppercase">
        {title}
        {count !== undefined && <span className="ml-1 text-subtle">({count})</span>}
      </h3>
      {children}
    </section>
  );
}

export function PreflightPanel({ pipeline }: { pipeline: PipelineDetail }) {
  const { preflight: pf, track } = pipeline;
  const me = useMe();
  const isReleaser = useCan('trains.start');
  const [confirming, setConfirming] = useState(false);
  const reasonId = useId();
  const refusal = !isReleaser
    ? me.data
      ? `Only releasers can start a release; you are signed in as ${me.data.role}.`
      : 'Checking your role…'
    : !pf.canStart
      ? track
        ? `The track is busy until train #${track.number} arrives or is derailed.`
        : (pf.reason ?? 'The track is busy.')
      : null;

  return (
    <Card data-testid="preflight-panel">
      <CardHeader title="Start release" description="What will happen when you press Start, before it happens." />
      {track && (
        <div data-testid="preflight-busy" role="status" className="mx-4 mt-3 flex gap-2 rounded-md border tone-amber p-3 text-sm">
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          <div className="min-w-0">
            <p className="font-medium">The track is busy</p>
            <p className="mt-0.5">{pf.reason ? sentence(pf.reason.replace(/^The track is busy:\s*/, '')) : trainWhere(track, pipeline.stations)}</p>
            <p className="mt-1 text-xs">
              Departed <RelativeTime iso={track.startedAt} />
              {track.startedBy && <> by {track.startedBy}</>} ·{' '}
              <Link href={`/trains/${track.id}`} className="font-medium underline" data-testid="preflight-holder">
                Follow train #{track.number}
              </Link>
            </p>
          </div>
        </div>
      )}
      <p className="px-4 pt-3 text-sm" data-testid="preflight-summary">
        {pf.canStart ? 'A new train departs' : 'Once the track is free, the next train departs'} as version{' '}
        <strong className="font-mono" data-testid="preflight-version">
          {pf.nextVersion}
        </strong>{' '}
        with {pf.boarding.length === 1 ? '1 feature' : `${pf.boarding.length} features`} aboard, and travels through {pf.stations.length}{' '}
        {pf.stations.length === 1 ? 'station' : 'stations'}. Its manifest freezes at departure: a feature that becomes ready later takes the train after.
      </p>
      <div className="divide-y divide-border">
        <Section title="Will board" count={pf.boarding.length} testid="preflight-boarding">
          {pf.boarding.length === 0 ? (
            <p className="text-xs text-muted">No feature is ready: the train would carry commits only.</p>
          ) : (
            <ul className="space-y-1">
              {pf.boarding.map((f) => (
                <li key={f.key} className="text-sm" data-testid={`boarding-${f.key}`}>
                  <span className="font-mono text-xs font-semibold">{f.key}</span> {f.title}
                  {f.owner && <span className="text-xs text-muted"> · {f.owner}</span>}
                </li>
              ))}
            </ul>
          )}
        </Section>
        {pf.notReady.length > 0 && (
          <Section title="Not ready, staying behind" count={pf.notReady.length} testid="preflight-not-ready">
            <ul className="space-y-1">
              {pf.notReady.map((f) => (
                <li key={f.key} className="text-sm" data-testid={`not-ready-${f.key}`}>
                  <span className="font-mono text-xs font-semibold">{f.key}</span> {f.title}
                  <span className="block text-xs text-muted">{f.why}</span>
                </li>
              ))}
            </ul>
          </Section>
        )}
        <Section title="Stations ahead" count={pf.stations.length} testid="preflight-stations">
          <ol className="space-y-1">
            {pf.stations.map((s, i) => (
              <li key={s.key} className="flex items-baseline gap-2 text-sm">
                <span className="w-4 shrink-0 text-right font-mono text-xs text-subtle">{i + 1}</span>
                <span className="font-medium">{s.name}</span>
                <span className="truncate font-mono text-[11px] text-muted">reached by {s.reachedBy}</span>
              </li>
            ))}
          </ol>
        </Section>
      </div>
      <footer className="flex flex-wrap items-center gap-3 border-t border-border px-4 py-3">
        <Button variant="primary" disabled={refusal !== null} aria-describedby={refusal ? reasonId : undefined} onClick={() => setConfirming(true)} data-testid="start-release">
          <TrainFront aria-hidden /> Start release
        </Button>
        {refusal && (
          <p id={reasonId} className="min-w-0 flex-1 text-xs text-muted" data-testid="start-release-reason">
            {refusal}
          </p>
        )}
      </footer>
      {confirming && <StartDialog pipeline={pipeline} onClose={() => setConfirming(false)} />}
    </Card>
  );
}
