'use client';

// The editor's Simulate button: runs the simulator on the workflow as it is being edited (sent
// with the request, in place of its live version), so a filter can be tried before publishing.
import { FlaskConical } from 'lucide-react';
import { useState } from 'react';
import { useRegistry } from '@/lib/queries';
import { SimulateForm } from '@/components/simulate/simulate-form';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useEditorStore } from './editor-context';

function SimulatePanel() {
  const store = useEditorStore();
  const registry = useRegistry();
  const { name, trigger } = store.getState().definition;
  if (registry.isPending) return <SkeletonRows rows={4} label="Loading sources" />;
  if (registry.isError) return <ErrorState error={registry.error} onRetry={() => registry.refetch()} title="Could not load sources" />;
  return <SimulateForm registry={registry.data} initialSource={trigger.source} initialType={trigger.type} workflow={() => store.getState().yaml} only={name} />;
}

export function SimulateButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)} data-testid="editor-simulate">
        <FlaskConical aria-hidden /> Simulate
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Simulate this workflow" description="Runs nothing: shows how the version you are editing would handle an event.">
        {open && <SimulatePanel />}
      </Dialog>
    </>
  );
}
