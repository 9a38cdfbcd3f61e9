// `railyard release start <pipeline> [--hotfix]` and `railyard release status <pipeline>`: the
// Start release button and the pipeline page's track, for a terminal or a CI job.
import type { CliConfig } from './http';

type Json = Record<string, any>;

async function call(cfg: CliConfig, method: string, path: string, body?: unknown): Promise<{ ok: boolean; status: number; body: Json }> {
  const res = await fetch(new URL(path, cfg.url), {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(cfg.token && { authorization: `Bearer ${cfg.token}` }) },
  });
  const text = await res.text();
  let parsed: Json;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { error: text };
  }
  return { ok: res.ok, status: res.status, body: parsed };
}

const trainLine = (t: Json, stations: Json[]) => {
  const name = stations.find((s) => s.key === t.station)?.name ?? t.station ?? 'the track';
  return `${t.kind === 'hotfix' ? 'hotfix train' : 'train'} ${t.number} (${t.version}) at ${name}, started ${t.startedAt}${t.startedBy ? ` by ${t.startedBy}` : ''}`;
};

export async function release(cfg: CliConfig, sub: string | undefined, pipeline: string | undefined, opts: { hotfix?: boolean }): Promise<number> {
  if (!pipeline || (sub !== 'start' && sub !== 'status')) throw new Error('release needs start <pipeline> [--hotfix] | status <pipeline>');
  const key = encodeURIComponent(pipeline);
  if (sub === 'start') {
    const res = await call(cfg, 'POST', `/api/pipelines/${key}/trains`, { kind: opts.hotfix ? 'hotfix' : 'regular' });
    if (!res.ok) {
      console.error(`refused (${res.status}): ${res.body.error ?? 'unknown error'}`);
      return 1;
    }
    const f = res.body.features as string[];
    console.log(`train ${res.body.number} (${res.body.version}) departed with ${f.length} feature${f.length === 1 ? '' : 's'}${f.length ? `: ${f.join(', ')}` : ''}`);
    console.log(`id ${res.body.id}`);
    return 0;
  }
  const res = await call(cfg, 'GET', `/api/pipelines/${key}`);
  if (!res.ok) {
    console.error(`${res.status}: ${res.body.error ?? 'unknown error'}`);
    return 1;
  }
  const p = res.body;
  const pf = p.preflight;
  console.log(`${p.name} (${p.key}, v${p.version})`);
  console.log(`track:  ${p.track ? trainLine(p.track, p.stations) : 'empty'}`);
  console.log(`hotfix: ${p.hotfix ? trainLine(p.hotfix, p.stations) : 'none'}`);
  console.log(`stations: ${pf.stations.map((s: Json) => s.name).join(' → ')}`);
  console.log(pf.canStart ? `next: ${pf.nextVersion}, boarding ${pf.boarding.length ? pf.boarding.map((f: Json) => f.key).join(', ') : 'no features'}` : `start refused: ${pf.reason}`);
  for (const f of pf.notReady) console.log(`  not boarding ${f.key}: ${f.why}`);
  return 0;
}
