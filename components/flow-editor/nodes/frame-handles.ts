// Where a node frame's handles sit (node-frame.tsx: dots centred on the left and right edges),
// handed to React Flow with each node. Known in advance, React Flow needs no first render of every
// node to measure them, so a canvas that draws only what is on screen does so from its first
// frame: without them the run graph drew and measured all 300 nodes of a 300-step run once (about
// a second on the bench) before keeping the ten on screen. A drawn node's handles are measured as
// usual and replace these. Not for the editor: its fitView waits until every node was measured,
// which an undrawn node never is, so its canvas would stay at the origin.
import { Position, type NodeHandle } from '@xyflow/react';
import { STEP_SIZE } from '@/engine/workflow/auto-layout';

export function frameHandles(size: number, sides: { target: boolean } = { target: true }): NodeHandle[] {
  const y = STEP_SIZE.height / 2 - size / 2;
  const source: NodeHandle = { type: 'source', position: Position.Right, x: STEP_SIZE.width - size / 2, y, width: size, height: size };
  return sides.target ? [{ type: 'target', position: Position.Left, x: -size / 2, y, width: size, height: size }, source] : [source];
}
