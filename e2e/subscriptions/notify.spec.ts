// A developer follows an event without asking anyone: from the event type's row in the Registry,
// one click subscribes to `railyard / train.departed` (every time, to their e-mail), a releaser
// starts a train through the API, and the worker's message lands in the local SMTP server
// (e2e/support/smtp-capture.mjs) with a link that opens the train. Screenshots of the
// Subscriptions page and the form, light and dark, for review.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { signInAs } from '../support/auth';
import { screenshots } from '../support/screenshots';
import { createOneStationPipeline } from '../support/api';
import { parseMail, readMailbox } from '../support/mailbox';

async function seedPipeline(request: APIRequestContext) {
  const key = await createOneStationPipeline(request, {
    prefix: 'e2e-notify', name: 'Notify', initial: '2.0.0', description: 'A one-station pipeline for the subscriptions spec.',
    station: { key: 'cut', name: 'Cut branch' },
    steps: () => `  - id: cut
    action: log
    with: { message: "Cut {{ event.payload.train.version }}" }`,
  });
  return { key };
}

test('a developer subscribes to train.departed and the e-mail links to the train', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const p = await seedPipeline(page.request);
  const me = await signInAs(page, 'viewer');

  // One click on the event type's row subscribes; the form opens to refine it.
  await page.goto('/registry');
  const row = page.getByTestId('event-type-railyard-train.departed');
  await row.getByTestId('subscribe-button').click();
  const form = page.getByTestId('subscription-form');
  await expect(form.getByTestId('subscribed-notice')).toBeVisible();
  await expect(form.getByTestId('policy-always')).toBeChecked();
  await expect(form.getByTestId('channel-email-me')).toBeChecked();
  await form.getByTestId('policy-changes').check();
  await expect(form.getByTestId('group-by')).toBeVisible();
  await screenshots(page, 'subscription-form');
  await form.getByTestId('policy-always').check(); // every time, as the developer wants
  await form.getByTestId('subscription-save').click();
  await expect(form).toBeHidden();
  await expect(row.getByTestId('subscribe-button')).toHaveAttribute('data-subscribed', 'true');

  // The Subscriptions page lists it: target, policy, where it goes.
  await page.goto('/subscriptions');
  const item = page.getByTestId('subscription-event-type:railyard/train.departed');
  await expect(item.getByTestId('subscription-policy')).toHaveText('Every time');
  await expect(item).toContainText(me.email);

  // A releaser starts a train of the small pipeline; its departure is the event.
  const releaser = await browser.newContext();
  const rp = await releaser.newPage();
  await signInAs(rp, 'releaser');
  // A session's POST carries its Origin, as the browser's would (the CSRF check wants it).
  const started = await rp.request.post(`/api/pipelines/${p.key}/trains`, { data: {}, headers: { origin: baseURL! } });
  expect(started.status(), await started.text()).toBe(201);
  const train = (await started.json()) as { id: string; version: string };
  await releaser.close();

  // The worker mails the viewer: subject and text name the train, and the text links to it.
  let mail: ReturnType<typeof parseMail> | undefined;
  await expect
    .poll(async () => {
      const mine = (await readMailbox()).filter((m) => m.to.includes(me.email)).map(parseMail);
      mail = mine.find((m) => m.subject.includes(`${p.key} ${train.version} departed`));
      return Boolean(mail);
    }, { timeout: 30_000, message: 'the train.departed mail reaches the local SMTP server' })
    .toBe(true);
  expect(mail!.text).toContain(train.version);
  expect(mail!.html).toContain(`/trains/${train.id}`);
  const link = /https?:\/\/\S+\/trains\/[^\s>)\]]+/.exec(mail!.text)?.[0];
  expect(link, mail!.text).toBeTruthy();

  // The link works: it opens the train, signed in as the person it was mailed to.
  await page.goto(link!);
  await expect(page.getByTestId('train-version')).toHaveText(train.version);
  await expect(page.getByTestId('subscribe-button')).toBeVisible();

  // The delivery log records the send.
  await page.goto('/subscriptions');
  await item.getByTestId('subscription-log-toggle').click();
  await expect(item.getByTestId('delivery').filter({ hasText: `${p.key} ${train.version} departed` })).toHaveAttribute('data-status', 'sent');
  await screenshots(page, 'subscriptions-page');

  // Preview: the stored departure rendered as the e-mail would carry it (nothing is sent).
  await item.getByTestId('subscription-edit').click();
  const edit = page.getByTestId('subscription-form');
  await edit.getByTestId('preview-run').click();
  await expect(edit.getByTestId('preview-message')).toHaveAttribute('data-decision', 'send');
  await expect(edit.getByTestId('preview-subject')).toContainText(`${p.key} ${train.version} departed`);
  await screenshots(page, 'subscription-preview');
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();

  // Mute from the list: the row says so, and unmute brings it back.
  await item.getByTestId('subscription-mute').click();
  await expect(item).toHaveAttribute('data-muted', 'true');
  await item.getByTestId('subscription-mute').click();
  await expect(item).toHaveAttribute('data-muted', 'false');
});
