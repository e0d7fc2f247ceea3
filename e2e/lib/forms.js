// Helpers for the status form that do not depend on how it is styled: fields
// are found by name, errors by what the field points to with aria-describedby.

export const STATUS_FORM = 'form[action$="/status"]';

/** Picks `value` in a select or a radio group called `name`. */
export async function choose(form, name, value) {
  const first = form.locator(`[name="${name}"]`).first();
  const kind = await first.evaluate((e) => (e.tagName === 'SELECT' ? 'select' : e.type));
  if (kind === 'select') await first.selectOption(value);
  else if (kind === 'radio') await form.locator(`[name="${name}"][value="${value}"]`).check();
  else await first.fill(value);
}

/** Fills the status form and sends it, waiting for the answer. */
export async function submitStatus(page, { status, light, text, reportedOn }) {
  const form = page.locator(STATUS_FORM);
  await choose(form, 'status', status);
  await choose(form, 'light', light);
  await form.locator('[name="text"]').fill(text);
  await form.locator('[name="reported_on"]').fill(reportedOn);
  return send(page);
}

/** Clicks the status form's submit button and returns the answer to the POST. */
export async function send(page) {
  const form = page.locator(STATUS_FORM);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/status')),
    form.locator('[type="submit"]').click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

/**
 * What the field called `name` in the status form points to with
 * aria-describedby (on the field, or on its fieldset for radios), with
 * whether it shares a field group with the field rather than only the form.
 */
export function describedBy(page, name) {
  return page.evaluate(
    ({ selector, name }) => {
      const form = document.querySelector(selector);
      const field = form?.querySelector(`[name="${name}"]`);
      if (!field) return { found: false, invalid: false, texts: [] };
      const holders = [field, field.closest('fieldset')].filter(Boolean);
      const ids = holders.flatMap((h) => (h.getAttribute('aria-describedby') || '').split(/\s+/)).filter(Boolean);
      const texts = ids
        .map((id) => document.getElementById(id))
        .filter(Boolean)
        .map((el) => {
          let common = el;
          while (common && !common.contains(field)) common = common.parentElement;
          return { text: el.textContent.trim(), nextToField: !!common && common !== form && form.contains(common) };
        });
      const invalid = holders.some((h) => h.getAttribute('aria-invalid') === 'true') ||
        [...form.querySelectorAll(`[name="${name}"]`)].some((e) => e.getAttribute('aria-invalid') === 'true');
      return { found: true, invalid, texts };
    },
    { selector: STATUS_FORM, name },
  );
}

/** The error shown for `name` now that was not described before (`before` from describedBy). */
export async function newError(page, name, before) {
  const now = await describedBy(page, name);
  const old = new Set(before.texts.map((t) => t.text));
  const added = now.texts.filter((t) => t.text && !old.has(t.text));
  return { ...now, added };
}
