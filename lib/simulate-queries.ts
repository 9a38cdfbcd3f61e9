// The simulator's calls: POST /api/simulate (nothing is stored or sent), and a stored event's
// payload when someone picks one to simulate again.
import { useMutation } from '@tanstack/react-query';
import { simulateResultSchema, type SimulateRequest } from '@/engine/dto/simulate';
import { eventDetailSchema } from '@/engine/dto/events';
import { apiGet, apiSend } from './api';

export function useSimulate() {
  return useMutation({
    mutationFn: async (input: SimulateRequest) => (await apiSend('POST', '/api/simulate', input, simulateResultSchema)).data,
  });
}

/** A stored event's payload as pretty JSON, for the payload box. */
export async function storedPayload(id: string): Promise<string> {
  const event = await apiGet(`/api/events/${encodeURIComponent(id)}`, eventDetailSchema);
  return JSON.stringify(event.payload ?? {}, null, 2);
}
