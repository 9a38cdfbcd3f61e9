import type { Metadata } from 'next';
import { HistoryClient } from './history-client';

export const metadata: Metadata = { title: 'Release history' };

export default async function HistoryPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  return <HistoryClient pipelineKey={decodeURIComponent(key)} />;
}
