// Loaded into the bench's web process (node --expose-gc --import): on SIGUSR2 it runs a full
// garbage collection and writes process.memoryUsage() to $BENCH_HEAP_PROBE_FILE. The SSE scenario
// reads it before and after its readers connect, so memory per client is live memory, not RSS,
// which moves with whatever the collector happens to return meanwhile (docs/performance.md).
import fs from 'node:fs';

const file = process.env.BENCH_HEAP_PROBE_FILE;
if (file && typeof globalThis.gc === 'function') {
  process.on('SIGUSR2', () => {
    // Two passes: the first can leave objects whose finalisers freed more.
    globalThis.gc();
    globalThis.gc();
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ at: Date.now(), ...process.memoryUsage() }));
    fs.renameSync(tmp, file);
  });
}
