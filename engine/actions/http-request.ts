import { z } from 'zod';
import { defineAction } from './definition';

/** Calls an HTTP API; the generic escape hatch for tools without a dedicated action. */
export const httpRequest = defineAction({
  id: 'http.request',
  title: 'HTTP request',
  description:
    'Sends an HTTP request and fails unless the response status is expected (any 2xx by default). JSON responses are parsed. ' +
    'Retries by itself on 5xx, 429 and network errors; other 4xx fail at once. Every try carries the same Idempotency-Key header.',
  kind: 'work',
  params: z.strictObject({
    // Only http(s): other schemes (file:, gopher:) would let a workflow reach things it should not.
    url: z.url({ protocol: /^https?$/ }).describe('Absolute http(s) URL to call.'),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET').describe('HTTP method.'),
    headers: z.record(z.string(), z.string()).optional().describe('Request headers, e.g. Accept.'),
    body: z.unknown().optional().describe('Request body; objects and arrays are sent as JSON.'),
    auth: z
      .union([
        z.strictObject({ bearer: z.string().min(1).describe('Token sent as "Authorization: Bearer <token>".') }),
        z.strictObject({
          username: z.string().describe('Basic auth user name.'),
          password: z.string().describe('Basic auth password or API token.'),
        }),
      ])
      .optional()
      .describe('Credentials, typically from {{ secrets.NAME }}: { bearer } or { username, password } (basic). Never logged.'),
    timeoutMs: z.int().min(1).max(120_000).default(10_000).describe('Abort each try after this many milliseconds.'),
    retries: z
      .strictObject({
        attempts: z.int().min(0).max(5).default(2).describe('Extra tries after the first; 0 disables.'),
        delayMs: z.int().min(0).max(60_000).default(500).describe('Wait before the first retry; doubled for each further one.'),
      })
      .default({ attempts: 2, delayMs: 500 })
      .describe('Retries inside the step on 5xx, 429 and network errors, before the step-level retry policy applies.'),
    expectStatus: z
      .array(z.int().min(100).max(599))
      .min(1)
      .optional()
      .describe('Status codes that count as success; when omitted, any 2xx succeeds.'),
  }),
  outputs: z.object({
    status: z.number().describe('Response status code.'),
    headers: z.record(z.string(), z.string()).describe('Response headers, lower-cased names.'),
    body: z.unknown().describe('Parsed JSON when the response is JSON, otherwise the text.'),
    attempts: z.number().describe('How many tries it took (1 when the first one succeeded).'),
  }),
});
