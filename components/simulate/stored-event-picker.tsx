'use client';

// Pick one of the recent stored events of this source and type, to simulate its payload and
// headers again (credentials were masked when it was stored, and are left out).
import { useState } from 'react';
import { useEvents } from '@/lib/queries';
import { errorMessage } from '@/lib/api';
import { storedEventInput } from '@/lib/simulate-queries';
import { absoluteTime } from '@/lib/format';
import { Field, Select } from '@/components/ui/field';

export function StoredEventPicker({ source, type, onPick }: { source: string; type: string; onPick: (picked: { payload: string; headers: string }) => void }) {
  const events = useEvents({ source, type });
  const [error, setError] = useState<string | null>(null);
  const list = (events.data?.pages[0] ?? []).slice(0, 20);
  const pick = async (id: string) => {
    if (!id) return;
    setError(null);
    try {
      onPick(await storedEventInput(id));
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const hint = !source || !type ? 'Choose a source and type first.' : list.length === 0 ? 'No stored events of this type yet.' : undefined;
  return (
    <Field label="Or start from a stored event" hint={hint} error={error ?? undefined}>
      {(ids) => (
        <Select {...ids} value="" disabled={list.length === 0} onChange={(e) => void pick(e.target.value)} data-testid="sim-stored-event">
          <option value="">{list.length === 0 ? '—' : `Pick one of ${list.length} recent events…`}</option>
          {list.map((e) => (
            <option key={e.id} value={e.id}>
              {absoluteTime(e.receivedAt)} · {e.deliveryId ?? e.id}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
