// Turns a child's output stream into log lines as they arrive, while keeping the last bytes for the
// step's outputs. Lines go to the log at once (not at exit) so the run view shows a build live.
import { StringDecoder } from 'node:string_decoder';

export const TAIL_BYTES = 64 * 1024;
const MAX_LINE_CHARS = 4000; // one minified-JS line must not become a megabyte log entry

/** The last `limit` bytes written, without keeping the whole output in memory. */
export class TailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly limit = TAIL_BYTES) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.chunks.length > 1 && this.size - this.chunks[0].length >= this.limit) this.size -= this.chunks.shift()!.length;
  }

  toString(): string {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - this.limit)).toString('utf8');
  }
}

/** Splits decoded text into lines (\n or \r\n), handing each complete line to `onLine`. */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8'); // a UTF-8 character may straddle two chunks
  private pending = '';
  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    const parts = (this.pending + this.decoder.write(chunk)).split('\n');
    this.pending = parts.pop() ?? '';
    for (const p of parts) this.emit(p);
  }

  end(): void {
    const rest = this.pending + this.decoder.end();
    this.pending = '';
    if (rest) this.emit(rest);
  }

  private emit(line: string): void {
    const clean = line.endsWith('\r') ? line.slice(0, -1) : line;
    this.onLine(clean.length > MAX_LINE_CHARS ? `${clean.slice(0, MAX_LINE_CHARS)}… (line cut)` : clean);
  }
}
