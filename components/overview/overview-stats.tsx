'use client';

import { Activity, CircleCheck, CircleX, LoaderCircle } from 'lucide-react';
import type { EventSummary } from '@/engine/dto/events';
import type { RunSummary } from '@/engine/dto/runs';
import { PAGE_SIZE } from '@/lib/queries';
import { StatCard } from './stat-card';

const DAY = 24 * 3600 * 1000;

/**
 * Headline numbers derived from the recent lists already in the cache (so they update live).
 * They describe the latest page, not all history; the hints say so.
 */
export function OverviewStats({ events, runs }: { events: EventSummary[]; runs: RunSummary[] }) {
  const since = Date.now() - DAY;
  const recentEvents = events.filter((e) => new Date(e.receivedAt).getTime() >= since).length;
  const active = runs.filter((r) => r.status === 'running' || r.status === 'queued').length;
  const failed = runs.filter((r) => r.status === 'failed').length;
  const succeeded = runs.filter((r) => r.status === 'succeeded').length;
  const of = runs.length ? `of the last ${Math.min(runs.length, PAGE_SIZE)} runs` : 'no runs yet';
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <StatCard label="Events, last 24h" value={recentEvents >= PAGE_SIZE ? `${PAGE_SIZE}+` : recentEvents} hint="received from your tools" href="/events" icon={Activity} />
      <StatCard label="Active runs" value={active} hint="queued or running now" href="/runs?status=running" icon={LoaderCircle} tone="tone-blue" />
      <StatCard label="Succeeded" value={succeeded} hint={of} href="/runs?status=succeeded" icon={CircleCheck} tone="tone-green" />
      <StatCard label="Failed" value={failed} hint={of} href="/runs?status=failed" icon={CircleX} tone="tone-red" />
    </div>
  );
}
