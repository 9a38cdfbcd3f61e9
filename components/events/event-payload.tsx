'use client';

import { useState } from 'react';
import type { EventDetail } from '@/engine/dto/events';
import { Card, CardHeader } from '@/components/ui/card';
import { CodeBlock } from '@/components/ui/code-block';
import { JsonViewer } from '@/components/ui/json-viewer';
import { Segmented } from '@/components/ui/segmented';

type View = 'pretty' | 'raw';

/** The payload as a collapsible tree, or the raw body exactly as received (what signatures cover). */
export function EventPayload({ event }: { event: EventDetail }) {
  const [view, setView] = useState<View>('pretty');
  return (
    <Card>
      <CardHeader
        title="Payload"
        actions={
          <Segmented
            label="Payload view"
            value={view}
            onChange={setView}
            options={[
              { value: 'pretty', label: 'Pretty' },
              { value: 'raw', label: 'Raw body' },
            ]}
          />
        }
      />
      <div className="p-3" data-testid="event-payload">
        {view === 'pretty' ? (
          <JsonViewer value={event.payload} expandDepth={3} className="max-h-[36rem] p-1" />
        ) : (
          <CodeBlock label={`${event.body.length} bytes`} code={event.body || '(empty body)'} />
        )}
      </div>
    </Card>
  );
}
