#!/usr/bin/env -S npx tsx
// The `railyard` command: send events and manage workflows over the HTTP API, for scripts and CI
// jobs that have no native webhook. It talks only HTTP, so it works against any Railyard.
// Configuration: RAILYARD_URL (default http://localhost:3000) and RAILYARD_TOKEN (an API token).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { api, download, type CliConfig } from './http';
import { release } from './release';

const USAGE = `usage: railyard <command> [options]

  send <source> <type> [--file payload.json] [--key idempotency-key]
                                   send an event (payload from --file or stdin, default {})
  workflow push <file.yaml>        create a workflow or publish a new version
  workflow get <name> [--yaml] [--version N]
  workflow list
  runs [--limit N]                 recent runs
  run <id>                         one run with its steps
  event <id>                       one event with its runs
  export [--out file.yaml]         the whole registry as one YAML stream (stdout unless --out)
  import <file.yaml>               import a registry stream: all or nothing, reports what changed
  release start <pipeline> [--hotfix]
                                   start a release train (or a hotfix beside it); refused with the reason
  release status <pipeline>        the train on the track, the hotfix, what the next train would take

environment: RAILYARD_URL (default http://localhost:3000), RAILYARD_TOKEN`;

function readPayload(file: string | undefined): string {
  if (file) return readFileSync(file, 'utf8');
  if (process.stdin.isTTY) return '{}';
  return readFileSync(0, 'utf8') || '{}';
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      file: { type: 'string', short: 'f' },
      key: { type: 'string' },
      yaml: { type: 'boolean' },
      version: { type: 'string' },
      limit: { type: 'string' },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
      hotfix: { type: 'boolean' },
    },
  });
  const cfg: CliConfig = { url: process.env.RAILYARD_URL ?? 'http://localhost:3000', token: process.env.RAILYARD_TOKEN };
  const [cmd, a, b] = positionals;
  if (values.help || !cmd) {
    console.log(USAGE);
    return cmd ? 0 : 2;
  }
  switch (cmd) {
    case 'send': {
      if (!a || !b) throw new Error('send needs <source> <type>');
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (values.key) headers['idempotency-key'] = values.key;
      return api(cfg, 'POST', `/api/events/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, readPayload(values.file), headers);
    }
    case 'workflow':
      if (a === 'push' && b) return api(cfg, 'POST', '/api/workflows', readFileSync(b, 'utf8'), { 'content-type': 'application/yaml' });
      if (a === 'get' && b) {
        const q = new URLSearchParams({ ...(values.yaml && { format: 'yaml' }), ...(values.version && { version: values.version }) });
        return api(cfg, 'GET', `/api/workflows/${encodeURIComponent(b)}?${q}`);
      }
      if (a === 'list') return api(cfg, 'GET', '/api/workflows');
      throw new Error('workflow needs push <file> | get <name> | list');
    case 'runs':
      return api(cfg, 'GET', `/api/runs?limit=${Number(values.limit ?? 20)}`);
    case 'run':
    case 'event':
      if (!a) throw new Error(`${cmd} needs <id>`);
      return api(cfg, 'GET', `/api/${cmd}s/${encodeURIComponent(a)}`);
    case 'export': {
      const text = await download(cfg, '/api/export');
      if (text === null) return 1;
      if (values.out) writeFileSync(values.out, text);
      else process.stdout.write(text);
      return 0;
    }
    case 'import':
      if (!a) throw new Error('import needs <file.yaml>');
      return api(cfg, 'POST', '/api/import', readFileSync(a, 'utf8'), { 'content-type': 'application/yaml' });
    case 'release':
      return release(cfg, a, b, { hotfix: values.hotfix });
    default:
      throw new Error(`unknown command "${cmd}"\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`railyard: ${err.message}`);
    process.exit(2);
  },
);
