import { describe, expect, it } from 'vitest';
import { actionCatalog } from '@/engine/actions/catalog';
import { shellRunHandler } from '../handlers/shell-run';
import { actionInput, tempDir } from '../testing/action-input';
import { LineSplitter } from './output-stream';

describe('LineSplitter', () => {
  it('cuts a line without a newline at the cap as soon as it passes it, and skips the rest of it', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l), 100);
    for (let i = 0; i < 1000; i++) s.push(Buffer.from('x'.repeat(1000))); // 1 MB, no newline
    expect(lines).toEqual([`${'x'.repeat(100)}… (line cut at 100 characters)`]); // emitted before the line ends
    s.push(Buffer.from('yyy\nnext\r\nlast'));
    s.end();
    expect(lines.slice(1)).toEqual(['next', 'last']);
  });

  it('keeps a UTF-8 character split across chunks whole', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l));
    const bytes = Buffer.from('é\n');
    s.push(bytes.subarray(0, 1));
    s.push(bytes.subarray(1));
    expect(lines).toEqual(['é']);
  });
});

describe('shell.run output', () => {
  it('truncates a 10 MB line printed without a newline, with a marker, and logs what follows', async () => {
    const ws = await tempDir();
    try {
      const command = "node -e \"process.stdout.write('z'.repeat(10*1024*1024)); process.stdout.write('\\nafter\\n')\"";
      const t = actionInput(actionCatalog['shell.run'].params.parse({ command }), ws.path);
      const { outputs } = (await shellRunHandler(t.input)) as { outputs: { stdout: string } };
      expect(t.lines.map((l) => l.message)).toEqual([`${'z'.repeat(4000)}… (line cut at 4000 characters)`, 'after']);
      expect(outputs.stdout.length).toBe(64 * 1024); // the outputs keep only the tail
    } finally {
      await ws.remove();
    }
  });
});
