// The only reader of process.env. Parsed lazily so importing a module never throws at build time
// (Next imports route modules while building, when no database is configured).
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required (npm start sets it for the embedded Postgres)'),
  /** Tests only: the owner of the tables, used by the reset helper to TRUNCATE (the app role may not). */
  DATABASE_OWNER_URL: z.string().min(1).optional(),
  REDIS_URL: z.string().min(1).default('redis://127.0.0.1:6390'),
  /** 32 bytes, base64: encrypts HMAC secrets at rest. npm start generates one into .railyard/local.json. */
  RAILYARD_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'RAILYARD_ENCRYPTION_KEY must be 32 bytes, base64-encoded'),
  RAILYARD_ADMIN_TOKEN: z.string().min(16).optional(),
  RAILYARD_INTAKE_MAX_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  RAILYARD_LIVE_MAXLEN: z.coerce.number().int().positive().default(10_000),
  /** Largest single live-stream message; bigger content is split (logs) or cut with a marker. */
  RAILYARD_LIVE_MESSAGE_MAX_BYTES: z.coerce.number().int().min(8 * 1024).default(64 * 1024),
  /** Log kept per step attempt: the first half as it comes, then only the most recent lines. */
  RAILYARD_STEP_LOG_MAX_BYTES: z.coerce.number().int().min(16 * 1024).default(2 * 1024 * 1024),
  RAILYARD_STEP_LOG_MAX_LINES: z.coerce.number().int().min(20).default(20_000),
  /** Workspaces of runs finished longer ago than this are deleted by the worker. */
  RAILYARD_WORKSPACE_RETENTION_HOURS: z.coerce.number().positive().default(72),
  RAILYARD_WORKER_CONCURRENCY: z.coerce.number().int().positive().default(20),
  // Steps of a chain one job runs back to back (inline continuation); 1 sends every step through the queue.
  RAILYARD_INLINE_STEPS: z.coerce.number().int().positive().max(1000).default(64),
  /** Postgres connections per process (web and worker each). */
  RAILYARD_DB_POOL: z.coerce.number().int().positive().default(20),
  RAILYARD_MAX_EVENT_DEPTH: z.coerce.number().int().positive().default(10),
  /** How long a running step's claim lasts without a heartbeat (crash detection). */
  RAILYARD_STEP_LEASE_MS: z.coerce.number().int().min(500).default(30_000),
  /** Longest a step's handler may run unless the step sets timeoutMs (waiting does not count). */
  RAILYARD_STEP_TIMEOUT_MS: z.coerce.number().int().positive().default(15 * 60_000),
  /** On SIGTERM the worker lets running steps finish this long, then hands them to another worker. */
  RAILYARD_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  PORT: z.coerce.number().int().positive().default(3000),
  /** Signs session cookies (next-auth); npm start generates one into .railyard/local.json. */
  NEXTAUTH_SECRET: z.string().min(1).optional(),
  /** Sign-in providers besides email + password: each is offered only when its id and secret are set. */
  RAILYARD_GITHUB_ID: z.string().min(1).optional(),
  RAILYARD_GITHUB_SECRET: z.string().min(1).optional(),
  RAILYARD_GITLAB_ID: z.string().min(1).optional(),
  RAILYARD_GITLAB_SECRET: z.string().min(1).optional(),
  /** Self-hosted GitLab, e.g. https://gitlab.example.com (gitlab.com when unset). */
  RAILYARD_GITLAB_URL: z.url().optional(),
  RAILYARD_OIDC_ISSUER: z.url().optional(),
  RAILYARD_OIDC_ID: z.string().min(1).optional(),
  RAILYARD_OIDC_SECRET: z.string().min(1).optional(),
  /** Role given to people the first time they sign in through GitHub, GitLab or OIDC. */
  RAILYARD_DEFAULT_ROLE: z.enum(['viewer', 'releaser', 'editor', 'admin']).default('viewer'),
  /** First admin, created by the seed when no user exists (npm start generates the password). */
  RAILYARD_ADMIN_EMAIL: z.email().default('admin@railyard.local'),
  RAILYARD_ADMIN_PASSWORD: z.string().min(8).optional(),
  /** Seed viewer@/releaser@/editor@railyard.local (password railyard-demo) with the first admin. */
  // Unset: npm start decides (on while it listens on loopback only); a hand-run seed creates none.
  RAILYARD_DEMO_PEOPLE: z.stringbool().optional(),
  /** Per-run working folders for shell.run and git.* (one sub-folder per run). */
  RAILYARD_WORKSPACE_DIR: z.string().default('.railyard/workspaces'),
  /** Extra folder searched for `railyard-action-<name>` plugin executables (besides PATH). */
  RAILYARD_PLUGIN_DIR: z.string().optional(),
  /** Outgoing mail for notify.email, e.g. smtp://user:pass@mail.example.com:587. */
  SMTP_URL: z.string().optional(),
  RAILYARD_MAIL_FROM: z.string().default('Railyard <railyard@localhost>'),
  /** The public URL of the web UI; its host is accepted as same-origin by the CSRF check (behind a proxy). */
  NEXTAUTH_URL: z.string().optional(),
  /** Base of the links in notifications (subscriptions); NEXTAUTH_URL when unset. */
  RAILYARD_PUBLIC_URL: z.url().optional(),
  /** Rate cap per subscription: at most this many messages per window, then one "N more" summary. */
  RAILYARD_NOTIFY_MAX_PER_WINDOW: z.coerce.number().int().positive().default(10),
  RAILYARD_NOTIFY_WINDOW_MS: z.coerce.number().int().positive().default(600_000),
  /** How often the worker looks for due digests and notifications whose job was lost. */
  RAILYARD_NOTIFY_TICK_MS: z.coerce.number().int().positive().default(60_000),
  /** Events accepted per source per minute; beyond it the intake answers 429 with Retry-After. */
  RAILYARD_INTAKE_RATE_PER_MIN: z.coerce.number().int().positive().default(6000),
  ...httpGuardShape(),
  ...stallShape(),
  ...gitShape(),
});

