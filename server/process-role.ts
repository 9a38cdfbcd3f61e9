// Which kind of process this is: a web process answers people and senders, so it must give up
// on a stalled Postgres or Redis quickly and say 503; a worker has nobody waiting on it and may
// wait out a restart. The worker sets its role before it opens any connection (worker/start.ts).
export type ProcessRole = 'web' | 'worker';

const holder = globalThis as unknown as { railyardProcessRole?: ProcessRole };

export const processRole = (): ProcessRole => holder.railyardProcessRole ?? 'web';

export function setProcessRole(role: ProcessRole): void {
  holder.railyardProcessRole = role;
}
