import type { Metadata } from 'next';
import { TrainsClient } from './trains-client';

export const metadata: Metadata = { title: 'Trains' };

export default function TrainsPage() {
  return <TrainsClient />;
}
