// Prisma's own schema engine, compiled to WebAssembly (@prisma/schema-engine-wasm), driven through
// the pg driver adapter. This is what lets us diff and migrate offline, where the Prisma CLI cannot
// download its native engine. Node cannot `import` a .wasm file, so we instantiate it by hand.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';

export type SchemaEngine = bindings.SchemaEngine;

let loaded = false;
function loadWasm() {
  if (loaded) return;
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve('@prisma/schema-engine-wasm').replace(/schema_engine\.js$/, 'schema_engine_bg.wasm');
  const module = new WebAssembly.Module(fs.readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  loaded = true;
}

/**
 * Opens an engine on `databaseUrl` (needed even for schema-to-schema diffs, which never query it).
 * `datamodels` are [path, content] pairs of the schema files the engine should consider current.
 * Engine log lines go to `onLog` (silent by default).
 */
export async function openSchemaEngine(databaseUrl: string, datamodels?: [string, string][], onLog: (line: string) => void = () => {}) {
  loadWasm();
  const factory = new PrismaPg({ connectionString: databaseUrl });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => wholeScripts(await connect());
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  return (await bindings.SchemaEngine.new({ datamodels }, onLog, adapter)) as SchemaEngine;
}

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

/**
 * The pg adapter's executeScript splits a migration on every ";" (breaking string literals and
 * function bodies) and runs the pieces one by one, so a failing migration is left half-applied.
 * The native engine sends the script as one simple query, which Postgres runs as one implicit
 * transaction; do the same here.
 */
function wholeScripts(adapter: PgAdapter): PgAdapter {
  const internals = adapter as unknown as { onError(e: unknown): never; underlyingDriver(): { query(sql: string): Promise<unknown> } };
  adapter.executeScript = async (script: string) => {
    try {
      await internals.underlyingDriver().query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

export const noFilters = { externalTables: [], externalEnums: [] };
