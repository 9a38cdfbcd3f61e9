import type { Metadata } from 'next';
import { SendClient } from './send-client';

export const metadata: Metadata = { title: 'Send event' };

export default async function SendPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  return <SendClient source={one(sp.source)} type={one(sp.type)} />;
}
