import type { Metadata } from 'next';
import { RegistryClient } from './registry-client';

export const metadata: Metadata = { title: 'Registry' };

export default function RegistryPage() {
  return <RegistryClient />;
}
