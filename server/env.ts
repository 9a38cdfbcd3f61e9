// The only reader of process.env. Parsed lazily so importing a module never throws at build time
// (Next imports route modules while building, when no database is configured).
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required (npm start sets it for the embedded Postgres)'),
  REDIS_URL: z.string().min(1).default('redis://127.0.0.1:6390'),
  /** 32 bytes, base64: encrypts HMAC secrets at rest. npm start generates one into .railyard/local.json. */
  RAILYARD_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'RAILYARD_ENCRYPTION_KEY must be 32 bytes, base64-encoded'),
  RAILYARD_ADMIN_TOKEN: z.string().min(16).optional(),
  RAILYARD_INTAKE_MAX_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  RAILYARD_LIVE_MAXLEN: z.coerce.number().int().positive().default(10_000),
  RAILYARD_WORKER_CONCURRENCY: z.coerce.number().int().positive().default(20),
  /** Postgres connections per process (web and worker each). */
  RAILYARD_DB_POOL: z.coerce.number().int().positive().default(20),
  RAILYARD_MAX_EVENT_DEPTH: z.coerce.number().int().positive().default(10),
  /** How long a running step's claim lasts without a heartbeat (crash detection). */
  RAILYARD_STEP_LEASE_MS: z.coerce.number().int().min(500).default(30_000),
  PORT: z.coerce.number().int().positive().default(3000),
  /** Signs session cookies (next-auth); npm start generates one into .railyard/local.json. */
  NEXTAUTH_SECRET: z.string().min(1).optional(),
  /** Per-run working folders for shell.run and git.* (one sub-folder per run). */
  RAILYARD_WORKSPACE_DIR: z.string().default('.railyard/workspaces'),
  /** Extra folder searched for `railyard-action-<name>` plugin executables (besides PATH). */
  RAILYARD_PLUGIN_DIR: z.string().optional(),
  /** Outgoing mail for notify.email, e.g. smtp://user:pass@mail.example.com:587. */
  SMTP_URL: z.string().optional(),
  RAILYARD_MAIL_FROM: z.string().default('Railyard <railyard@localhost>'),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`invalid environment: ${detail}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/**
 * Folders searched for `railyard-action-<name>` plugins: RAILYARD_PLUGIN_DIR first (explicit
 * configuration wins over whatever PATH happens to hold), then PATH in order. Reads only these two
 * variables rather than env(), so listing actions works even where the database settings are absent.
 */
export function pluginSearchPath(): string[] {
  const dir = envSchema.shape.RAILYARD_PLUGIN_DIR.parse(process.env.RAILYARD_PLUGIN_DIR || undefined);
  const fromPath = (process.env.PATH ?? '').split(path.delimiter);
  const all = [dir, ...fromPath].filter((d): d is string => !!d).map((d) => path.resolve(d));
  return [...new Set(all)];
}

// Plugins are third-party code: they get the OS basics (and proxy/CA settings to reach other
// systems), never the worker's own settings such as DATABASE_URL or RAILYARD_ENCRYPTION_KEY.
const PLUGIN_ENV_ALLOW = [
  'PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TMPDIR',
  'SSL_CERT_FILE', 'SSL_CERT_DIR', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy',
];

export function pluginProcessEnv(): NodeJS.ProcessEnv {
  const out: Record<string, string> = {};
  for (const name of PLUGIN_ENV_ALLOW) {
    const value = process.env[name];
    if (value !== undefined) out[name] = value;
  }
  // Next's typings declare NODE_ENV required on ProcessEnv; a child process does not need it.
  return out as NodeJS.ProcessEnv;
}

/**
 * Selected variables of the worker's own environment, for child processes (shell.run, plugins)
 * that need PATH, HOME and the locale but must not inherit DATABASE_URL or secrets.
 */
export function hostEnv(names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = process.env[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}
