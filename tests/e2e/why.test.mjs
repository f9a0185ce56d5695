// End-to-end: each passage of a place's panel says, on demand, why it is listed under the place,
// with and without JavaScript; the reader's place buttons carry the same reason as their
// description.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, useSession } from './session.mjs';
import { axeViolations } from './axe.mjs';

const ENTER = '\uE007';

/** The "Why this passage" disclosures of place `id`'s panel, and its passages' links. */
async function disclosures(browser, id) {
  const section = `[id="/place/${id}"]`;
  return {
    summaries: await browser.findAll(`${section} details summary`),
    reasons: await browser.findAll(`${section} details p`),
    passages: await browser.findAll(`${section} a[href^="#/read/"]`),
  };
}

/** Whether the reader sees `el` (WebKitWebDriver calls the inside of a closed details shown). */
function shown(browser, el) {
  return browser.script('return arguments[0].checkVisibility()', browser.ref(el));
}

/** Opens the first reason of Ryanggang's panel from the keyboard and returns its text. */
async function openFirstReason(browser) {
  await browser.until(async () => {
    const [first] = (await disclosures(browser, 'ryanggang')).summaries;
    return first && shown(browser, first);
  }, 'Ryanggang\'s panel');
  const { summaries, reasons, passages } = await disclosures(browser, 'ryanggang');
  assert.ok(passages.length >= 2, `${passages.length} passages`);
  assert.equal(summaries.length, passages.length, 'one "Why this passage" a passage');
  assert.equal(await browser.label(summaries[0]), 'Why this passage');
  // Closed by default: the reason does not crowd the passage.
  assert.equal(await shown(browser, reasons[0]), false, 'the reason is closed at first');
  await browser.script('arguments[0].focus()', browser.ref(summaries[0]));
  await browser.keys(ENTER);
  await browser.until(() => shown(browser, reasons[0]), 'the reason to open');
  return browser.text(reasons[0]);
}

for (const name of BROWSERS) {
  describe(`why this passage, in ${name}`, () => {
    const session = useSession(name);
    let browser;
    before(() => ({ browser } = session));

    test('a passage says why it is listed: opened by keyboard, named, and clean for axe', async () => {
      await session.open('#/place/ryanggang');
      const reason = await openFirstReason(browser);
      // Which words were read as the place, and why, in plain words.
      assert.match(reason, /^“Ry[ao]nggang[^”]*”: .*Ryanggang/);
      assert.deepEqual(await axeViolations(browser), []);
      assert.deepEqual(browser.errors(), []);
    });

    test('the reader’s place buttons carry the reason as their description', async () => {
      await session.open('#/read/hyesan-frontier/1');
      const [button] = await browser.findAll('.reader a[role="button"][href="#/place/hyesan"]');
      assert.equal(await browser.label(button), 'Hyesan');
      assert.equal(await browser.attribute(button, 'title'), '“Hyesan”: the place\'s name.');
    });
  });

  describe(`why this passage without JavaScript, in ${name}`, () => {
    const session = useSession(name, { javascript: false });

    test('the reasons are in the page and open', async () => {
      const { browser, site } = session;
      await browser.goto(`${site.url}#/place/ryanggang`);
      const reason = await openFirstReason(browser);
      assert.match(reason, /Ryanggang/);
    });
  });
}
