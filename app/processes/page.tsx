import type { Metadata } from 'next';
import { ProcessesClient } from './processes-client';

export const metadata: Metadata = { title: 'Processes' };

export default function ProcessesPage() {
  return <ProcessesClient />;
}
