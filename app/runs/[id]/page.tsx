import type { Metadata } from 'next';
import { RunDetailClient } from './run-detail-client';

export const metadata: Metadata = { title: 'Run' };

export default async function RunPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const step = Array.isArray(sp.step) ? sp.step[0] : sp.step;
  return <RunDetailClient id={id} initialStep={step ?? null} />;
}
