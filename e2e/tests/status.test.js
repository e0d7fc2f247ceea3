// The write path as a person uses it: log in, report status through the form,
// find the report in the history and in "since the last meeting"; and bad
// input that must come back with an error next to the field and change nothing.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.js';
import { goto, launch, login, newPage, screenshot, today } from '../lib/browser.js';
import { STATUS_FORM, choose, describedBy, newError, send, submitStatus } from '../lib/forms.js';

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

async function history(page, id) {
  const res = await page.request.get(`/api/v1/actions/${id}/status-updates`);
  assert.equal(res.status(), 200, `GET status-updates of ${id}`);
  return res.json();
}

test('the project leader reports status through the form and finds it in the history and in /changes', async () => {
  const { context, page } = await newPage(browser, server.url);
  try {
    await login(page, server.users.projectLeader);
    await goto(page, '/actions/mentorprogram');
    assert.equal(await page.locator(STATUS_FORM).count(), 1, 'the project leader sees the status form');

    const text = `E2E ${Date.now()}: fire mentorpar i gang i Årdal og Sogndal`;
    const response = await submitStatus(page, { status: 'ongoing', light: 'yellow', text, reportedOn: today() });
    assert.ok(response.status() === 303 || response.status() === 302, `POST answers with a redirect, got ${response.status()}`);
    assert.equal(new URL(page.url()).pathname, '/actions/mentorprogram', 'back on the item after the redirect');

    const shown = page.locator('main').getByText(text);
    assert.ok((await shown.count()) >= 1, 'the new report is on the item page');
    assert.equal(await shown.first().evaluate((e) => e.closest('form') === null), true, 'shown in the history, not in a form');
    assert.ok(await shown.first().isVisible(), 'the report in the history is visible');

    const [latest] = await history(page, 'mentorprogram');
    assert.deepEqual(
      { text: latest.text, status: latest.status, light: latest.light, reported_on: latest.reported_on },
      { text, status: 'ongoing', light: 'yellow', reported_on: today() },
    );
    await screenshot(page, 'action-mentorprogram-after-report');

    await goto(page, '/changes');
    assert.ok((await page.locator('main').getByText(text).count()) >= 1, 'the report is among the changes since the last meeting');
    await screenshot(page, 'changes');
  } finally {
    await context.close();
  }
});

test('bad input through the status form shows an error next to the field and changes nothing', async (t) => {
  const { context, page } = await newPage(browser, server.url);
  try {
    await login(page, server.users.projectLeader);
    const count = (await history(page, 'mentorprogram')).length;

    // Each case fills the form correctly, then spoils one field in a way the
    // browser's own checks would not stop, so the server's checks are what is tested.
    const cases = [
      {
        name: 'a text over 4000 characters',
        field: 'text',
        spoil: (form) =>
          form.locator('[name="text"]').evaluate((e) => {
            e.value = 'for lang '.repeat(500);
          }),
      },
      {
        name: 'a date that is not a date (2021-02-30)',
        field: 'reported_on',
        spoil: (form) =>
          form.locator('[name="reported_on"]').evaluate((e) => {
            e.type = 'text';
            e.value = '2021-02-30';
          }),
      },
      {
        name: 'an unknown status',
        field: 'status',
        spoil: (form) =>
          form.locator('[name="status"]').first().evaluate((e) => {
            if (e.tagName === 'SELECT') {
              e.add(new Option('finished', 'finished'));
              e.value = 'finished';
            } else {
              e.value = 'finished';
              e.checked = true;
            }
          }),
      },
    ];

    for (const c of cases) {
      await t.test(c.name, async () => {
        await goto(page, '/actions/mentorprogram');
        const before = await describedBy(page, c.field);
        assert.ok(before.found, `the status form has a field called ${c.field}`);
        const form = page.locator(STATUS_FORM);
        const marker = `E2E-ugyldig ${Date.now()}`;
        await choose(form, 'status', 'ongoing');
        await choose(form, 'light', 'green');
        await form.locator('[name="text"]').fill(marker);
        await form.locator('[name="reported_on"]').fill(today());
        await c.spoil(form);
        // Constraint validation in the browser would hide what the server does.
        await form.evaluate((f) => f.setAttribute('novalidate', ''));

        const response = await send(page);
        assert.equal(response.status(), 422, `the server refuses ${c.name} with 422`);
        const after = await newError(page, c.field, before);
        assert.ok(after.found, `the form is shown again with the ${c.field} field`);
        assert.ok(after.invalid, `the ${c.field} field is marked aria-invalid`);
        assert.ok(after.added.length > 0, `an error message is tied to the ${c.field} field with aria-describedby`);
        assert.ok(after.added.every((e) => e.nextToField), `the error message for ${c.field} stands next to the field`);

        const now = await history(page, 'mentorprogram');
        assert.equal(now.length, count, 'no status update was stored');
        assert.ok(!now.some((u) => u.text.startsWith('E2E-ugyldig') || u.text.startsWith('for lang')));
        if (c.field === 'reported_on') await screenshot(page, 'action-form-error');
      });
    }

    await t.test('a date that is not a date, posted without the form', async () => {
      const res = await page.request.post('/actions/mentorprogram/status', {
        form: { status: 'ongoing', light: 'green', text: 'E2E-ugyldig direkte', reported_on: '2021-02-30' },
        headers: { origin: server.url },
        maxRedirects: 0,
      });
      assert.equal(res.status(), 422);
      const html = await res.text();
      assert.match(html, /aria-invalid="true"/, 'the page marks the invalid field');
      assert.equal((await history(page, 'mentorprogram')).length, count, 'no status update was stored');
    });
  } finally {
    await context.close();
  }
});
