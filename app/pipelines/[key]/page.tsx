import type { Metadata } from 'next';
import { PipelineClient } from './pipeline-client';

export const metadata: Metadata = { title: 'Pipeline' };

export default async function PipelinePage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  return <PipelineClient pipelineKey={decodeURIComponent(key)} />;
}
