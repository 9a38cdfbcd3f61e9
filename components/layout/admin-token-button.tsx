'use client';

// Writes (sources, sending events) need the admin token until user accounts exist. This header
// button shows whether one is set and opens a dialog to paste or clear it.
import { KeyRound } from 'lucide-react';
import { useState } from 'react';
import { useAdminToken } from '@/lib/admin-token';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { AdminTokenForm } from './admin-token-form';

export function AdminTokenButton() {
  const token = useAdminToken();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)} data-testid="admin-token-button">
        <KeyRound aria-hidden className={token ? 'text-success' : undefined} />
        <span className="max-sm:sr-only">{token ? 'Admin token set' : 'Admin token'}</span>
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Admin token"
        description="Needed to add or edit sources and to send events from this dashboard."
      >
        <AdminTokenForm onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
