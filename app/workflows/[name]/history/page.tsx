import type { Metadata } from 'next';
import { HistoryClient } from './history-client';

export const metadata: Metadata = { title: 'Workflow history' };

export default async function WorkflowHistoryPage({ params, searchParams }: { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { name } = await params;
  const sp = await searchParams;
  const num = (v: string | string[] | undefined) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);
  return <HistoryClient name={decodeURIComponent(name)} from={num(sp.from)} to={num(sp.to)} />;
}
