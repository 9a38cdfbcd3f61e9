import type { Metadata } from 'next';
import { AuditClient } from './audit-client';

export const metadata: Metadata = { title: 'Audit trail' };

const FILTERS = ['actor', 'subjectType', 'subjectId', 'action', 'from', 'to'] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  const filters = Object.fromEntries(FILTERS.map((k) => [k, one(sp[k])]));
  return <AuditClient filters={filters} />;
}
