// A small pipeline seeded through the public API (admin token), for the train specs: three
// stations, each reached by a workflow that starts on Railyard's own train events. The last one
// waits for an approval, like a production gate. Two features: one ready, one still open.
import { expect, type APIRequestContext } from '@playwright/test';
import { adminToken, publishWorkflow, uniqueSuffix } from './api';

const auth = () => ({ authorization: `Bearer ${adminToken()}` });

export interface SeededPipeline {
  key: string;
  name: string;
  stations: string[];
  ready: { key: string; title: string };
  open: { key: string; title: string };
}

const workflow = (name: string, type: 'train.departed' | 'train.station-reached', filter: string, steps: string) => `apiVersion: railyard/v1
kind: Workflow
name: ${name}
description: e2e train station
trigger: { source: railyard, type: ${type}, filter: "${filter}" }
steps:
${steps}`;

export async function seedSmallPipeline(request: APIRequestContext): Promise<SeededPipeline> {
  const sfx = uniqueSuffix();
  const key = `e2e-shop-${sfx}`;
  const mine = `event.payload.pipeline.key = '${key}'`;
  // The cut workflow hands the train its changelog (the `changelog` variable), as the demo's does.
  await publishWorkflow(
    request,
    workflow(`${key}-cut`, 'train.departed', mine, `  - id: changelog
    action: vars.set
    description: The commits since the last tag, with their ticket keys.
    with: { values: { changelog: "## {{ event.payload.train.version }}\\n- SHOP-101 Checkout by card (3fa2c1d)\\n- SHOP-102 Fix the basket total (9b7e0aa)" } }
`),
  );
  await publishWorkflow(
    request,
    workflow(`${key}-build`, 'train.station-reached', `${mine} and event.payload.station.key = 'cut'`, `  - id: build
    action: delay
    description: The preproduction build.
    with: { ms: 1500 }
`),
  );
  await publishWorkflow(
    request,
    workflow(`${key}-prod`, 'train.station-reached', `${mine} and event.payload.station.key = 'preprod'`, `  - id: gate
    action: approval.request
    description: Production needs a second pair of eyes.
    with: { message: "Deploy {{ event.payload.train.version }} to production?" }
  - id: deploy
    action: log
    needs: [gate]
    with: { message: "Deployed {{ event.payload.train.version }}" }
`),
  );
  const name = `E2E Shop ${sfx}`;
  const res = await request.post('/api/pipelines', {
    headers: { ...auth(), 'content-type': 'text/yaml' },
    data: `apiVersion: railyard/v1
kind: Pipeline
key: ${key}
name: ${name}
description: A small pipeline seeded by the e2e spec.
repository: { url: /tmp/${key}.git, baseBranch: main }
version: { initial: 1.4.0, bump: minor, tagPrefix: v }
stations:
  - { key: cut, name: Cut branch, reachedBy: { workflow: ${key}-cut } }
  - { key: preprod, name: Preproduction build, reachedBy: { workflow: ${key}-build }, expectedMinutes: 15 }
  - { key: prod, name: Production, reachedBy: { workflow: ${key}-prod }, production: true }
`,
  });
  expect(res.status(), await res.text()).toBe(201);
  const ready = { key: 'SHOP-101', title: 'Checkout by card' };
  const open = { key: 'SHOP-103', title: 'Gift cards' };
  for (const [f, status] of [[ready, 'ready'], [open, 'open']] as const) {
    const r = await request.post('/api/features', { headers: auth(), data: { ...f, pipeline: key, status, owner: 'Dana Developer', link: `https://jira.example.test/browse/${f.key}` } });
    expect(r.status(), await r.text()).toBe(201);
  }
  return { key, name, stations: ['cut', 'preprod', 'prod'], ready, open };
}
