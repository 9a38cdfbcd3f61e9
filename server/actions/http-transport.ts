// One HTTP exchange on node:http(s), for the bounds fetch cannot give: a real connect timeout
// (the socket's connect, not the whole call) and a response body that is counted while it
// streams in and dropped, socket and all, the moment it passes the cap. Nothing is buffered
// beyond cap + one chunk, whatever the server sends.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { PermanentError } from './types';

export type Exchange = {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
  connectTimeoutMs: number;
  maxBodyBytes: number;
  label: string;
  /** Resolves (and checks) the host for the connection: target-guard.ts connectLookup. */
  lookup?: LookupFunction;
};

export type RawAnswer = { status: number; headers: Record<string, string>; setCookies: string[]; location: string | null; body: Buffer };

export class ConnectTimeoutError extends Error {}

export const REDIRECTS = [301, 302, 303, 307, 308];

/** Sends one request and reads the answer; a redirect's body is dropped unread (the caller follows it). */
export function exchange(x: Exchange): Promise<RawAnswer> {
  return new Promise<RawAnswer>((resolve, reject) => {
    const target = new URL(x.url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    // A fixed length rather than chunked encoding: some servers (and proxies) refuse chunked uploads.
    const headers = x.body === undefined ? x.headers : { ...x.headers, 'content-length': String(Buffer.byteLength(x.body)) };
    const req = send(target, { method: x.method, headers, signal: x.signal, ...(x.lookup && { lookup: x.lookup }) });
    let connectTimer: NodeJS.Timeout | undefined;
    req.on('socket', (socket) => {
      if (!socket.connecting) return; // a kept-alive socket is already connected
      connectTimer = setTimeout(() => req.destroy(new ConnectTimeoutError(`${x.label}: no connection within ${x.connectTimeoutMs} ms`)), x.connectTimeoutMs);
      socket.once('connect', () => clearTimeout(connectTimer));
    });
    req.on('error', (err) => {
      clearTimeout(connectTimer);
      reject(err);
    });
    req.on('response', (res) => {
      clearTimeout(connectTimer);
      const answer = { status: res.statusCode ?? 0, headers: flatHeaders(res), setCookies: res.headers['set-cookie'] ?? [], location: res.headers.location ?? null };
      if (REDIRECTS.includes(answer.status) && answer.location) {
        res.destroy(); // a redirect's body is never needed
        return resolve({ ...answer, body: Buffer.alloc(0) });
      }
      readCapped(res, x).then((body) => resolve({ ...answer, body }), reject);
    });
    req.end(x.body);
  });
}

function readCapped(res: IncomingMessage, x: Exchange): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > x.maxBodyBytes) {
      reject(tooLarge(x, `${declared} bytes declared`));
      return void res.destroy();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > x.maxBodyBytes) {
        // Reject first: destroying emits 'aborted' at once. Closing the connection means the rest
        // of the body is never read, let alone kept.
        reject(tooLarge(x, `more than ${x.maxBodyBytes} bytes received`));
        return void res.destroy();
      }
      chunks.push(chunk);
    });
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
    res.on('aborted', () => reject(new Error(`${x.label}: the server closed the connection mid-body`)));
  });
}

const tooLarge = (x: Exchange, detail: string) =>
  new PermanentError(`${x.label}: response body exceeds the limit of ${x.maxBodyBytes} bytes (${detail}; RAILYARD_HTTP_MAX_BODY_BYTES)`);

function flatHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
