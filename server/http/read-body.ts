import { AppError } from '../errors';
import { jsonNestingExceeds, MAX_NESTING, unstorableMessage, unstorablePath } from './input-guard';

/**
 * Reads a request body up to `maxBytes`, refusing early on a declared Content-Length and while
 * streaming otherwise, so an oversized upload never sits whole in memory.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new AppError('payload_too_large', `body exceeds the limit of ${maxBytes} bytes`);
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Parses JSON with an error that says what is wrong and where. */
export function parseJsonBody(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  if (text.trim() === '') throw new AppError('bad_request', 'empty body: expected a JSON payload');
  if (jsonNestingExceeds(text)) throw new AppError('bad_request', `JSON nests deeper than ${MAX_NESTING} levels`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new AppError('bad_request', `malformed JSON: ${(err as Error).message}`);
  }
  // Only \u escapes can produce NUL or lone surrogates (raw bytes decode to U+FFFD); skip the walk otherwise.
  const bad = text.includes('\\u') ? unstorablePath(value) : null;
  if (bad) throw new AppError('bad_request', unstorableMessage(bad));
  return value;
}
