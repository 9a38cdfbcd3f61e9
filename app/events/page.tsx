import type { Metadata } from 'next';
import { EventsClient } from './events-client';

export const metadata: Metadata = { title: 'Events' };

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  return <EventsClient source={one(sp.source)} type={one(sp.type)} />;
}
