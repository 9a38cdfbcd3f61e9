// A linear-time layered layout for big graphs. dagre's network-simplex ranking and crossing
// minimisation grow much faster than the graph (≈1.4 s for 1,000 steps on this machine, most of a
// 2.5 s first-render budget), so above LARGE_GRAPH nodes the editor and the run view use this:
// columns by longest `needs` chain (the same columns dagre gives a DAG), rows ordered by a few
// barycentre sweeps (fewer crossings), each node placed near the average row of what it needs.
export type LayeredInput = { nodes: readonly string[]; edges: readonly { source: string; target: string }[] };
export type LayeredOptions = { width: number; height: number; nodesep: number; ranksep: number };

export const LARGE_GRAPH = 200;

export function layeredLayout(input: LayeredInput, o: LayeredOptions): Record<string, { x: number; y: number }> {
  const known = new Set(input.nodes);
  const preds = new Map<string, string[]>(input.nodes.map((id) => [id, []]));
  const succs = new Map<string, string[]>(input.nodes.map((id) => [id, []]));
  for (const e of input.edges) {
    if (!known.has(e.source) || !known.has(e.target) || e.source === e.target) continue;
    preds.get(e.target)!.push(e.source);
    succs.get(e.source)!.push(e.target);
  }

  // Longest path from the roots; a cycle (the engine rejects them) is cut where it closes.
  const rank = new Map<string, number>();
  const onPath = new Set<string>();
  const rankOf = (id: string): number => {
    const done = rank.get(id);
    if (done !== undefined) return done;
    if (onPath.has(id)) return 0;
    onPath.add(id);
    let r = 0;
    for (const p of preds.get(id)!) r = Math.max(r, rankOf(p) + 1);
    onPath.delete(id);
    rank.set(id, r);
    return r;
  };
  const columns: string[][] = [];
  for (const id of input.nodes) (columns[rankOf(id)] ??= []).push(id); // definition order first

  // Barycentre sweeps: order each column by the mean index of its neighbours in the other columns.
  const index = new Map<string, number>();
  const reindex = (col: string[]) => col.forEach((id, i) => index.set(id, i));
  columns.forEach((col) => col && reindex(col));
  const sortBy = (col: string[], neighbours: Map<string, string[]>) => {
    const key = new Map(col.map((id) => {
      const ns = neighbours.get(id)!;
      return [id, ns.length ? ns.reduce((sum, n) => sum + index.get(n)!, 0) / ns.length : index.get(id)!];
    }));
    col.sort((a, b) => key.get(a)! - key.get(b)! || index.get(a)! - index.get(b)!);
    reindex(col);
  };
  for (let sweep = 0; sweep < 4; sweep++) {
    if (sweep % 2 === 0) for (let c = 1; c < columns.length; c++) columns[c] && sortBy(columns[c]!, preds);
    else for (let c = columns.length - 2; c >= 0; c--) columns[c] && sortBy(columns[c]!, succs);
  }

  // Rows: each node wants the mean y of what it needs; then pushed apart in column order.
  const pitch = o.height + o.nodesep;
  const y = new Map<string, number>();
  const out: Record<string, { x: number; y: number }> = {};
  columns.forEach((col, c) => {
    if (!col) return;
    let next = -Infinity;
    let drift = 0;
    const placed = col.map((id) => {
      const ps = preds.get(id)!.filter((p) => y.has(p));
      const want = ps.length ? ps.reduce((sum, p) => sum + y.get(p)!, 0) / ps.length : index.get(id)! * pitch;
      const at = Math.max(want, next);
      next = at + pitch;
      drift += at - want;
      return [id, at] as const;
    });
    // Pushing apart only moves nodes down; move the column back up so siblings centre on their parent.
    const shift = drift / col.length;
    for (const [id, at] of placed) {
      y.set(id, at - shift);
      out[id] = { x: c * (o.width + o.ranksep), y: Math.round(at - shift) };
    }
  });
  return out;
}