/** How long the web process waits on Postgres and Redis, intake limits by address, live-stream caps. */
function stallShape() {
  const ms = (fallback: number) => z.coerce.number().int().positive().default(fallback);
  return {
    /** Connecting to Postgres or waiting for a pooled connection (web; a worker waits ≥ 10 s). */
    RAILYARD_DB_CONNECT_TIMEOUT_MS: ms(1_000),
    /** Waiting for one query's answer in the web process, before answering 503. */
    RAILYARD_DB_QUERY_TIMEOUT_MS: ms(1_500),
    /** Server-side limit on one statement (both processes). */
    RAILYARD_DB_STATEMENT_TIMEOUT_MS: ms(30_000),
    /** A transaction left idle this long is ended by Postgres. */
    RAILYARD_DB_IDLE_TX_TIMEOUT_MS: ms(30_000),
    /** A web-process Redis command without an answer after this fails (the caller degrades). */
    RAILYARD_REDIS_TIMEOUT_MS: ms(300),
    /** Failed intake deliveries (bad credential, unknown source) per client address per minute. */
    RAILYARD_INTAKE_FAILURES_PER_IP_PER_MIN: ms(300),
    /** How long a web process reuses a source's configuration before re-reading it; changes made
     *  through another web process are seen within this (0 = read on every delivery). */
    RAILYARD_SOURCE_CACHE_MS: z.coerce.number().int().min(0).default(5_000),
    /** Proxies whose X-Forwarded-For is believed: comma-separated IPs or CIDRs. */
    RAILYARD_TRUSTED_PROXIES: z.string().default(''),
    /** Set by scripts/web-server.mjs for its own process: the header carrying each request's socket address (server/http/client-ip.ts). */
    RAILYARD_SOCKET_HEADER: z.string().toLowerCase().optional(),
    /** Live streams (SSE) per person or token, and in total, per web process. */
    RAILYARD_STREAMS_PER_PERSON: ms(10),
    RAILYARD_STREAMS_TOTAL: ms(1_000),
    /** How often an open live stream re-checks that its viewer may still read. */
    RAILYARD_STREAM_REAUTH_MS: ms(30_000),
    RAILYARD_STREAM_HEARTBEAT_MS: ms(15_000),
  };
}

