// Debian's Chromium driven by playwright-core; Playwright's own browser
// downloads are not reachable from the machines this runs on.

import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const e2eDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const screenshotDir = join(e2eDir, 'screenshots');

export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps calling Google's
// hosts, which a closed network refuses; --no-sandbox because CI runs as root.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export async function newPage(browser, baseURL) {
  const context = await browser.newContext({ baseURL, locale: 'nn-NO' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

/** Logs in through the /login form, as a person would. */
export async function login(page, user) {
  await page.goto('/login');
  const form = page.locator('main form').filter({ has: page.locator('input[name="password"]') });
  await form.locator('input[name="email"]').fill(user.email);
  await form.locator('input[name="password"]').fill(user.password);
  await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), form.locator('[type="submit"]').click()]);
  // A signed-in page has the log-out form; its absence means the log-in failed.
  if ((await page.locator('form[action="/logout"]').count()) === 0) {
    throw new Error(`log-in as ${user.email} did not give a signed-in page (at ${page.url()})`);
  }
}

export async function goto(page, path, { ok = true } = {}) {
  const res = await page.goto(path);
  if (ok && (!res || res.status() >= 400)) {
    throw new Error(`GET ${path} answered ${res?.status()}:\n${(await page.locator('body').innerText()).slice(0, 2000)}`);
  }
  return res;
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The violations axe finds on the page as it stands, as a readable text ('' if none). */
export async function axeReport(page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `  ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

export async function screenshot(page, name) {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Today in UTC as YYYY-MM-DD, which is what the server counts in. */
export function today() {
  return new Date().toISOString().slice(0, 10);
}
