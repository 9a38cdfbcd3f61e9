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

/**
 * Splits decoded text into lines (\n or \r\n), handing each complete line to `onLine`. A line
 * longer than `maxChars` is cut: its head is emitted at once with a marker and the rest is skipped
 * up to the next newline, so a process printing a gigabyte without a newline costs `maxChars`.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8'); // a UTF-8 character may straddle two chunks
  private pending = '';
  private skipping = false; // inside a line that was already cut and emitted

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxChars = MAX_LINE_CHARS,
  ) {}

  push(chunk: Buffer): void {
    const text = this.decoder.write(chunk);
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; from = nl + 1, nl = text.indexOf('\n', from)) {
      if (this.skipping) this.skipping = false;
      else this.emit(this.pending + text.slice(from, nl));
      this.pending = '';
    }
    if (this.skipping) return;
    this.pending += text.slice(from);
    if (this.pending.length > this.maxChars) {
      this.emit(this.pending);
      this.pending = '';
      this.skipping = true;
    }
  }

  end(): void {
    const rest = this.pending + this.decoder.end();
    this.pending = '';
    if (rest && !this.skipping) this.emit(rest);
    this.skipping = false;
  }

  private emit(line: string): void {
    const clean = line.endsWith('\r') ? line.slice(0, -1) : line;
    this.onLine(clean.length > this.maxChars ? `${clean.slice(0, this.maxChars)}… (line cut at ${this.maxChars} characters)` : clean);
  }
}
