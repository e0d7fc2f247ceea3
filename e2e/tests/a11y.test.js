// axe (WCAG 2.0/2.1 A and AA) on every page Bulyst serves: as an anonymous
// visitor, as the project leader and as the admin, so that forms, error
// states and the audit log are checked too; in nynorsk, and the main pages in
// bokmål and English. Each page is its own subtest so one run lists them all;
// everything found is also written to test-results/axe-report.txt.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { request } from 'playwright-core';

import { startServer } from '../lib/server.js';
import { axeReport, e2eDir, goto, launch, login, newPage, screenshot, today } from '../lib/browser.js';
import { STATUS_FORM, choose, send } from '../lib/forms.js';

let server;
let browser;
const found = [];

before(async () => {
  server = await startServer();
  browser = await launch();
  // A status report, so that the history tables and the list of changes are
  // checked with something in them.
  const api = await request.newContext({ baseURL: server.url });
  try {
    const { email, password } = server.users.projectLeader;
    const session = await api.post('/api/v1/login', { data: { email, password } });
    assert.equal(session.status(), 200, `API log-in: ${await session.text()}`);
    const { token } = await session.json();
    for (const [id, status, light] of [['mentorprogram', 'ongoing', 'yellow'], ['leige-for-a-eige', 'delayed', 'red']]) {
      const res = await api.post(`/api/v1/actions/${id}/status-updates`, {
        headers: { authorization: `Bearer ${token}` },
        data: { status, light, text: `E2E: status for ${id}, for axe to see a history`, reported_on: today() },
      });
      assert.equal(res.status(), 201, `status update on ${id}: ${await res.text()}`);
    }
  } finally {
    await api.dispose();
  }
});

after(async () => {
  await browser?.close();
  const dir = join(e2eDir, 'test-results');
  await mkdir(dir, { recursive: true });
  const text = found.length
    ? found.map((f) => `${f.page} (${f.who}, ${f.lang}):\n${f.report}`).join('\n\n')
    : 'No axe violations.';
  await writeFile(join(dir, 'axe-report.txt'), `${text}\n`);
  await server?.stop();
});

const WORK_PACKAGES = [
  'effektiv-prosjektstruktur',
  'identifisere-ressursar-og-behov',
  'arbeid',
  'sprak-og-samfunn',
  'utdanning',
  'familie-og-fritid',
  'bustad',
  'kick-off',
];

const listIds = async (page, path, timeout) => {
  const res = await page.request.get(path, { timeout });
  assert.equal(res.status(), 200, `GET ${path}`);
  return (await res.json()).map((x) => x.id);
};

/** Ids of every action-plan item and measure, read from the API so that none is left out. */
async function planIds(page) {
  return { actions: await listIds(page, '/api/v1/actions'), measures: await listIds(page, '/api/v1/measures') };
}

// The first request for indicators on a new database computes them all from
// the shipped statistics, which takes seconds in a debug build; a slow first
// answer must not hide the axe results of the other pages.
const indicatorIds = (page) => listIds(page, '/api/v1/indicators', 180_000);

async function setLanguage(page, lang) {
  await goto(page, '/');
  if ((await page.locator('html').getAttribute('lang')) === lang) return;
  await Promise.all([page.waitForURL('**/'), page.locator(`button[name="lang"][value="${lang}"]`).click()]);
  await page.waitForLoadState('load');
  assert.equal(await page.locator('html').getAttribute('lang'), lang, `switched to ${lang}`);
}

/**
 * Runs axe on each page as one subtest. A page is a path, or
 * { name, path, status, prepare } where `prepare(page)` brings the page into
 * the state to check (a form sent back with errors, say).
 */
async function checkPages(t, page, who, lang, pages, shots = new Set()) {
  for (const p of pages) {
    const spec = typeof p === 'string' ? { name: p, path: p } : p;
    await t.test(`${spec.name} (${who}, ${lang})`, async () => {
      if (spec.prepare) await spec.prepare(page);
      else {
        const res = await goto(page, spec.path, { ok: !spec.status });
        if (spec.status) assert.equal(res.status(), spec.status, `GET ${spec.path}`);
      }
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      const report = await axeReport(page);
      if (shots.has(spec.name)) await screenshot(page, `${lang}-${who}-${spec.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'overview'}`);
      if (report) found.push({ page: spec.name, who, lang, report });
      assert.equal(report, '', `axe violations on ${spec.name} as ${who} in ${lang}:\n${report}`);
    });
  }
}

const statusFormWithErrors = {
  name: '/actions/mentorprogram with status-form errors',
  prepare: async (page) => {
    await goto(page, '/actions/mentorprogram');
    const form = page.locator(STATUS_FORM);
    await choose(form, 'status', 'ongoing');
    await choose(form, 'light', 'green');
    await form.locator('[name="text"]').fill('E2E: feil dato');
    await form.locator('[name="reported_on"]').evaluate((e) => {
      e.type = 'text';
      e.value = '2021-02-30';
    });
    const res = await send(page);
    assert.equal(res.status(), 422);
  },
};

