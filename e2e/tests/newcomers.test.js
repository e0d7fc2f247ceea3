// The newcomer service in a real browser: staff register and follow a case (with a
// mistake the server sends back), a newcomer sees, downloads and erases their own
// data, the welcome pages in five languages, all checked with axe; and a server killed
// with SIGKILL in the middle of a stream of writes keeps every write it acknowledged.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { request } from 'playwright-core';

import { startServer } from '../lib/server.js';
import { axeReport, goto, launch, login, newPage, screenshot } from '../lib/browser.js';
import { choose } from '../lib/forms.js';

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

async function noAxeViolations(page, what) {
  const report = await axeReport(page);
  assert.equal(report, '', `axe violations on ${what}:\n${report}`);
}

/** Clicks a submit button and waits for the page the POST leads to. */
async function press(page, button) {
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
  await page.waitForLoadState('load');
}

async function switchLanguage(page, lang) {
  if ((await page.locator('html').getAttribute('lang')) === lang) return;
  await Promise.all([page.waitForLoadState('load'), page.locator(`button[name="lang"][value="${lang}"]`).click()]);
  await page.waitForLoadState('load');
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
}

const NAME = `Agnieszka E2E-${Date.now()}`;

test('staff register a case, follow it, and every page passes axe in three languages', async () => {
  const { context, page } = await newPage(browser, server.url);
  try {
    await login(page, server.users.staff);
    await goto(page, '/newcomers');
    await noAxeViolations(page, '/newcomers');
    await goto(page, '/newcomers/new');
    await noAxeViolations(page, '/newcomers/new');

    const form = page.locator('main form[action="/newcomers"]');
    await form.locator('[name="name"]').fill(NAME);
    await choose(form, 'municipality', '4643');
    await form.locator('[name="arrival_date"]').fill('2024-03-01');
    await choose(form, 'category', 'labour');
    await form.locator('[name="household"]').fill('barn');
    await form.locator('[name="languages"]').fill('polsk, engelsk');
    await form.locator('[name="needs"][value="job"]').check();
    await form.locator('[name="account_id"]').fill(String(server.users.newcomer.id));
    await form.evaluate((f) => f.setAttribute('novalidate', ''));
    await press(page, form.locator('[type="submit"]'));
    const household = page.locator('[name="household"]');
    assert.equal(await household.getAttribute('aria-invalid'), 'true', 'the household is refused beside the field');
    assert.equal(await page.locator('[name="name"]').inputValue(), NAME, 'what was typed is kept');
    assert.equal(await page.locator('[name="needs"][value="job"]').isChecked(), true, 'ticked needs are kept');
    await noAxeViolations(page, '/newcomers/new with errors');

    await page.locator('[name="household"]').fill('partner 1988, child 2017');
    await press(page, page.locator('main form[action="/newcomers"] [type="submit"]'));
    assert.match(new URL(page.url()).pathname, /^\/newcomers\/\d+$/, 'only an id in the URL');
    assert.ok(!page.url().includes('Agnieszka'));

    const step = page.locator('main form[action$="/steps"]');
    await choose(step, 'kind', 'first-contact');
    await step.locator('[name="done_on"]').fill('2024-03-04');
    await press(page, step.locator('[type="submit"]'));
    const followUp = page.locator('main form[action$="/follow-ups"]');
    await choose(followUp, 'at', '3-months');
    await followUp.locator('[name="recorded_on"]').fill('2024-06-10');
    await choose(followUp, 'residence', 'in-municipality');
    await press(page, followUp.locator('[type="submit"]'));
    const consent = page.locator('main form[action$="/consents"]');
    await choose(consent, 'purpose', 'follow-ups');
    await consent.locator('[name="given_on"]').fill('2024-03-04');
    await consent.locator('[name="text_version"]').fill('2024-1');
    await press(page, consent.locator('[type="submit"]'));
    const main = page.locator('main');
    assert.ok((await main.getByText('første kontakt').count()) >= 1);
    assert.ok((await main.getByText(/framleis i kommunen/).count()) >= 1);
    await noAxeViolations(page, 'the case page');
    const here = page.url();
    await goto(page, '/indicators');
    await noAxeViolations(page, '/indicators with the cohorts');
    await goto(page, new URL(here).pathname);
    await screenshot(page, 'newcomer-case');

    const casePath = new URL(page.url()).pathname;
    for (const lang of ['nb', 'en', 'nn']) {
      await goto(page, casePath);
      await switchLanguage(page, lang);
      for (const path of [casePath, '/newcomers', '/newcomers/new', '/newcomers/cohorts']) {
        await goto(page, path);
        await noAxeViolations(page, `${path} in ${lang}`);
      }
    }
  } finally {
    await context.close();
  }
});

