import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { EditWorkflowClient } from './edit-client';
import { prefetchEditor } from './editor-prefetch';

export const metadata: Metadata = { title: 'Edit workflow' };

export default async function EditWorkflowPage({ params }: { params: Promise<{ name: string }> }) {
  const name = decodeURIComponent((await params).name);
  // The editor's data arrives with the page, so the canvas opens at hydration (see editor-prefetch.ts).
  return (
    <HydrationBoundary state={await prefetchEditor(name, (await headers()).get('cookie'))}>
      <EditWorkflowClient name={name} />
    </HydrationBoundary>
  );
}
