// End-to-end: readers whose browser runs no JavaScript, or cannot load the WebAssembly, still
// get the map and every place's passages from the pre-rendered HTML; readers who can see the
// live page take over from it without a layout shift.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { byRole, panelText, theOne, untilLive, waitFor } from './reader.mjs';
import { BROWSERS, useSession } from './session.mjs';
const PLACES = [
  ['yalu', 'Yalu River', '鸭绿江 압록강', 4],
  ['hyesan', 'Hyesan', '혜산', 9],
  ['manpo', 'Manpo', '만포', 3],
  ['jian', "Ji'an", '集安', 2],
  ['dandong', 'Dandong', '丹东', 2],
  ['pyongyang', 'Pyongyang', '평양', 4],
];

/** The page's cumulative layout shift so far, as Chromium measures it. */
function layoutShift(browser) {
  return browser.cmd('POST', '/execute/async', {
    script: `const done = arguments[0];
      new PerformanceObserver((list) => done(list.getEntries().reduce((s, e) => s + e.value, 0)))
        .observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => done(0), 500);`,
    args: [],
  });
}

/** Checks the pre-rendered page: the map, its place controls, and every place's passages. */
async function readsWithoutTheApp(browser, url) {
  await browser.goto(url);
  await theOne(browser, 'region', 'Map of the Yalu River');
  for (const [, name] of PLACES) await theOne(browser, 'button', name);
  const overview = await panelText(browser);
  assert.match(overview, /Choose the river or a town/);
  // The overview invites reading: each story with a link to its first paragraph.
  assert.match(overview, /Hyesan: a frontier city on the Yalu/);
  await theOne(browser, 'link', 'Read Hyesan: a frontier city on the Yalu');
  for (const [id, name, native, count] of PLACES) {
    await browser.goto(`${url}#/place/${id}`);
    const text = await panelText(browser);
    assert.ok(text.includes(`${name} ${native}`) && text.includes(`${count} passages`), `${id}: ${text.slice(0, 200)}`);
    assert.doesNotMatch(text, /Choose the river or a town/);
  }
  // A passage's "Read in context" opens the reader at that paragraph.
  await browser.goto(`${url}#/read/jian-border/7`);
  const reader = await panelText(browser);
  assert.ok(reader.includes('Close the reader') && reader.includes('Reader comments'), reader.slice(0, 200));
  assert.doesNotMatch(reader, /Choose the river or a town/);
  // On a phone the reader stays a bottom sheet within the screen: no line runs off its edge.
  await browser.setWindowSize(390, 844);
  try {
    const panel = await theOne(browser, 'complementary', 'Place details');
    const [left, right, width] = await browser.script(
      'const r = arguments[0].getBoundingClientRect(); return [r.left, r.right, innerWidth];', browser.ref(panel));
    assert.ok(left >= 0 && right <= width + 0.5, `the reader spans ${left}–${right} px of a ${width} px screen`);
  } finally {
    await browser.setWindowSize(1280, 800);
  }
  // Following a marker opens its passages too.
  await browser.goto(url);
  await browser.clickCentre(await theOne(browser, 'button', 'Manpo'));
  await browser.until(async () => (await panelText(browser)).includes('3 passages'), 'Manpo by its marker');
  // Only the live page marks the chosen marker: this really is the page without the app.
  assert.equal(await browser.attribute(await theOne(browser, 'button', 'Manpo'), 'aria-pressed'), 'false');
}

