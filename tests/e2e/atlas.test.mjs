// End-to-end: the built dist/ served over HTTP and read in real headless browsers.
import { before, describe, test } from 'node:test';
import { BROWSERS, DIST, useSession } from './session.mjs';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { byRole, focusedName, panelText, theOne, waitFor } from './reader.mjs';
import { centreOf, drag, mapScale, riverPoint, tabTo, wheelAt } from './map.mjs';

const TOWNS = [
  { name: "Ji'an", native: '集安', country: 'China' },
  { name: 'Manpo', native: '만포', country: 'North Korea' },
  { name: 'Hyesan', native: '혜산', country: 'North Korea' },
  { name: 'Dandong', native: '丹东', country: 'China' },
  { name: 'Pyongyang', native: '평양', country: 'North Korea' },
];
const FEATURES = [{ name: 'Yalu River', native: '압록강', country: 'China and North Korea' }, ...TOWNS];
const ENTER = '\uE007';
const TAB = '\uE004';

for (const name of BROWSERS) {
  describe(`in ${name}`, () => {
    const session = useSession(name);
    const { open } = session;
    let browser;
    let site;
    before(() => ({ browser, site } = session));

    test('the Content-Security-Policy allows no inline code but the bootstrap and the stylesheet, and the page runs under it', async () => {
      await browser.goto('about:blank');
      await open();
      const policy = await browser.script('return document.querySelector(\'meta[http-equiv="Content-Security-Policy"]\').content');
      assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
      assert.match(policy, /script-src 'self' 'sha256-[A-Za-z0-9+\/=]+' 'wasm-unsafe-eval'/);
      // The stylesheet is inline, so the first paint waits for no second request; it alone is allowed.
      assert.match(policy, /style-src 'sha256-[A-Za-z0-9+\/=]+';/);
      assert.equal(await browser.script("return getComputedStyle(document.querySelector('.map')).position"), 'relative');
      // An injected inline script is refused and reported.
      const blocked = await browser.cmd('POST', '/execute/async', {
        script: `const done = arguments[0];
          document.addEventListener('securitypolicyviolation', (e) => done(e.violatedDirective), { once: true });
          const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.append(s);
          setTimeout(() => done(window.injected ? 'ran' : 'no report'), 1000);`,
        args: [],
      });
      assert.match(blocked, /^script-src/);
      // So is an injected inline stylesheet.
      const unstyled = await browser.cmd('POST', '/execute/async', {
        script: `const done = arguments[0];
          document.addEventListener('securitypolicyviolation', (e) => done(e.violatedDirective), { once: true });
          const s = document.createElement('style'); s.textContent = 'body { color: rgb(1, 2, 3) }'; document.head.append(s);
          setTimeout(() => done(getComputedStyle(document.body).color === 'rgb(1, 2, 3)' ? 'applied' : 'no report'), 1000);`,
        args: [],
      });
      assert.match(unstyled, /^style-src/);
      // The page itself raised no violation: the log holds only the injected script's.
      assert.ok(browser.errors().every((e) => /inline (script|style)|Content Security Policy|Content-Security-Policy/i.test(e.text)), JSON.stringify(browser.errors()));
    });

    test('the page loads with its map, its heading and no console error', async () => {
      await open();
      const heading = await theOne(browser, 'heading', 'Yalu Border Atlas');
      assert.equal(await browser.text(heading), 'Yalu Border Atlas');
      await theOne(browser, 'region', 'Map of the Yalu River');
      assert.match(await panelText(browser), /Choose the river or a town/);
      assert.deepEqual(browser.errors(), []);
    });

    test('the page asks no other origin for anything, and loads only its own few files', async () => {
      // From a blank page: a change of hash alone would load nothing.
      await browser.goto('about:blank');
      await open('#/place/manpo');
      await browser.until(async () => (await panelText(browser)).includes('3 passages'), 'Manpo');
      const origin = new URL(site.url).origin;
      assert.ok(browser.requests.length >= 3, browser.requests.join(' '));
      const foreign = browser.requests.filter((u) => new URL(u).origin !== origin);
      assert.deepEqual(foreign, []);
      // Without Trunk's content hash (hex, up to 16 digits: leading zeros are dropped).
      const kinds = browser.requests.map((u) => new URL(u).pathname.replace(/^.*\//, '').replace(/-[0-9a-f]{1,16}(?=(_bg)?\.\w+$)/, ''));
      for (const k of kinds) assert.ok(['', 'index.html', 'yalu-atlas.js', 'yalu-atlas_bg.wasm', 'style.css', 'favicon.svg', 'sw.js'].includes(k), `unexpected request ${k}`);
    });

    test('the console and request watches see errors and foreign requests (so a clean log means something)', async () => {
      await open();
      await browser.script(`console.error('probe: console'); setTimeout(() => { throw new Error('probe: uncaught'); }, 0);`);
      const seen = await browser.until(async () => browser.errors().length >= 2 && browser.errors(), 'the probes in the log');
      assert.ok(seen.some((e) => e.text.includes('probe: console')), JSON.stringify(seen));
      assert.ok(seen.some((e) => e.text.includes('probe: uncaught')), JSON.stringify(seen));
      // The request watch sees a request to another origin (loopback, nothing listens there),
      // made from a page with no policy (the server's answer for a missing file): the atlas's
      // policy would block it before it is sent.
      await browser.goto(`${site.url}no-such-page`);
      await browser.script("const img = new Image(); img.alt = ''; img.src = 'http://127.0.0.2:18999/probe'; document.body.append(img);");
      await browser.until(async () => browser.requests.some((u) => u.startsWith('http://127.0.0.2:18999/probe')), 'the probe request');
    });

    for (const town of TOWNS) {
      test(`clicking ${town.name} shows it in the panel`, async () => {
        await open();
        const marker = await theOne(browser, 'button', town.name);
        await browser.clickCentre(marker);
        const text = await browser.until(async () => {
          const t = await panelText(browser);
          return t.includes(town.native) && t;
        }, `${town.name} in the panel`);
        assert.match(text, new RegExp(`^${town.name} ${town.native}\\n`));
        assert.ok(text.includes(town.country), text);
        assert.equal(await browser.attribute(marker, 'aria-pressed'), 'true');
        assert.deepEqual(browser.errors(), []);
      });
    }

    test('clicking on the river line selects the Yalu', async () => {
      await open();
      const river = await theOne(browser, 'button', 'Yalu River');
      const at = await riverPoint(browser, 0.35);
      await browser.clickAt(at.x, at.y);
      await browser.until(async () => (await panelText(browser)).includes('압록강'), 'the Yalu in the panel');
      assert.equal(await browser.attribute(river, 'aria-pressed'), 'true');
    });

    for (const feature of FEATURES) {
      test(`${feature.name} can be reached with Tab and chosen with Enter`, async () => {
        await open();
        await tabTo(browser, feature.name);
        await browser.keys(ENTER);
        await browser.until(async () => (await panelText(browser)).includes(feature.native), `${feature.name} in the panel`);
        assert.ok((await panelText(browser)).includes(feature.country));
      });
    }

    test('the wheel zooms around the pointer, markers keep their size, and Reset view restores the map', async () => {
      await open();
      const before = await mapScale(browser);
      const manpo = await theOne(browser, 'button', 'Manpo');
      const hyesan = await theOne(browser, 'button', 'Hyesan');
      const m0 = await centreOf(browser, manpo);
      const h0 = await centreOf(browser, hyesan);
      const size0 = await browser.script('const r = arguments[0].getBoundingClientRect(); return [r.width, r.height];', browser.ref(manpo));
      const spot = await riverPoint(browser, 0.5);
      await wheelAt(browser, spot.x, spot.y, -400);
      const after = await browser.until(async () => {
        const s = await mapScale(browser);
        return s.metres < before.metres && s;
      }, 'the scale bar to show a shorter distance');
      // The spot of river under the pointer stays under it; the towns spread apart.
      const spot1 = await riverPoint(browser, 0.5);
      assert.ok(Math.hypot(spot1.x - spot.x, spot1.y - spot.y) < 2, JSON.stringify({ spot, spot1 }));
      const m1 = await centreOf(browser, manpo);
      const h1 = await centreOf(browser, hyesan);
      assert.ok(Math.hypot(h1.x - m1.x, h1.y - m1.y) > 1.5 * Math.hypot(h0.x - m0.x, h0.y - m0.y));
      const size1 = await browser.script('const r = arguments[0].getBoundingClientRect(); return [r.width, r.height];', browser.ref(manpo));
      assert.ok(Math.abs(size1[0] - size0[0]) < 1 && Math.abs(size1[1] - size0[1]) < 1, `${size0} became ${size1}`);
      assert.ok(after.label !== before.label);
      await browser.click(await theOne(browser, 'button', 'Reset view'));
      await browser.until(async () => (await mapScale(browser)).label === before.label, 'the scale bar to return');
      await browser.until(async () => {
        const m = await centreOf(browser, manpo);
        return Math.abs(m.x - m0.x) < 1 && Math.abs(m.y - m0.y) < 1;
      }, 'Manpo back in place');
    });

    test('dragging the map pans it, and a drag does not choose a place', async () => {
      await open();
      const manpo = await theOne(browser, 'button', 'Manpo');
      const m0 = await centreOf(browser, manpo);
      // Start on open ground south-east of Manpo.
      await drag(browser, m0.x + 120, m0.y + 120, -150, 80);
      const m1 = await centreOf(browser, manpo);
      assert.ok(Math.abs(m1.x - m0.x + 150) < 3 && Math.abs(m1.y - m0.y - 80) < 3, JSON.stringify({ m0, m1 }));
      assert.match(await panelText(browser), /Choose the river or a town/);
      // A drag that starts on a marker moves the map and does not select the marker.
      await drag(browser, m1.x, m1.y, 60, 0);
      assert.match(await panelText(browser), /Choose the river or a town/);
    });

    test('a drag that starts on the scale bar pans the map', async () => {
      await open();
      const manpo = await theOne(browser, 'button', 'Manpo');
      const m0 = await centreOf(browser, manpo);
      const bar = await centreOf(browser, await theOne(browser, 'group', 'Scale'));
      await drag(browser, bar.x, bar.y, 100, -60);
      const m1 = await centreOf(browser, manpo);
      assert.ok(Math.abs(m1.x - m0.x - 100) < 3 && Math.abs(m1.y - m0.y + 60) < 3, JSON.stringify({ m0, m1 }));
    });

    test('the zoom buttons zoom, with limits', async () => {
      await open();
      const before = await mapScale(browser);
      const zoomIn = await theOne(browser, 'button', 'Zoom in');
      // Two steps: one 1.5× step may leave the rounded distance the same and only lengthen the bar.
      await browser.click(zoomIn);
      await browser.click(zoomIn);
      const zoomed = await browser.until(async () => {
        const s = await mapScale(browser);
        return s.metres < before.metres && s;
      }, 'Zoom in to change the scale');
      const zoomOut = await theOne(browser, 'button', 'Zoom out');
      await browser.click(zoomOut);
      await browser.click(zoomOut);
      await browser.until(async () => (await mapScale(browser)).metres > zoomed.metres, 'Zoom out to change the scale');
      // From the whole frame to the closest zoom is 13 steps of 1.5.
      for (let i = 0; i < 20; i++) {
        if ((await browser.attribute(zoomIn, 'disabled')) !== null) break;
        await browser.click(zoomIn);
      }
      assert.notEqual(await browser.attribute(zoomIn, 'disabled'), null, 'Zoom in never reached its limit');
    });

    test('with the map focused, the keyboard pans and zooms', async () => {
      await open();
      await tabTo(browser, 'Map of the Yalu River', 'region');
      const before = await mapScale(browser);
      const manpo = await theOne(browser, 'button', 'Manpo');
      const m0 = await centreOf(browser, manpo);
      await browser.keys('\uE012'); // ArrowLeft: the map moves right
      const m1 = await centreOf(browser, manpo);
      assert.ok(m1.x > m0.x + 10 && Math.abs(m1.y - m0.y) < 1, JSON.stringify({ m0, m1 }));
      await browser.keys('++');
      await browser.until(async () => (await mapScale(browser)).metres < before.metres, '+ to zoom in');
      await browser.keys('0');
      await browser.until(async () => (await mapScale(browser)).label === before.label, '0 to reset');
    });

    test('choosing a place that is out of sight glides the map to it', async () => {
      await open();
      const dandong = await theOne(browser, 'button', 'Dandong');
      const d = await centreOf(browser, dandong);
      await wheelAt(browser, d.x, d.y, -1200);
      const region = await theOne(browser, 'region', 'Map of the Yalu River');
      const inside = async (el) => browser.script(
        `const r = arguments[0].getBoundingClientRect(), m = arguments[1].getBoundingClientRect();
         return r.left >= m.left && r.right <= m.right && r.top >= m.top && r.bottom <= m.bottom;`,
        browser.ref(el), browser.ref(region),
      );
      const hyesan = await theOne(browser, 'button', 'Hyesan');
      await browser.until(async () => !(await inside(hyesan)), 'Hyesan to leave the view');
      await tabTo(browser, 'Hyesan');
      await browser.keys(ENTER);
      await browser.until(() => inside(hyesan), 'the map to glide to Hyesan');
    });

    test('the same dist/ works under a sub-path, as on a project page of a static host', async () => {
      const sub = await serve(DIST, '/some/sub/path/');
      try {
        browser.log.length = 0;
        await browser.goto(sub.url);
        await waitFor(browser, 'button', 'Hyesan');
        assert.ok(sub.requests.some((p) => p.endsWith('.wasm')), sub.requests.join(' '));
        assert.ok(sub.requests.every((p) => p.startsWith('/some/sub/path/')), sub.requests.join(' '));
        assert.deepEqual(browser.errors(), []);
      } finally {
        await sub.close();
      }
    });

    test('every place on the map is a named button', async () => {
      await open();
      const names = [];
      for (const el of await byRole(browser, 'button')) names.push(await browser.label(el));
      for (const expected of ['Yalu River', "Ji'an", 'Manpo', 'Hyesan', 'Dandong', 'Pyongyang']) {
        assert.ok(names.includes(expected), `${expected} missing from ${names.join(', ')}`);
      }
    });
  });
}
