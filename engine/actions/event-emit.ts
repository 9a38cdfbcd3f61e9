import { z } from 'zod';
import { eventTypeString } from '../intake/event-type';
import { defineAction } from './definition';

/** Emits a new event linked to this run; chains are limited in depth so loops stop. */
export const eventEmit = defineAction({
  id: 'event.emit',
  title: 'Emit an event',
  description: 'Creates a new event (e.g. railyard / release.ready) that can start other workflows. Linked to this run both ways.',
  kind: 'work',
  params: z.strictObject({
    source: z.string().min(1).default('railyard').describe('Source of the new event; "railyard" (default) for internal events.'),
    type: eventTypeString().describe('Type of the new event, e.g. release.ready.'),
    payload: z.unknown().default({}).describe('The event payload (any JSON).'),
  }),
  outputs: z.object({
    eventId: z.string().describe('Id of the emitted event.'),
    duplicate: z.boolean().describe('True when a repeated attempt found the event it had already emitted.'),
  }),
});
