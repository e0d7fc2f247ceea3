// Who is offered the status form, and that the server refuses those who are
// not, whatever the page shows.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.js';
import { goto, launch, login, newPage, today } from '../lib/browser.js';
import { STATUS_FORM, submitStatus } from '../lib/forms.js';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// mentorprogram is in the work package "arbeid", leige-for-a-eige in "bustad".
const ARBEID_ITEM = 'mentorprogram';
const BUSTAD_ITEM = 'leige-for-a-eige';

async function historyLength(page, id) {
  const res = await page.request.get(`/api/v1/actions/${id}/status-updates`);
  assert.equal(res.status(), 200);
  return (await res.json()).length;
}

/** A status report sent past the page, as a crafted form post would be. */
async function postDirectly(page, id) {
  return page.request.post(`/actions/${id}/status`, {
    form: { status: 'done', light: 'green', text: 'E2E: skal ikkje lagrast', reported_on: today() },
    headers: { origin: server.url },
    maxRedirects: 0,
  });
}

test('a work-group member for arbeid reports on an arbeid item but is offered no form on a bustad item', async () => {
  const { context, page } = await newPage(browser, server.url);
  try {
    await login(page, server.users.worker);

    await goto(page, `/actions/${ARBEID_ITEM}`);
    assert.equal(await page.locator(STATUS_FORM).count(), 1, 'status form on the arbeid item');
    const text = `E2E ${Date.now()}: arbeidsgruppa melder frå`;
    const res = await submitStatus(page, { status: 'ongoing', light: 'green', text, reportedOn: today() });
    assert.ok([302, 303].includes(res.status()), `the report is accepted, got ${res.status()}`);
    assert.ok((await page.locator('main').getByText(text).count()) >= 1, 'the report is in the history');

    await goto(page, `/actions/${BUSTAD_ITEM}`);
    assert.equal(await page.locator(STATUS_FORM).count(), 0, 'no status form on the bustad item');
    const before = await historyLength(page, BUSTAD_ITEM);
    const refused = await postDirectly(page, BUSTAD_ITEM);
    assert.equal(refused.status(), 403, 'a report on bustad is refused');
    assert.equal(await historyLength(page, BUSTAD_ITEM), before, 'nothing was stored');
  } finally {
    await context.close();
  }
});

test('a reader is offered no status form and cannot report', async () => {
  const { context, page } = await newPage(browser, server.url);
  try {
    await login(page, server.users.reader);
    await goto(page, `/actions/${ARBEID_ITEM}`);
    assert.equal(await page.locator(STATUS_FORM).count(), 0, 'no status form for a reader');
    const before = await historyLength(page, ARBEID_ITEM);
    const refused = await postDirectly(page, ARBEID_ITEM);
    assert.equal(refused.status(), 403, 'a report by a reader is refused');
    assert.equal(await historyLength(page, ARBEID_ITEM), before, 'nothing was stored');
  } finally {
    await context.close();
  }
});

test('an anonymous visitor sees no status form but a log-in link, and a post goes to log-in', async () => {
  const { context, page } = await newPage(browser, server.url);
  try {
    await goto(page, `/actions/${ARBEID_ITEM}`);
    assert.equal(await page.locator(STATUS_FORM).count(), 0, 'no status form for an anonymous visitor');
    const loginLinks = page.locator('a[href^="/login"]');
    assert.ok((await loginLinks.count()) >= 1, 'a log-in link on the page');
    assert.ok(await loginLinks.first().isVisible(), 'the log-in link is visible');

    const before = await historyLength(page, ARBEID_ITEM);
    const res = await postDirectly(page, ARBEID_ITEM);
    assert.ok([302, 303].includes(res.status()), `an anonymous post is sent to log in, got ${res.status()}`);
    assert.match(res.headers().location ?? '', /^\/login/);
    assert.equal(await historyLength(page, ARBEID_ITEM), before, 'nothing was stored');
  } finally {
    await context.close();
  }
});