const loginWithErrors = {
  name: '/login with a wrong password',
  prepare: async (page) => {
    await goto(page, '/login');
    const form = page.locator('main form').filter({ has: page.locator('input[name="password"]') });
    await form.locator('input[name="email"]').fill('ingen@example.no');
    await form.locator('input[name="password"]').fill('feil-passord-1234');
    await Promise.all([page.waitForLoadState('load'), form.locator('[type="submit"]').click()]);
    await page.waitForSelector('[aria-invalid="true"]');
  },
};

test('axe: every page as an anonymous visitor, in nynorsk', async (t) => {
  const { context, page } = await newPage(browser, server.url);
  try {
    const { actions, measures } = await planIds(page);
    assert.ok(actions.includes('mentorprogram') && measures.includes('mentorprogram'), 'the plan is loaded');
    const pages = [
      '/',
      ...WORK_PACKAGES.map((id) => `/work-packages/${id}`),
      '/action-plan',
      '/action-plan?work_package=arbeid&status=planned&from=2020-09-01&to=2021-05-31',
      '/action-plan/timeline',
      '/action-plan/timeline?work_package=utdanning',
      ...actions.map((id) => `/actions/${id}`),
      ...measures.map((id) => `/measures/${id}`),
      '/organisation',
      '/roles',
      '/municipalities',
      '/changes',
      '/changes?since=2020-01-01',
      '/login',
      loginWithErrors,
      { name: '/finst-ikkje (not found)', path: '/finst-ikkje', status: 404 },
      { name: '/actions/finst-ikkje (not found)', path: '/actions/finst-ikkje', status: 404 },
      { name: '/action-plan?from=2021-02-30 (bad filter)', path: '/action-plan?from=2021-02-30', status: 422 },
    ];
    const shots = new Set(['/', '/action-plan', '/action-plan/timeline', '/work-packages/arbeid', '/organisation', '/municipalities', '/login']);
    await checkPages(t, page, 'anonymous', 'nn', pages, shots);
  } finally {
    await context.close();
  }
});

test('axe: the indicator pages as an anonymous visitor, in nynorsk', async (t) => {
  const { context, page } = await newPage(browser, server.url);
  try {
    const indicators = await indicatorIds(page);
    assert.ok(indicators.length > 0, 'there are indicators');
    const pages = ['/indicators', ...indicators.map((id) => `/indicators/${id}`)];
    await checkPages(t, page, 'anonymous', 'nn', pages, new Set(['/indicators', `/indicators/${indicators[0]}`]));
  } finally {
    await context.close();
  }
});

test('axe: pages with forms, as the project leader, in nynorsk', async (t) => {
  const { context, page } = await newPage(browser, server.url);
  try {
    await login(page, server.users.projectLeader);
    const pages = [
      '/',
      '/work-packages/arbeid',
      '/action-plan',
      '/action-plan/timeline',
      '/actions/mentorprogram',
      statusFormWithErrors,
      '/actions/new',
      '/measures/mentorprogram',
      '/organisation',
      '/municipalities',
      '/changes',
      '/indicators',
      ...(await indicatorIds(page)).map((id) => `/indicators/${id}`),
      { name: '/audit (forbidden)', path: '/audit', status: 403 },
    ];
    await checkPages(t, page, 'project-leader', 'nn', pages, new Set(['/actions/mentorprogram', '/actions/new']));
  } finally {
    await context.close();
  }
});

test('axe: the admin pages, in nynorsk', async (t) => {
  const { context, page } = await newPage(browser, server.url);
  try {
    await login(page, server.users.admin);
    // An edit with a before and an after, for the audit log to show.
    const municipalities = await (await page.request.get('/api/v1/municipalities')).json();
    const ardal = municipalities.find((m) => m.code === '4643');
    const res = await page.request.put('/api/v1/municipalities/4643/contact', {
      data: { name: 'Kari Nordmann', email: 'kari@example.no', version: ardal.contact.version },
    });
    assert.equal(res.status(), 200, `PUT contact: ${await res.text()}`);
    const pages = ['/audit', '/actions/mentorprogram', '/actions/new', '/measures/mentorprogram', '/municipalities', '/changes'];
    await checkPages(t, page, 'admin', 'nn', pages, new Set(['/audit']));
  } finally {
    await context.close();
  }
});

for (const lang of ['nb', 'en']) {
  test(`axe: the main pages in ${lang}`, async (t) => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await setLanguage(page, lang);
      await checkPages(t, page, 'anonymous', lang, [
        '/',
        '/work-packages/arbeid',
        '/action-plan',
        '/action-plan/timeline',
        '/actions/mentorprogram',
        '/measures/mentorprogram',
        '/organisation',
        '/municipalities',
        '/changes',
        '/indicators',
        '/login',
        loginWithErrors,
      ]);
      await login(page, server.users.projectLeader);
      await checkPages(t, page, 'project-leader', lang, ['/actions/mentorprogram', statusFormWithErrors, '/actions/new']);
    } finally {
      await context.close();
    }
  });
}
