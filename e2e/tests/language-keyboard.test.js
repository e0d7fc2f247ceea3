// The language switch (remembered across pages) and the skip link.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.js';
import { goto, launch, newPage } from '../lib/browser.js';

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

const htmlLang = (page) => page.locator('html').getAttribute('lang');
const navText = (page) => page.locator('nav').first().innerText();

async function switchTo(page, lang) {
  const here = new URL(page.url()).pathname + new URL(page.url()).search;
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/language'),
    page.locator(`button[name="lang"][value="${lang}"]`).click(),
  ]);
  await page.waitForLoadState('load');
  assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, here, 'the switch comes back to the same page');
}

test('switching to bokmål and English changes <html lang> and is remembered; back to nynorsk', async () => {
  const { context, page } = await newPage(browser, server.url);
  try {
    await goto(page, '/');
    assert.equal(await htmlLang(page), 'nn', 'nynorsk by default');
    const nynorskNav = await navText(page);

    await switchTo(page, 'nb');
    assert.equal(await htmlLang(page), 'nb');
    await goto(page, '/action-plan');
    assert.equal(await htmlLang(page), 'nb', 'bokmål is remembered on the next page');

    await switchTo(page, 'en');
    assert.equal(await htmlLang(page), 'en');
    await goto(page, '/organisation');
    assert.equal(await htmlLang(page), 'en', 'English is remembered on the next page');
    await page.reload();
    assert.equal(await htmlLang(page), 'en', 'and after a reload');
    await goto(page, '/');
    assert.notEqual(await navText(page), nynorskNav, 'the navigation is in English, not nynorsk');

    await switchTo(page, 'nn');
    assert.equal(await htmlLang(page), 'nn');
    await goto(page, '/municipalities');
    assert.equal(await htmlLang(page), 'nn', 'nynorsk is remembered again');
    await goto(page, '/');
    assert.equal(await navText(page), nynorskNav);
  } finally {
    await context.close();
  }
});

test('nynorsk is the default whatever language the browser asks for', async () => {
  for (const locale of ['en-GB', 'nb-NO', 'de-DE']) {
    const context = await browser.newContext({ baseURL: server.url, locale });
    try {
      const page = await context.newPage();
      await goto(page, '/');
      assert.equal(await htmlLang(page), 'nn', `Accept-Language ${locale}`);
    } finally {
      await context.close();
    }
  }
});

for (const path of ['/', '/action-plan', '/actions/mentorprogram']) {
  test(`keyboard on ${path}: the first Tab reaches the skip link, which moves focus to main`, async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await goto(page, path);
      await page.keyboard.press('Tab');
      const link = await page.evaluate(() => {
        const a = document.activeElement;
        const r = a.getBoundingClientRect();
        return {
          tag: a.tagName,
          href: a.getAttribute('href'),
          text: a.textContent.trim(),
          visible: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 && getComputedStyle(a).visibility !== 'hidden',
        };
      });
      assert.equal(link.tag, 'A', `the first Tab stop is a link, got ${link.tag} "${link.text}"`);
      assert.match(link.href ?? '', /^#./, 'it links to a place on the page');
      assert.ok(link.text.length > 0, 'it has a text');
      assert.ok(link.visible, 'it is visible when it has focus');
      const targetId = link.href.slice(1);
      assert.equal(await page.evaluate((id) => document.getElementById(id)?.tagName, targetId), 'MAIN', 'it points at main');

      await page.keyboard.press('Enter');
      const focused = await page.evaluate(() => {
        const a = document.activeElement;
        return { tag: a.tagName, inMain: !!a.closest('main') };
      });
      assert.ok(focused.inMain, `focus moved to main, it is on ${focused.tag}`);

      // The next Tab continues inside main, not back in the header.
      await page.keyboard.press('Tab');
      const next = await page.evaluate(() => ({ inMain: !!document.activeElement.closest('main'), tag: document.activeElement.tagName }));
      assert.ok(next.inMain, `the Tab after the skip link stays in main, it went to ${next.tag}`);
    } finally {
      await context.close();
    }
  });
}
