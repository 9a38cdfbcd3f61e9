// Test-only catalog: the built-ins plus the two actions DESIGN.md's demo workflow uses, which exist
// as handlers elsewhere. Kept out of the production catalog on purpose.
import { z } from 'zod';
import { actionCatalog } from '../actions/catalog';
import { defineAction, type ActionDefinition } from '../actions/definition';

const versionNext = defineAction({
  id: 'version.next',
  title: 'Next version',
  description: 'Computes the next version from tags.',
  kind: 'meta',
  params: z.strictObject({
    repo: z.string().describe('Repository.'),
    bump: z.enum(['major', 'minor', 'patch']).describe('Which part to bump.'),
  }),
  outputs: z.object({ version: z.string() }),
});

const createBranch = defineAction({
  id: 'git.create-branch',
  title: 'Create branch',
  description: 'Creates a branch.',
  kind: 'work',
  params: z.strictObject({
    repo: z.string().describe('Repository.'),
    name: z.string().describe('Branch name.'),
    from: z.string().default('main').describe('Base ref.'),
  }),
  outputs: z.object({ ref: z.string() }),
});

export const testCatalog: ReadonlyMap<string, ActionDefinition> = new Map<string, ActionDefinition>([
  ...Object.entries(actionCatalog),
  [versionNext.id, versionNext],
  [createBranch.id, createBranch],
]);

export const demoYaml = `apiVersion: railyard/v1
kind: Workflow
name: start-release
description: Cuts a release branch, writes the changelog and asks CI for a preproduction build.
trigger: { source: railyard, type: release.started }
concurrency: { key: "{{ event.payload.pipeline }}", onConflict: queue }   # queue | cancel-running | skip
steps:
  - id: version
    action: version.next
    description: Next minor version from the latest tag.
    with: { repo: "{{ event.payload.repo }}", bump: minor }
  - id: branch
    action: git.create-branch
    needs: [version]
    with: { repo: "{{ event.payload.repo }}", name: "release/{{ steps.version.outputs.version }}", from: main }
    retry: { attempts: 3, backoff: exponential, delayMs: 2000 }
`;
