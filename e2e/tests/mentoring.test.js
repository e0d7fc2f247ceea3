// The mentor coordinator's flow in a real browser: register mentors and mentees
// through the form (with a mistake the server sends back), run the matching, lock
// the proposed pair, run again and find it kept, accept it for both sides, and
// check every mentor-programme page with axe in nynorsk, bokmål and English.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

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

const PROFILE_FORM = 'main form[action^="/mentoring/profiles"]:not([action$="/delete"])';

async function noAxeViolations(page, what) {
  const report = await axeReport(page);
  assert.equal(report, '', `axe violations on ${what}:\n${report}`);
}

/** Fills the profile form on /mentoring/profiles/new and sends it; returns the answer. */
async function register(page, person) {
  await goto(page, '/mentoring/profiles/new');
  const form = page.locator(PROFILE_FORM);
  await choose(form, 'side', person.side);
  await form.locator('[name="name"]').fill(person.name);
  await choose(form, 'municipality', person.municipality);
  await form.locator('[name="languages"]').fill(person.languages);
  await form.locator('[name="occupation"]').fill(person.occupation ?? '');
  await form.locator('[name="interests"]').fill(person.interests ?? '');
  if (person.capacity !== undefined) await form.locator('[name="capacity"]').fill(String(person.capacity));
  await form.locator('[name="consent_given_on"]').fill('2024-01-10');
  await form.locator('[name="consent_text_version"]').fill('2024-1');
  await form.evaluate((f) => f.setAttribute('novalidate', ''));
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/mentoring/profiles'),
    form.locator('[type="submit"]').click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

/** Clicks a button and waits for the page it leads to. */
async function press(page, button) {
  await Promise.all([page.waitForLoadState('load'), page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
  await page.waitForLoadState('load');
}

test('the coordinator registers people, matches, locks, re-runs and accepts a pair', async () => {
  const { context, page } = await newPage(browser, server.url);
  try {
    await login(page, server.users.coordinator);
    await goto(page, '/mentoring');
    await noAxeViolations(page, '/mentoring with nobody registered');
    await goto(page, '/mentoring/rules');
    await noAxeViolations(page, '/mentoring/rules');
    // A neighbour that is not a municipality of Sogn is refused beside the field.
    await page.locator('main form [name="neighbours"]').fill('4643-0301');
    await press(page, page.locator('main form[action="/mentoring/rules"] [type="submit"]'));
    assert.equal(await page.locator('[name="neighbours"]').getAttribute('aria-invalid'), 'true');
    await noAxeViolations(page, '/mentoring/rules with an error');

    // A mentor with capacity 0 is refused, with the error beside the field.
    const refused = await register(page, {
      side: 'mentor', name: 'Kari Elektro', municipality: '4643', languages: 'norsk native, engelsk C1', capacity: 0,
    });
    assert.equal(refused.status(), 422, 'capacity 0 is refused');
    const capacity = page.locator('[name="capacity"]');
    assert.equal(await capacity.getAttribute('aria-invalid'), 'true');
    const described = (await capacity.getAttribute('aria-describedby')) ?? '';
    assert.match(described, /profile-capacity-error/, 'the error is tied to the field');
    assert.equal(await page.locator('[name="name"]').inputValue(), 'Kari Elektro', 'what was typed is kept');
    await noAxeViolations(page, 'the profile form with errors');
    await screenshot(page, 'mentoring-profile-errors');

    for (const person of [
      { side: 'mentor', name: 'Kari Elektro', municipality: '4643', languages: 'norsk native, engelsk C1', occupation: 'elektrikar', interests: 'fotball', capacity: 1 },
      { side: 'mentor', name: 'Per Fjell', municipality: '4640', languages: 'norsk native', occupation: 'sjukepleiar', capacity: 1 },
      { side: 'mentee', name: 'Olena Mentee', municipality: '4643', languages: 'engelsk B2, norsk A2', occupation: 'elektrikar', interests: 'fotball' },
      { side: 'mentee', name: 'Ahmad Utan', municipality: '4638', languages: 'engelsk B2' },
    ]) {
      const res = await register(page, person);
      assert.equal(res.status(), 303, `${person.name} is registered`);
      assert.equal(new URL(page.url()).pathname, '/mentoring');
    }
    const main = page.locator('main');
    assert.ok((await main.getByText('ingen mentor i same eller nabokommune').count()) >= 1, 'the left-over mentee is explained');

    // Run the matching by keyboard: focus the button and press Enter.
    const run = page.locator('form[action="/mentoring/matching"] button[type="submit"]');
    await run.focus();
    await Promise.all([page.waitForURL('**/mentoring#mentoring-pairs-heading'), page.keyboard.press('Enter')]);
    const pairRows = page.locator('#mentoring-pairs-caption').locator('xpath=ancestor::table').locator('tbody tr');
    assert.equal(await pairRows.count(), 1, 'one pair proposed');
    assert.match(await pairRows.first().innerText(), /Kari Elektro[\s\S]*Olena Mentee[\s\S]*same kommune/);
    await noAxeViolations(page, '/mentoring with a proposal');
    await screenshot(page, 'mentoring-proposal');

    await press(page, pairRows.first().locator('button[name="kind"][value="lock"]'));
    await press(page, page.locator('form[action="/mentoring/matching"] button[type="submit"]'));
    assert.match(await pairRows.first().innerText(), /låst/, 'the locked pair is kept by the re-run');

    await Promise.all([page.waitForLoadState('load'), pairRows.first().locator('a[href^="/mentoring/pairs/"]').click()]);
    assert.match(new URL(page.url()).pathname, /^\/mentoring\/pairs\/\d+$/, 'only an id in the URL');
    await noAxeViolations(page, 'the pair page, proposed');
    await press(page, page.getByRole('button', { name: 'Godta som mentor' }));
    await press(page, page.getByRole('button', { name: 'Godta som mentee' }));
    assert.ok((await page.locator('main').getByText('godteke').count()) >= 1, 'the pair is accepted by both');
    await press(page, page.getByRole('button', { name: 'Start paret' }));
    assert.ok((await page.locator('main').getByText('aktivt').count()) >= 1, 'the pair is active');
    await noAxeViolations(page, 'the pair page, active, with its forms');
    const pairUrl = new URL(page.url()).pathname;
    await goto(page, '/indicators');
    assert.ok((await page.locator('main').getByText('Par som har starta').count()) >= 1, 'the programme figures are on /indicators');
    await noAxeViolations(page, '/indicators with the programme figures');
    await goto(page, pairUrl);
    await screenshot(page, 'mentoring-pair-active');

    const profileHref = await page.locator('main a[href^="/mentoring/profiles/"]').first().getAttribute('href');
    for (const [lang, path] of [['nb', '/mentoring'], ['en', '/mentoring'], ['en', profileHref], ['nn', profileHref]]) {
      await goto(page, path);
      if ((await page.locator('html').getAttribute('lang')) !== lang) {
        await Promise.all([page.waitForLoadState('load'), page.locator(`button[name="lang"][value="${lang}"]`).click()]);
        await page.waitForLoadState('load');
      }
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      await noAxeViolations(page, `${path} in ${lang}`);
    }
  } finally {
    await context.close();
  }
});

test('people who do not run the programme see no one, and their own page passes axe', async () => {
  const { context, page } = await newPage(browser, server.url);
  try {
    await login(page, server.users.reader);
    const res = await goto(page, '/mentoring', { ok: false });
    assert.equal(res.status(), 403);
    await noAxeViolations(page, '/mentoring refused');
    await goto(page, '/mentoring/me');
    assert.ok((await page.locator('main').getByText('Ingen mentorprofil er knytt til kontoen din.').count()) === 1);
    await noAxeViolations(page, '/mentoring/me');
  } finally {
    await context.close();
  }
});

test('the coordinator keeps a workplace-mentor cohort: mentors, a session, attendance, evaluation', async () => {
  const { context, page } = await newPage(browser, server.url);
  try {
    await login(page, server.users.coordinator);
    await goto(page, '/mentoring/cohorts');
    await noAxeViolations(page, '/mentoring/cohorts, empty');
    const form = page.locator('main form[action="/mentoring/cohorts"]');
    await form.locator('[name="employer"]').fill('NTP Avery Dennison');
    await form.locator('[name="name"]').fill('Arbeidsplassmentorar 2020');
    await form.locator('[name="starts_on"]').fill('2020-10-01');
    await press(page, form.locator('[type="submit"]'));
    assert.match(new URL(page.url()).pathname, /^\/mentoring\/cohorts\/\d+$/);

    const mentorForm = page.locator('main form[action$="/mentors"]');
    await mentorForm.locator('[name="name"]').fill('Siri Tilsett');
    await press(page, mentorForm.locator('[type="submit"]'));
    const sessionForm = page.locator('main form[action$="/sessions"]');
    await sessionForm.locator('[name="held_on"]').fill('2020-10-15');
    await sessionForm.locator('[name="theme"]').fill('Å ta imot ein ny kollega');
    await press(page, sessionForm.locator('[type="submit"]'));

    // Attendance by keyboard: the checkbox is ticked with the space bar.
    const tick = page.getByLabel('Siri Tilsett');
    await tick.focus();
    await page.keyboard.press('Space');
    await press(page, page.locator('main form[action$="/attendance"] [type="submit"]'));
    assert.equal(await page.getByLabel('Siri Tilsett').isChecked(), true, 'the attendance is saved');

    // A score of nothing and no text is refused beside the field.
    const evaluation = page.locator('main form[action$="/evaluations"]');
    await press(page, evaluation.locator('[type="submit"]'));
    assert.equal(await page.locator('main form[action$="/evaluations"] [name="text"]').getAttribute('aria-invalid'), 'true');
    await noAxeViolations(page, 'the cohort page with an evaluation error');
    await page.locator('main form[action$="/evaluations"] [name="score"]').selectOption('4');
    await page.locator('main form[action$="/evaluations"] [name="text"]').fill('Nyttig samling');
    await press(page, page.locator('main form[action$="/evaluations"] [type="submit"]'));
    assert.ok((await page.locator('main').getByText('Nyttig samling').count()) >= 1);
    await noAxeViolations(page, 'the cohort page');
    await screenshot(page, 'mentoring-cohort');
  } finally {
    await context.close();
  }
});