for (const name of BROWSERS) {
  describe(`without JavaScript, in ${name}`, () => {
    const session = useSession(name, { javascript: false });
    test("the map and every place's passages are in the page", () => readsWithoutTheApp(session.browser, session.site.url));
  });

  describe(`when the WebAssembly cannot load, in ${name}`, () => {
    const session = useSession(name, { refuse: '.wasm' });
    test('the pre-rendered page still reads', () => readsWithoutTheApp(session.browser, session.site.url));
  });

  describe(`a click before the page is live, in ${name}`, () => {
    // The wasm arrives only when the test lets it: until then the page is the pre-rendered one.
    const session = useSession(name, { hold: '.wasm' });

    test('acts as the link it is, and the live page then shows that route', async () => {
      const { browser, site } = session;
      await browser.goto(site.url);
      await theOne(browser, 'button', 'Manpo');
      assert.deepEqual(await byRole(browser, 'button', 'Zoom in'), [], 'the page is live before its wasm arrived');
      await browser.clickCentre(await theOne(browser, 'button', 'Manpo'));
      await browser.until(async () => (await panelText(browser)).includes('3 passages'), "Manpo's passages by the link");
      assert.equal(await browser.script('return location.hash'), '#/place/manpo');
      site.release();
      await untilLive(browser);
      await browser.until(async () => (await browser.attribute(await theOne(browser, 'button', 'Manpo'), 'aria-pressed')) === 'true', 'the live page shows the route the click chose');
      const text = await panelText(browser);
      assert.ok(text.includes('Manpo 만포') && text.includes('3 passages'), text.slice(0, 200));
      assert.doesNotMatch(text, /Choose the river or a town/);
      assert.deepEqual(browser.errors(), []);
    });
  });

  describe(`going live on a phone, in ${name}`, () => {
    const session = useSession(name, { hold: '.wasm' });

    test('the bottom sheet and its overview stay where they were', async () => {
      const { browser, site } = session;
      await browser.setWindowSize(390, 844);
      try {
        await browser.goto(site.url);
        const heading = await theOne(browser, 'heading', 'The Yalu border');
        const at = () => browser.script('const r = arguments[0].getBoundingClientRect(); return [Math.round(r.left), Math.round(r.top)];', browser.ref(heading));
        const before = await at();
        site.release();
        await waitFor(browser, 'button', 'Show more of the panel');
        assert.deepEqual(await at(), before, 'the overview moved when the page went live');
        if (name === 'chromium') {
          const shift = await layoutShift(browser);
          assert.equal(shift, 0, `layout shift ${shift}`);
        }
        assert.deepEqual(browser.errors(), []);
      } finally {
        await browser.setWindowSize(1280, 800);
      }
    });
  });

  describe(`taking over, in ${name}`, () => {
    const session = useSession(name);

    test('the live page takes over the pre-rendered one in place, with no duplicate and no layout shift', async () => {
      const { browser, site } = session;
      await browser.goto(site.url);
      // The zoom buttons work only in the live page, which shows them.
      await untilLive(browser);
      // The page fits the window: only the panel scrolls, so no page scroll bar comes or goes.
      const pageScrolls = () => browser.script('const s = document.scrollingElement; return s.scrollHeight > s.clientHeight || s.scrollWidth > s.clientWidth');
      assert.equal(await pageScrolls(), false, 'the overview stretches the page');
      await browser.clickCentre(await theOne(browser, 'button', 'Manpo'));
      await browser.until(async () => (await browser.attribute(await theOne(browser, 'button', 'Manpo'), 'aria-pressed')) === 'true', 'Manpo marked as chosen');
      assert.equal((await browser.findAll('h1')).length, 1);
      // Exactly one place's passages are on screen.
      const headings = [];
      for (const h of await byRole(browser, 'heading')) if (await browser.displayed(h)) headings.push(await browser.text(h));
      assert.deepEqual(headings.filter((t) => t !== 'Yalu Border Atlas'), ['Manpo 만포']);
      assert.equal(await pageScrolls(), false, 'a place stretches the page');
      if (name === 'chromium') {
        const shift = await layoutShift(browser);
        assert.ok(shift < 0.01, `layout shift ${shift}`);
      }
      assert.deepEqual(browser.errors(), []);
    });

    test("every text on screen is in the platform's own sans-serif, no family named", async () => {
      // A named family the system lacks costs WebKit a font lookup before its first layout.
      const { browser, site } = session;
      await browser.goto(site.url);
      await untilLive(browser);
      const families = await browser.script(`return [...new Set([...document.querySelectorAll('body *')]
        .filter((e) => e.textContent.trim() && e.getClientRects().length)
        .map((e) => getComputedStyle(e).fontFamily))]`);
      assert.deepEqual(families, ['sans-serif']);
    });
  });
}
