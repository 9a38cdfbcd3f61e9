import type { Metadata } from 'next';
import { MetricsClient } from './metrics-client';

export const metadata: Metadata = { title: 'Release metrics' };

export default async function MetricsPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  return <MetricsClient pipelineKey={decodeURIComponent(key)} />;
}
