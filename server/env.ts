// The only reader of process.env. Parsed lazily so importing a module never throws at build time
// (Next imports route modules while building, when no database is configured).
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
  RAILYARD_MAX_EVENT_DEPTH: z.coerce.number().int().positive().default(10),
  PORT: z.coerce.number().int().positive().default(3000),
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
