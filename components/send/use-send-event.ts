import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, apiSend, errorMessage } from '@/lib/api';
import type { SendOutcome } from './send-result';

const acceptedSchema = z.object({ id: z.string(), duplicate: z.boolean().optional() });

export interface SendInput {
  source: string;
  type: string;
  /** Sent verbatim, so what the user typed is exactly what the server stores as the body. */
  body: string;
  idempotencyKey?: string;
}

/** POST /api/events/{source}/{type}; resolves to an outcome instead of throwing, for the UI. */
export function useSendEvent() {
  return useMutation({
    mutationFn: async (input: SendInput): Promise<SendOutcome> => {
      try {
        const { data, status } = await apiSend(
          'POST',
          `/api/events/${encodeURIComponent(input.source)}/${encodeURIComponent(input.type)}`,
          input.body,
          acceptedSchema,
          { headers: input.idempotencyKey ? { 'idempotency-key': input.idempotencyKey } : {} },
        );
        return { kind: 'ok', id: data.id, duplicate: data.duplicate === true || status === 200 };
      } catch (err) {
        return { kind: 'error', message: errorMessage(err), status: err instanceof ApiError ? err.status : undefined };
      }
    },
  });
}
