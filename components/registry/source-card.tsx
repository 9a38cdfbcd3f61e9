'use client';

import { Pencil } from 'lucide-react';
import { useState } from 'react';
import type { RegistryDto } from '@/engine/dto/registry';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { Tag } from '@/components/ui/tag';
import { EventTypeRow } from './event-type-row';
import { useCan } from '@/lib/me';
import { SourceForm } from './source-form';

type Source = RegistryDto[number];

export function SourceCard({ source }: { source: Source }) {
  const [editing, setEditing] = useState(false);
  const canEdit = useCan('sources.manage');
  return (
    <Card data-testid={`source-${source.key}`}>
      <CardHeader
        id={`source-${source.key}`}
        title={
          <span className="flex flex-wrap items-center gap-2">
            {source.name}
            <code className="font-mono text-xs font-normal text-muted">{source.key}</code>
            <Tag title="Preset: how native webhooks are read">{source.preset}</Tag>
            <Tag title="Auth mode">{source.authMode}</Tag>
          </span>
        }
        description={source.description || undefined}
        actions={
          canEdit && (
            <Button size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label={`Edit source ${source.key}`}>
              <Pencil aria-hidden /> Edit
            </Button>
          )
        }
      />
      {source.eventTypes.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted">
          No event types yet. Types appear here when they are registered or when the first event of a type arrives.
        </p>
      ) : (
        <ul className="divide-y divide-border" aria-label={`Event types of ${source.name}`}>
          {source.eventTypes.map((et) => (
            <EventTypeRow key={et.type} et={et} />
          ))}
        </ul>
      )}
      <Dialog open={editing} onClose={() => setEditing(false)} title={`Edit source ${source.key}`}>
        {editing && <SourceForm source={source} onDone={() => setEditing(false)} />}
      </Dialog>
    </Card>
  );
}
