import { z } from 'zod';
import { defineAction } from './definition';

/** Starts a Jenkins job over its REST API (crumb, buildWithParameters, queue item). */
export const jenkinsBuild = defineAction({
  id: 'jenkins.build',
  title: 'Jenkins build',
  description:
    'Triggers a Jenkins job, with parameters when given, and by default waits until the queued build starts to report its number. ' +
    'Jenkins has no idempotency key: a build is triggered again only if a worker dies mid-call and the executor re-runs the attempt.',
  kind: 'work',
  params: z.strictObject({
    baseUrl: z.url({ protocol: /^https?$/ }).describe('Jenkins root URL, e.g. https://ci.example.com or https://example.com/jenkins.'),
    job: z
      .string()
      .regex(/^[^/]+(\/[^/]+)*$/, 'job path without leading or trailing slashes, e.g. "team/app"')
      .describe('Job name; folders separated by "/", e.g. "releases/web" for /job/releases/job/web.'),
    parameters: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .describe('Build parameters. When given (even {}), buildWithParameters is used and missing ones take their defaults.'),
    username: z.string().min(1).describe('Jenkins user the API token belongs to.'),
    apiToken: z.string().min(1).describe('API token (or password), typically {{ secrets.JENKINS_TOKEN }}; never logged.'),
    waitForStart: z.boolean().default(true).describe('Wait until the build leaves the queue, to report its number and URL.'),
    timeoutMs: z.int().min(1_000).max(600_000).default(60_000).describe('How long to wait for the build to start.'),
    pollIntervalMs: z.int().min(10).max(60_000).default(2_000).describe('How often to ask the queue whether the build started.'),
  }),
  outputs: z.object({
    queueUrl: z.string().describe('The queue item URL Jenkins returned.'),
    queueId: z.number().describe('The queue item id.'),
    buildNumber: z.number().nullable().describe('Build number, once started (null when not waiting).'),
    buildUrl: z.string().nullable().describe('Build URL, once started (null when not waiting).'),
  }),
});
