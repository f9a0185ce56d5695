// End-to-end: zoomed in close, the map fetches the detail drawings of the area in view from
// the page's own folder and draws the river's real course, and a place zoomed into once shows
// its detail offline too.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { centreOf, mapScale, wheelAt } from './map.mjs';
import { theOne, untilLive } from './reader.mjs';
import { serve } from './server.mjs';
import { BROWSERS, DIST, useSession } from './session.mjs';
import { launch } from './webdriver.mjs';

/** Zooms the wheel in on Ji'an's marker until the map goes no closer. The first turn is the
 * browser's own wheel action; the rest are wheel events sent to the map, as WebKitWebDriver
 * delivers one wheel action to a page and no more. */
async function zoomIntoJian(browser) {
  const marker = () => theOne(browser, 'button', "Ji'an");
  const first = await centreOf(browser, await marker());
  await wheelAt(browser, first.x, first.y, -500);
  for (let i = 0; i < 30; i++) {
    const zoomIn = await theOne(browser, 'button', 'Zoom in');
    if (await browser.script('return arguments[0].disabled', browser.ref(zoomIn))) return;
    await browser.script(
      `const dot = arguments[0].querySelector('circle').getBoundingClientRect();
       document.querySelector('svg[aria-label="Yalu River border region"]').dispatchEvent(new WheelEvent('wheel', {
         bubbles: true, cancelable: true, deltaY: -500, clientX: dot.x + dot.width / 2, clientY: dot.y + dot.height / 2,
       }));`,
      browser.ref(await marker()),
    );
  }
  throw new Error(`${browser.name}: the map never reached its closest zoom`);
}

/** The path data of the Yalu's drawing inside its control, where it is the detail's. */
function detailedRiver(browser) {
  return browser.script(
    `const river = arguments[0];
     return [...river.querySelectorAll('g > path.river-line')].filter((p) => !p.parentElement.hasAttribute('clip-path')).map((p) => p.getAttribute('d'));`,
    browser.ref(browser.lastRiver),
  );
}

/** The river's path data in the baked detail files `paths` (as the page requested them). */
function bakedRiver(paths) {
  return paths.flatMap((p) => {
    const text = readFileSync(join(DIST, p), 'utf8');
    const river = text.split('\n')[1] ?? '';
    return [...river.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]);
  });
}

/** The detail files among `urls`, as paths below the page. */
function detailRequests(urls, base) {
  return urls.map((u) => new URL(u).pathname.slice(base.length)).filter((p) => p.startsWith('detail/'));
}

for (const name of BROWSERS) {
  describe(`detail as the reader zooms in, in ${name}`, () => {
    const session = useSession(name);

    test('zoomed into Ji’an as far as the map goes, the river in view is the detailed line', async () => {
      const { browser } = session;
      await session.open();
      await zoomIntoJian(browser);
      // The scale bar reads 500 m or less.
      const scale = await mapScale(browser);
      assert.ok(scale.metres <= 500, `the scale bar reads ${scale.label}`);
      // The detail arrives from the page's own folder, at its finest level.
      browser.lastRiver = await theOne(browser, 'button', 'Yalu River');
      await browser.until(async () => (await detailedRiver(browser)).length > 0, 'the detailed river');
      const asked = detailRequests(browser.requests, new URL(session.site.url).pathname);
      assert.ok(asked.some((p) => p.startsWith('detail/2/')), `detail requests: ${asked.join(', ')}`);
      // What the river control draws is the baked detail of the tiles in view.
      const drawn = await detailedRiver(browser);
      const baked = bakedRiver(asked.filter((p) => p.startsWith('detail/2/')));
      assert.ok(drawn.length > 0 && drawn.every((d) => baked.includes(d)), 'the river drawn is the baked detail');
      // The whole zoom fetched at most 30 KB of detail (gzip, as the build writes it).
      const bytes = [...new Set(asked)].reduce((s, p) => s + readFileSync(join(DIST, `${p}.gz`)).length, 0);
      assert.ok(bytes <= 30_000, `${bytes} B of detail`);
      assert.deepEqual(browser.errors(), []);
    });
  });

  for (const javascript of [true, false]) {
    describe(`the map's credit ${javascript ? 'with' : 'without'} JavaScript, in ${name}`, () => {
      const session = useSession(name, { javascript });

      test('Natural Earth and © OpenStreetMap contributors are credited on the map, at every window size', async () => {
        const { browser, site } = session;
        try {
          for (const [w, h] of [[1280, 800], [390, 844], [320, 640]]) {
            await browser.setWindowSize(w, h);
            await browser.goto(`${site.url}#/place/jian`);
            const map = await theOne(browser, 'region', 'Map of the Yalu River');
            const credit = await browser.script(
              `const p = [...arguments[0].querySelectorAll('p')].find((e) => e.textContent.includes('OpenStreetMap'));
               return p && p.checkVisibility() ? p.textContent : null;`,
              browser.ref(map),
            );
            assert.equal(credit, 'Map data: Natural Earth, © OpenStreetMap contributors', `${w}×${h}`);
          }
        } finally {
          await browser.setWindowSize(1280, 800);
        }
      });
    });
  }

  describe(`detail offline, in ${name}`, () => {
    test('after zooming into Ji’an once, the same zoom shows the detail with no network', async () => {
      const browser = await launch(name);
      const site = await serve(DIST, '/zoomed/');
      let closed = false;
      try {
        await browser.goto(site.url);
        await untilLive(browser);
        await browser.until(() => browser.script('return !!navigator.serviceWorker.controller'), 'the service worker to take over');
        browser.lastRiver = await theOne(browser, 'button', 'Yalu River');
        await zoomIntoJian(browser);
        await browser.until(async () => (await detailedRiver(browser)).length > 0, 'the detailed river');
        const online = await detailedRiver(browser);
        await site.close();
        closed = true;
        await browser.goto(site.url);
        await untilLive(browser);
        browser.lastRiver = await theOne(browser, 'button', 'Yalu River');
        await zoomIntoJian(browser);
        await browser.until(async () => (await detailedRiver(browser)).length > 0, 'the detailed river, offline');
        assert.deepEqual(await detailedRiver(browser), online);
      } finally {
        if (!closed) await site.close();
        await browser.quit();
      }
    });
  });
}
