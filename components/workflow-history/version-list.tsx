'use client';

// The versions of a workflow, newest first, each with who published it and why. Pick two to
// compare; editors can restore an old one (published again as a new version).
import { RotateCcw } from 'lucide-react';
import type { WorkflowVersionItem } from '@/engine/dto/workflow-versions';
import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import { Tag } from '@/components/ui/tag';
import { cn } from '@/lib/cn';

interface Props {
  versions: WorkflowVersionItem[];
  from: number | null;
  to: number | null;
  onPick: (from: number, to: number) => void;
  onRestore?: (version: number) => void;
}

export function VersionList({ versions, from, to, onPick, onRestore }: Props) {
  const live = versions[0]?.version;
  return (
    <ol className="divide-y divide-border" data-testid="version-list">
      {versions.map((v, i) => (
        <li key={v.version} className={cn('flex items-start gap-3 px-4 py-2.5', (v.version === from || v.version === to) && 'bg-accent-soft')} data-testid={`version-${v.version}`}>
          <Tag mono>v{v.version}</Tag>
          <div className="min-w-0 flex-1">
            <p className="text-sm">{v.message || <span className="text-muted">no message</span>}</p>
            <p className="text-xs text-muted">
              {v.author ?? 'unknown'} · <RelativeTime iso={v.createdAt} />
              {v.version === live && ' · live'}
            </p>
          </div>
          {versions[i + 1] && (
            <Button size="sm" variant="ghost" onClick={() => onPick(versions[i + 1].version, v.version)} data-testid={`compare-${v.version}`}>
              Changes
            </Button>
          )}
          {onRestore && v.version !== live && (
            <Button size="sm" variant="ghost" onClick={() => onRestore(v.version)} data-testid={`restore-${v.version}`}>
              <RotateCcw aria-hidden /> Restore
            </Button>
          )}
        </li>
      ))}
    </ol>
  );
}
