// Turning one accepted delivery into the event rows the intake stores.
//
// Events are de-duplicated by (source, deliveryId). A Jira status change yields two types from one
// delivery, so storing both under the same id would make the second look like a duplicate of the
// first. The primary type keeps the delivery id untouched (so a redelivery still collides with it
// and is recognised), and each further type gets `<deliveryId>#<type>`: unique, stable across
// retries, and readable in the UI. `#` rather than `:` because ids may end up in BullMQ job ids.
import { headerValue, type LowerHeaders } from './payload';

export type EventSlot = { type: string; deliveryId: string | null };

/**
 * The id to de-duplicate on: the preset's native id when it has one, else the generic
 * `Idempotency-Key` header (lets a Jenkins job or a proxy add one), else null (never de-duplicated).
 */
export function resolveDeliveryId(nativeId: string | null, headers: LowerHeaders): string | null {
  return nativeId ?? headerValue(headers, 'idempotency-key');
}

/** One slot per type; the first (primary) type keeps the delivery id as received. */
export function eventSlots(types: readonly string[], deliveryId: string | null): EventSlot[] {
  return types.map((type, index) => ({
    type,
    deliveryId: deliveryId === null || index === 0 ? deliveryId : `${deliveryId}#${type}`,
  }));
}
