import type { Metadata } from 'next';
import { NewWorkflowClient } from './new-client';

export const metadata: Metadata = { title: 'New workflow' };

export default function NewWorkflowPage() {
  return <NewWorkflowClient />;
}
