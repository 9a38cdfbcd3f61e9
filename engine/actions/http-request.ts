import { z } from 'zod';
import { defineAction } from './definition';

/** Calls an HTTP API; the generic escape hatch for tools without a dedicated action. */
export const httpRequest = defineAction({
  id: 'http.request',
  title: 'HTTP request',
  description:
    'Sends an HTTP request and fails unless the response status is expected (any 2xx by default). JSON responses are parsed.',
  kind: 'work',
  params: z.strictObject({
    // Only http(s): other schemes (file:, gopher:) would let a workflow reach things it should not.
    url: z.url({ protocol: /^https?$/ }).describe('Absolute http(s) URL to call.'),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET').describe('HTTP method.'),
    headers: z.record(z.string(), z.string()).optional().describe('Request headers, e.g. Authorization.'),
    body: z.unknown().optional().describe('Request body; objects and arrays are sent as JSON.'),
    timeoutMs: z.int().min(1).max(120_000).default(10_000).describe('Abort the request after this many milliseconds.'),
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
  }),
});
