import type { Metadata } from 'next';
import { EditWorkflowClient } from './edit-client';

export const metadata: Metadata = { title: 'Edit workflow' };

export default async function EditWorkflowPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <EditWorkflowClient name={decodeURIComponent(name)} />;
}
