export type CliConfig = { url: string; token?: string };

/** Performs one request, prints the answer (JSON pretty-printed), returns the exit code. */
export async function api(cfg: CliConfig, method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(new URL(path, cfg.url), {
    method,
    body,
    headers: { ...headers, ...(cfg.token && { authorization: `Bearer ${cfg.token}` }) },
  });
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const out = isJson ? JSON.stringify(JSON.parse(text), null, 2) : text;
  (res.ok ? console.log : console.error)(out);
  return res.ok ? 0 : 1;
}

/** GET returning the body as text (for `export`); a refusal is printed and becomes exit code 1. */
export async function download(cfg: CliConfig, path: string): Promise<string | null> {
  const res = await fetch(new URL(path, cfg.url), { headers: cfg.token ? { authorization: `Bearer ${cfg.token}` } : {} });
  const text = await res.text();
  if (res.ok) return text;
  console.error(text);
  return null;
}
