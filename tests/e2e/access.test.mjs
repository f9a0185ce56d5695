// End-to-end: the page for keyboard and screen reader users.
import { before, describe, test } from 'node:test';
import { BROWSERS, useSession } from './session.mjs';
import assert from 'node:assert/strict';
import { byRole, focused, focusedName, inside, panelText, theOne } from './reader.mjs';
import { tabTo } from './map.mjs';
import { axeViolations } from './axe.mjs';

const ENTER = '\uE007';
const ESCAPE = '\uE00C';
const TAB = '\uE004';

/** Contrast of labels, river, dots and borders against what they are drawn on: {what: [ratio, minimum]}. */
function contrasts(browser) {
  return browser.script(`
        const rgb = (s) => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const lum = (c) => { const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const ratio = (a, b) => { const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
        const css = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
        const china = css('.land.china', 'fill'), korea = css('.land.north-korea', 'fill'), sea = css('.map', 'backgroundColor');
        return {
          'town label on North Korea': [ratio(css('.marker .label', 'fill'), korea), 4.5],
          'town label on China': [ratio(css('.marker .label', 'fill'), china), 4.5],
          'country label on China': [ratio(css('.map-label:not(.sea)', 'fill'), china), 4.5],
          'sea label on the sea': [ratio(css('.map-label.sea', 'fill'), sea), 4.5],
          'river on China': [ratio(css('.river-line', 'stroke'), china), 3],
          'river on North Korea': [ratio(css('.river-line', 'stroke'), korea), 3],
          'town dot on North Korea': [ratio(css('.marker.primary:not(.selected) .marker-dot', 'fill'), korea), 3],
          'border on China': [ratio(css('.border:not(.other-border)', 'stroke'), china), 3],
          'panel text': [ratio(css('.panel', 'color'), css('.panel', 'backgroundColor')), 4.5],
        };`);
}

