import type { Metadata } from 'next';
import { SimulateClient } from './simulate-client';

export const metadata: Metadata = { title: 'Simulate' };

export default async function SimulatePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  return <SimulateClient source={one(sp.source)} type={one(sp.type)} />;
}
