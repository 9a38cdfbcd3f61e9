// The simulator's calls: POST /api/simulate (nothing is stored or sent), and a stored event's
// payload and headers when someone picks one to simulate again.
import { useMutation } from '@tanstack/react-query';
import { simulateResultSchema, type SimulateRequest } from '@/engine/dto/simulate';
import { eventDetailSchema } from '@/engine/dto/events';
import { formatHeaderLines } from '@/engine/intake/header-lines';
import { REDACTED } from '@/engine/intake/headers';
import { apiGet, apiSend } from './api';

export function useSimulate() {
  return useMutation({
    mutationFn: async (input: SimulateRequest) => (await apiSend('POST', '/api/simulate', input, simulateResultSchema)).data,
  });
}

/** A stored event's payload (pretty JSON) and headers (Name: value lines), for the form's boxes. */
export async function storedEventInput(id: string): Promise<{ payload: string; headers: string }> {
  const event = await apiGet(`/api/events/${encodeURIComponent(id)}`, eventDetailSchema);
  return { payload: JSON.stringify(event.payload ?? {}, null, 2), headers: formatHeaderLines(event.headers ?? {}, REDACTED) };
}
