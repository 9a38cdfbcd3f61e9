import type { Metadata } from 'next';
import { WorkflowClient } from './workflow-client';

export const metadata: Metadata = { title: 'Workflow' };

export default async function WorkflowPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <WorkflowClient name={decodeURIComponent(name)} />;
}