/** Outgoing-HTTP guard settings (see engine/net/address-class.ts). */
function httpGuardShape() {
  return {
    /** Hosts or IPs exempt from the SSRF guard, comma-separated (e.g. 169.254.169.254 on purpose). */
    RAILYARD_HTTP_ALLOW_HOSTS: z
      .string()
      .default('')
      .transform((v) => v.split(',').map((h) => h.trim().toLowerCase().replace(/^\[|\]$/g, '')).filter(Boolean)),
    /** Allow link-local targets (169.254.0.0/16, fe80::/10) other than metadata addresses. */
    RAILYARD_HTTP_ALLOW_LINK_LOCAL: z.stringbool().default(false),
    ...httpLimitShape(),
  };
}

/** Bounds on every outgoing HTTP call of an action (server/actions/http-client.ts). */
function httpLimitShape() {
  return {
    /** Establishing the TCP (and TLS) connection. */
    RAILYARD_HTTP_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    /** Whole call, body included, when the action sets no timeout of its own. */
    RAILYARD_HTTP_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    /** A response body larger than this is refused while it streams in (never buffered whole). */
    RAILYARD_HTTP_MAX_BODY_BYTES: z.coerce.number().int().positive().default(4 * 1024 * 1024),
  };
}

/** Reads only the HTTP limits, so outgoing HTTP works where DATABASE_URL is absent (unit tests). */
export function httpLimitSettings(): { connectTimeoutMs: number; timeoutMs: number; maxBodyBytes: number } {
  const p = z.object(httpLimitShape()).parse(process.env);
  return { connectTimeoutMs: p.RAILYARD_HTTP_CONNECT_TIMEOUT_MS, timeoutMs: p.RAILYARD_HTTP_TIMEOUT_MS, maxBodyBytes: p.RAILYARD_HTTP_MAX_BODY_BYTES };
}

/** Reads only the guard settings, so outgoing HTTP works where DATABASE_URL is absent (unit tests). */
export function httpGuardSettings(): { allowHosts: string[]; allowLinkLocal: boolean } {
  const parsed = z.object(httpGuardShape()).parse(process.env);
  return { allowHosts: parsed.RAILYARD_HTTP_ALLOW_HOSTS, allowLinkLocal: parsed.RAILYARD_HTTP_ALLOW_LINK_LOCAL };
}

/** Limits of git.* steps (server/actions/git/). */
function gitShape() {
  return {
    /** One git command (clone, fetch, push…) is killed, with its helpers, after this long. */
    RAILYARD_GIT_TIMEOUT_MS: z.coerce.number().int().positive().default(600_000),
    /** Folders (separated by the OS path delimiter, ":" here) whose local repositories git.clone and git.push may use
     *  besides the run's own workspace, e.g. a folder of local mirrors. */
    RAILYARD_GIT_LOCAL_REMOTES: z.string().default(''),
    /** A git config file git steps read as their only global config (CA bundle, proxy); none by default. */
    RAILYARD_GIT_CONFIG: z.string().optional(),
  };
}

/** Reads only the git settings, so git steps work where DATABASE_URL is absent (unit tests). */
export function gitSettings(): { timeoutMs: number; localRemotes: string[]; configFile: string | null } {
  const p = z.object(gitShape()).parse(process.env);
  const localRemotes = p.RAILYARD_GIT_LOCAL_REMOTES.split(path.delimiter).map((d) => d.trim()).filter(Boolean).map((d) => path.resolve(d));
  return { timeoutMs: p.RAILYARD_GIT_TIMEOUT_MS, localRemotes, configFile: p.RAILYARD_GIT_CONFIG || null };
}

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
