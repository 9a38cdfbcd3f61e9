'use client';

// Tabs between a pipeline's pages. Links (not buttons): each page has its own address.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/cn';

export function PipelineNav({ pipeline }: { pipeline: string }) {
  const pathname = usePathname() ?? '';
  const base = `/pipelines/${encodeURIComponent(pipeline)}`;
  const tabs = [
    { href: base, label: 'Track' },
    { href: `${base}/history`, label: 'History' },
    { href: `${base}/metrics`, label: 'Metrics' },
  ];
  return (
    <nav aria-label="Pipeline" className="mb-4 flex gap-1 border-b border-border">
      {tabs.map((t) => {
        const active = pathname === t.href;
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={active ? 'page' : undefined}
            className={cn('-mb-px border-b-2 px-3 py-2 text-sm', active ? 'border-accent font-medium text-fg' : 'border-transparent text-muted hover:text-fg')}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
