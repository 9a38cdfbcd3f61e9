// Channels as stored: chat webhook URLs are credentials (Slack's path is the token), so they are
// encrypted at rest (server/crypto.ts) and only a hint (host + last 4 characters) is ever shown.
import type { ChannelInput, ChatFormat } from '@/engine/subscriptions/schema';
import type { ChannelDto } from '@/engine/subscriptions/dto';
import { decrypt, encrypt, sha256 } from '../crypto';
import { badRequest } from '../errors';

export type StoredChannel =
  | { id: string; kind: 'email'; to?: string }
  | { id: string; kind: 'chat'; format: ChatFormat; urlEnc: string; urlHint: string };

export function urlHint(url: string): string {
  const u = new URL(url);
  return `${u.host} …${url.slice(-4)}`;
}

/**
 * Input channels → stored ones. A chat channel given by `id` without `url` keeps the stored URL of
 * that channel (the browser never has it to send back). Duplicates collapse to one.
 */
export function sealChannels(input: ChannelInput[], existing: StoredChannel[] = []): StoredChannel[] {
  const out = new Map<string, StoredChannel>();
  input.forEach((c, i) => {
    if (c.kind === 'email') {
      const id = `email:${c.to?.toLowerCase() ?? 'owner'}`;
      out.set(id, { id, kind: 'email', ...(c.to && { to: c.to.toLowerCase() }) });
      return;
    }
    if (c.url === undefined) {
      const kept = existing.find((e) => e.id === c.id && e.kind === 'chat');
      if (!kept || kept.kind !== 'chat') throw badRequest(`channels.${i}.id: no chat channel "${c.id}" on this subscription; send its url`);
      out.set(kept.id, { ...kept, format: c.format });
      return;
    }
    const id = `chat:${sha256(c.url).slice(0, 12)}`;
    out.set(id, { id, kind: 'chat', format: c.format, urlEnc: encrypt(c.url), urlHint: urlHint(c.url) });
  });
  return [...out.values()];
}

export const storedChannels = (json: unknown): StoredChannel[] => (Array.isArray(json) ? (json as StoredChannel[]) : []);

export function channelDtos(json: unknown, ownerEmail: string): ChannelDto[] {
  return storedChannels(json).map((c) =>
    c.kind === 'email' ? { id: c.id, kind: 'email', to: c.to ?? ownerEmail } : { id: c.id, kind: 'chat', format: c.format, urlHint: c.urlHint },
  );
}

/** The chat URL, for the worker about to post (never for a DTO). */
export const chatUrl = (c: Extract<StoredChannel, { kind: 'chat' }>): string => decrypt(c.urlEnc);