for (const name of BROWSERS) {
  describe(`access, in ${name}`, () => {
    const session = useSession(name);
    const { open } = session;
    let browser;
    let site;
    before(() => ({ browser, site } = session));

    /** The text of the polite live region. */
    async function announced() {
      const [status] = await byRole(browser, 'status');
      return browser.text(status);
    }

    test('keyboard journey: Tab to a marker, Enter, read, Escape, Tab on', async () => {
      await open();
      await tabTo(browser, 'Manpo');
      await browser.keys(ENTER);
      // Focus moves into the panel, onto the place's heading.
      await browser.until(async () => (await browser.text(await focused(browser))).startsWith('Manpo'), 'focus on the panel heading');
      assert.equal(await browser.role(await focused(browser)), 'heading');
      // Reading on with Tab reaches the first passage's link.
      await browser.keys(TAB);
      assert.equal(await focusedName(browser), 'Read in context');
      // Escape closes the panel and puts focus back on the marker.
      await browser.keys(ESCAPE);
      await browser.until(async () => (await focusedName(browser)) === 'Manpo', 'focus back on Manpo');
      assert.match(await panelText(browser), /Choose the river or a town/);
      // Tab goes on to the next marker.
      await browser.keys(TAB);
      assert.notEqual(await focusedName(browser), 'Manpo');
      assert.equal(await browser.role(await focused(browser)), 'button');
    });

    test('a polite live region announces the selection', async () => {
      await open();
      assert.equal(await announced(), '');
      await browser.clickCentre(await theOne(browser, 'button', 'Manpo'));
      await browser.until(async () => (await announced()) === 'Manpo, North Korea: 3 passages', 'the announcement');
      await browser.keys(ESCAPE);
      await browser.until(async () => (await announced()) === '', 'the announcement to clear');
    });

    test('the place list runs from source to mouth and opens each place', async () => {
      await open();
      const nav = await theOne(browser, 'navigation', 'Places, from the source of the Yalu to its mouth');
      const links = await inside(browser, nav, 'link');
      const names = [];
      for (const l of links) names.push(await browser.label(l));
      // By where each place meets the river's real course (OpenStreetMap's border): Hyesan a
      // little above Changbai across the water, Kanggye's nearest bank above Manpo's.
      assert.deepEqual(names, ['Yalu River', 'Mount Paektu', 'Hyesan', 'Changbai County', 'Ryanggang', 'Linjiang', 'Jilin', 'Kanggye',
        'Manpo', "Ji'an", 'Chagang', "North P'yŏngan", 'Dandong', 'Sinuiju', 'Liaoning', 'Pyongyang']);
      await browser.click(links[names.indexOf("Ji'an")]);
      await browser.until(async () => (await panelText(browser)).startsWith("Ji'an"), "Ji'an from the list");
      assert.equal(await browser.attribute(links[names.indexOf("Ji'an")], 'aria-current'), 'true');
      assert.equal(await browser.attribute(await theOne(browser, 'button', "Ji'an"), 'aria-pressed'), 'true');
    });

    for (const [state, hash, size] of [
      ['the overview', '', null],
      ['a place panel', '#/place/manpo', null],
      ['the reader', '#/read/jian-border/7', null],
      ['a 390×844 phone with a panel open', '#/place/hyesan', [390, 844]],
    ]) {
      test(`axe-core finds no WCAG 2.2 AA violation in ${state}`, async () => {
        if (size) await browser.setWindowSize(...size);
        try {
          await open(hash);
          assert.deepEqual(await axeViolations(browser), []);
        } finally {
          if (size) await browser.setWindowSize(1280, 800);
        }
      });
    }

    test('text and map features stand out from what they are drawn on', async () => {
      await open('#/place/manpo');
      const ratios = await contrasts(browser);
      for (const [what, [got, min]] of Object.entries(ratios)) assert.ok(got >= min, `${what}: ${got.toFixed(2)} < ${min}`);
    });

    test('on a phone the panel is a bottom sheet under a usable map, with 44 px touch targets', async () => {
      await browser.setWindowSize(390, 844);
      try {
        await open('#/place/manpo');
        const panel = await theOne(browser, 'complementary', 'Place details');
        const height = () => browser.script('return arguments[0].getBoundingClientRect().height', browser.ref(panel));
        const peek = await height();
        const toggle = await theOne(browser, 'button', 'Show more of the panel');
        assert.equal(await browser.attribute(toggle, 'aria-expanded'), 'false');
        await browser.click(toggle);
        await browser.until(async () => (await height()) > peek * 1.5, 'the sheet to open');
        assert.equal(await browser.attribute(toggle, 'aria-expanded'), 'true');
        await browser.click(await theOne(browser, 'button', 'Show less of the panel'));
        await browser.until(async () => Math.abs((await height()) - peek) < 2, 'the sheet to lower');
        // The map above the sheet still works.
        await browser.clickCentre(await theOne(browser, 'button', 'Hyesan'));
        await browser.until(async () => (await panelText(browser)).includes('9 passages'), 'Hyesan from the map');
        const small = [];
        for (const role of ['button', 'link']) {
          for (const el of await byRole(browser, role)) {
            const r = await browser.script('const r = arguments[0].getBoundingClientRect(); return [r.width, r.height];', browser.ref(el));
            // Inline place names inside running text are exempt (WCAG 2.5.8).
            if ((await browser.script('return arguments[0].classList.contains("mention")', browser.ref(el)))) continue;
            if ((r[0] < 43.5 || r[1] < 43.5) && r[0] > 0) small.push(`${role} "${await browser.label(el)}" ${r[0].toFixed(0)}×${r[1].toFixed(0)}`);
          }
        }
        assert.deepEqual(small, []);
      } finally {
        await browser.setWindowSize(1280, 800);
      }
    });

    test('at 320 px wide nothing scrolls sideways', async () => {
      await browser.setWindowSize(320, 640);
      try {
        for (const hash of ['', '#/place/hyesan', '#/read/jian-border/7']) {
          await open(hash);
          const [scroll, width] = await browser.script('return [document.documentElement.scrollWidth, document.documentElement.clientWidth]');
          assert.ok(scroll <= width, `${hash || 'overview'}: ${scroll} > ${width}`);
        }
      } finally {
        await browser.setWindowSize(1280, 800);
      }
    });

    if (name === 'chromium') {
      // Media emulation goes through the DevTools protocol, which only chromedriver offers.
      const emulate = (features) => browser.cmd('POST', '/goog/cdp/execute', { cmd: 'Emulation.setEmulatedMedia', params: { features } });

      test('the dark theme keeps its contrast and passes axe-core', async () => {
        await emulate([{ name: 'prefers-color-scheme', value: 'dark' }]);
        try {
          await open('#/place/manpo');
          const bg = await browser.script('return getComputedStyle(document.documentElement).backgroundColor');
          assert.equal(bg, 'rgb(21, 25, 28)', 'the dark palette is not in use');
          for (const [what, [got, min]] of Object.entries(await contrasts(browser))) assert.ok(got >= min, `${what}: ${got.toFixed(2)} < ${min}`);
          assert.deepEqual(await axeViolations(browser), []);
        } finally {
          await emulate([]);
        }
      });

      test('printing shows the chosen place with the map and no controls', async () => {
        await open('#/place/manpo');
        const zoomIn = await theOne(browser, 'button', 'Zoom in');
        const list = await theOne(browser, 'navigation', 'Places, from the source of the Yalu to its mouth');
        const map = await theOne(browser, 'region', 'Map of the Yalu River');
        const panel = await theOne(browser, 'complementary', 'Place details');
        await browser.cmd('POST', '/goog/cdp/execute', { cmd: 'Emulation.setEmulatedMedia', params: { media: 'print' } });
        try {
          const shown = (el) => browser.script('const r = arguments[0].getBoundingClientRect(); return r.width > 0 && r.height > 0;', browser.ref(el));
          assert.equal(await shown(zoomIn), false);
          assert.equal(await shown(list), false);
          assert.equal(await shown(map), true);
          // The whole panel prints: nothing is cut off by a scroll box.
          const [scroll, client] = await browser.script('return [arguments[0].scrollHeight, arguments[0].clientHeight]', browser.ref(panel));
          assert.ok(scroll <= client + 1, `${scroll} > ${client}`);
          assert.match(await panelText(browser), /3 passages/);
        } finally {
          await browser.cmd('POST', '/goog/cdp/execute', { cmd: 'Emulation.setEmulatedMedia', params: { media: '' } });
        }
      });

      test('with reduced motion, choosing an out-of-sight town moves the map at once', async () => {
        await emulate([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
        try {
          await open();
          for (let i = 0; i < 6; i++) await browser.click(await theOne(browser, 'button', 'Zoom in'));
          const list = await theOne(browser, 'navigation', 'Places, from the source of the Yalu to its mouth');
          await browser.click((await inside(browser, list, 'link', 'Pyongyang'))[0]);
          // One animation frame later the town is already in view: no glide.
          const inView = await browser.cmd('POST', '/execute/async', {
            script: `const done = arguments[0];
              requestAnimationFrame(() => requestAnimationFrame(() => {
                const r = document.getElementById('marker-pyongyang').getBoundingClientRect();
                const m = document.querySelector('.map').getBoundingClientRect();
                done(r.left >= m.left && r.right <= m.right && r.top >= m.top && r.bottom <= m.bottom);
              }));`,
            args: [],
          });
          assert.ok(inView);
        } finally {
          await emulate([]);
        }
      });
    }

    test('the page has one h1 and its landmarks', async () => {
      await open();
      assert.equal((await byRole(browser, 'heading')).length >= 2, true);
      const h1s = await browser.findAll('h1');
      assert.equal(h1s.length, 1);
      await theOne(browser, 'main', '');
      await theOne(browser, 'region', 'Map of the Yalu River');
      await theOne(browser, 'complementary', 'Place details');
    });
  });
}
