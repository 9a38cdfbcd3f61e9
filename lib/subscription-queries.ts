// Query keys and hooks for subscriptions (issue 12): the Subscriptions page, the one-click
// Subscribe buttons and the form share one cache entry, so a subscription made on a workflow page
// shows as "Subscribed" everywhere at once. The DTO schemas are the API's contract.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { CreateSubscriptionInput, UpdateSubscriptionInput } from '@/engine/subscriptions/schema';
import { apiGet, apiSend } from './api';
import { deliveryDtoSchema, previewDtoSchema, subscriptionDtoSchema, targetKey, type SubscriptionDto } from './subscription-dto';

export const subscriptionKeys = {
  all: ['subscriptions'] as const,
  deliveries: (id: string) => ['subscription-deliveries', id] as const,
};

const enc = encodeURIComponent;

/** Mine, plus the team subscriptions an editor may manage (the server decides which). */
export function useSubscriptions() {
  return useQuery({
    queryKey: subscriptionKeys.all,
    queryFn: ({ signal }) => apiGet('/api/subscriptions', z.array(subscriptionDtoSchema), signal),
  });
}

/** The delivery log of one subscription; refreshed while open, since the worker writes it. */
export function useDeliveries(id: string, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: subscriptionKeys.deliveries(id),
    enabled: opts.enabled,
    refetchInterval: 10_000,
    queryFn: ({ signal }) => apiGet(`/api/subscriptions/${enc(id)}/deliveries`, z.array(deliveryDtoSchema), signal),
  });
}

/** Create, change and delete; every one refreshes the list (small, one per person). */
export function useSubscriptionMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: subscriptionKeys.all });
  const create = useMutation({
    // `team` has a server default; the input type here is what is sent, not the parsed output.
    mutationFn: async (input: Omit<CreateSubscriptionInput, 'team'> & { team?: boolean }) =>
      (await apiSend('POST', '/api/subscriptions', input, subscriptionDtoSchema)).data,
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: async ({ id, patch }: { id: string; patch: UpdateSubscriptionInput }) =>
      (await apiSend('PATCH', `/api/subscriptions/${enc(id)}`, patch, subscriptionDtoSchema)).data,
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: async (id: string) => {
      await apiSend('DELETE', `/api/subscriptions/${enc(id)}`, undefined, z.unknown());
    },
    onSuccess: refresh,
  });
  return { create, update, remove };
}

/** The message the subscription would send for a stored event; nothing is sent. */
export async function previewSubscription(id: string, eventId: string) {
  return (await apiSend('POST', `/api/subscriptions/${enc(id)}/preview`, { eventId }, previewDtoSchema)).data;
}

/** The caller's own subscription to a target, if any (what a Subscribe button shows). */
export function findOwn(list: SubscriptionDto[] | undefined, key: string, meId: string | undefined) {
  return list?.find((s) => !s.team && s.owner.id === meId && targetKey(s.target) === key);
}
