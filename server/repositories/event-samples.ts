import { db } from '../db/client';

export const findEventTypeRow = (sourceKey: string, type: string) =>
  db().eventType.findUnique({ where: { sourceKey_type: { sourceKey, type } }, select: { samplePayload: true } });

/** The newest stored events of one type, payload included (the editor's completion and preview picker). */
export const findRecentEventPayloads = (sourceKey: string, type: string, take: number) =>
  db().event.findMany({
    where: { sourceKey, type },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, receivedAt: true, payload: true },
  });
