import { z } from 'zod';
import { defineAction } from './definition';

/** Runs a command in the run's workspace; the escape hatch for build tools without a dedicated action. */
export const shellRun = defineAction({
  id: 'shell.run',
  title: 'Run a command',
  description:
    "Runs a command in the run's workspace, streaming stdout and stderr to the step log line by line. A non-zero exit code fails the step. The command sees only a minimal environment (PATH, HOME, locale) plus `env`, never the worker's own settings.",
  kind: 'work',
  params: z.strictObject({
    command: z.string().min(1).describe('Command line run by /bin/sh, or the program to run when `args` is given.'),
    args: z.array(z.string()).optional().describe('Arguments; when given, `command` runs directly without a shell (no quoting surprises).'),
    env: z.record(z.string(), z.string()).optional().describe('Extra environment variables, e.g. { NODE_ENV: "production" }.'),
    cwd: z.string().optional().describe("Working folder relative to the run's workspace; may not leave it."),
    timeoutMs: z.int().min(1).max(24 * 3600 * 1000).default(600_000).describe('Kill the command (and its children) after this many milliseconds.'),
  }),
  outputs: z.object({
    exitCode: z.number().describe('The exit code (0 on success).'),
    stdout: z.string().describe('Standard output, the last 64 KiB.'),
    stderr: z.string().describe('Standard error, the last 64 KiB.'),
  }),
});
