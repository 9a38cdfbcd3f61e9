import type { Metadata } from 'next';
import { RunsClient } from './runs-client';

export const metadata: Metadata = { title: 'Runs' };

export default async function RunsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  return <RunsClient status={one(sp.status)} workflow={one(sp.workflow)} />;
}
