// End-to-end: the built dist/ served over HTTP and read in real headless browsers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { serve } from './server.mjs';
import { launch } from './webdriver.mjs';
import { byRole, focusedName, panelText, theOne, waitFor } from './reader.mjs';

const DIST = resolve(process.env.DIST ?? 'dist');
const BROWSERS = (process.env.E2E_BROWSERS ?? 'chromium,firefox').split(',');
const TOWNS = [
  { name: "Ji'an", native: '集安', country: 'China' },
  { name: 'Manpo', native: '만포', country: 'North Korea' },
  { name: 'Hyesan', native: '혜산', country: 'North Korea' },
];
const ENTER = '\uE007';
const TAB = '\uE004';

for (const name of BROWSERS) {
  describe(`in ${name}`, () => {
    let site;
    let browser;

    before(async () => {
      site = await serve(DIST);
      browser = await launch(name);
    });

    after(async () => {
      await browser?.quit();
      await site?.close();
    });

    async function open(path = '') {
      browser.log.length = 0;
      await browser.goto(site.url + path);
      await waitFor(browser, 'button', 'Manpo');
    }

    test('the page loads with its map, its heading and no console error', async () => {
      await open();
      const heading = await theOne(browser, 'heading', 'Yalu Border Atlas');
      assert.equal(await browser.text(heading), 'Yalu Border Atlas');
      await theOne(browser, 'region', 'Map of the Yalu River');
      assert.match(await panelText(browser), /Choose the river or a town/);
      assert.deepEqual(browser.errors(), []);
    });

    test('the console watch sees errors and uncaught exceptions (so a clean log means something)', async () => {
      await open();
      await browser.script(`console.error('probe: console'); setTimeout(() => { throw new Error('probe: uncaught'); }, 0);`);
      const seen = await browser.until(async () => browser.errors().length >= 2 && browser.errors(), 'the probes in the log');
      assert.ok(seen.some((e) => e.text.includes('probe: console')), JSON.stringify(seen));
      assert.ok(seen.some((e) => e.text.includes('probe: uncaught')), JSON.stringify(seen));
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
        assert.match(text, new RegExp(`^${town.name}\\n`));
        assert.ok(text.includes(town.country), text);
        assert.equal(await browser.attribute(marker, 'aria-pressed'), 'true');
        assert.deepEqual(browser.errors(), []);
      });
    }

    test('clicking on the river line selects the Yalu', async () => {
      await open();
      const river = await theOne(browser, 'button', 'Yalu River');
      // A point on the drawn line, in viewport pixels: where a reader would click.
      const at = await browser.script(
        `const path = arguments[0].querySelector('path');
         const p = path.getPointAtLength(path.getTotalLength() * 0.35);
         const m = path.getScreenCTM();
         return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };`,
        browser.ref(river),
      );
      await browser.clickAt(at.x, at.y);
      await browser.until(async () => (await panelText(browser)).includes('압록강'), 'the Yalu in the panel');
      assert.equal(await browser.attribute(river, 'aria-pressed'), 'true');
    });

    test('a marker can be reached with Tab and chosen with Enter', async () => {
      await open();
      let reached = false;
      for (let i = 0; i < 12 && !reached; i++) {
        await browser.keys(TAB);
        reached = (await focusedName(browser)) === 'Manpo';
      }
      assert.ok(reached, 'Tab never reached the Manpo marker');
      await browser.keys(ENTER);
      await browser.until(async () => (await panelText(browser)).includes('만포'), 'Manpo in the panel');
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