test('a newcomer sees, downloads and erases their own data', async () => {
  const { context, page } = await newPage(browser, server.url);
  try {
    await login(page, server.users.newcomer);
    await goto(page, '/newcomers/me');
    assert.ok((await page.locator('main').getByText(NAME).count()) >= 1, 'the own case is shown');
    for (const lang of ['nb', 'en', 'nn']) {
      await switchLanguage(page, lang);
      await noAxeViolations(page, `/newcomers/me in ${lang}`);
    }

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('main a[href="/newcomers/me/export"]').click(),
    ]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const data = JSON.parse(await readFile(path, 'utf8'));
    assert.ok(JSON.stringify(data).includes(NAME), 'the export holds the name');
    assert.ok(JSON.stringify(data).includes('first-contact'), 'and the steps');

    await press(page, page.locator('main form[action="/newcomers/me/erase"] [type="submit"]'));
    assert.ok((await page.locator('main').getByText('Ingen sak i tilflyttartenesta').count()) === 1, 'nothing is left');
    await noAxeViolations(page, '/newcomers/me after erasure');
  } finally {
    await context.close();
  }
});

test('the welcome pages in nynorsk, bokmål, English, Polish and Ukrainian pass axe', async () => {
  const { context, page } = await newPage(browser, server.url);
  try {
    for (const lang of ['nb', 'en', 'nn']) {
      await goto(page, '/welcome');
      await switchLanguage(page, lang);
      for (const tag of ['nn', 'nb', 'en', 'pl', 'uk']) {
        await goto(page, `/welcome/${tag}`);
        assert.equal(await page.locator('article.welcome').getAttribute('lang'), tag);
        await noAxeViolations(page, `/welcome/${tag} in a ${lang} page`);
      }
    }
    await screenshot(page, 'welcome-uk');
    await goto(page, '/newcomers/cohorts');
    await noAxeViolations(page, '/newcomers/cohorts, anonymous');
  } finally {
    await context.close();
  }
});

test('a server killed with SIGKILL during a stream of writes keeps every acknowledged write', async () => {
  const own = await startServer();
  let restarted;
  try {
    const api = await request.newContext({ baseURL: own.url });
    const { email, password } = own.users.projectLeader;
    const session = await api.post('/api/v1/login', { data: { email, password } });
    assert.equal(session.status(), 200);
    const { token } = await session.json();
    const acknowledged = [];
    const tag = `SIGKILL-${Date.now()}`;
    // Four writers in parallel, until the server is killed under them.
    let killed = false;
    const writer = async (w) => {
      for (let i = 0; i < 400 && !killed; i++) {
        const text = `${tag} w${w} #${i}`;
        try {
          const res = await api.post('/api/v1/actions/mentorprogram/status-updates', {
            headers: { authorization: `Bearer ${token}` },
            data: { status: 'ongoing', light: 'green', text, reported_on: '2024-01-10' },
            timeout: 10_000,
          });
          if (res.status() === 201) acknowledged.push(text);
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    killed = true;
    await own.kill();
    await Promise.all(writers);
    await api.dispose();

    restarted = await startServer({ dataDir: own.dataDir });
    const check = await request.newContext({ baseURL: restarted.url });
    const res = await check.get('/api/v1/actions/mentorprogram/status-updates');
    assert.equal(res.status(), 200);
    const stored = new Set((await res.json()).map((u) => u.text));
    const lost = acknowledged.filter((t) => !stored.has(t));
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged writes were lost`);
    await check.dispose();
  } finally {
    if (restarted) await restarted.stop();
    else await own.stop().catch(() => {});
  }
});
