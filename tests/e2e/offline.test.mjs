// End-to-end: after a first visit the page works offline, from the service worker's copy of
// the build; and a new build, once deployed, shows on the next load, whole.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKER, precached, writeWorker } from '../../scripts/offline.mjs';
import { panelText, theOne, untilLive } from './reader.mjs';
import { serve } from './server.mjs';
import { BROWSERS, DIST } from './session.mjs';
import { launch, openInMiniBrowser } from './webdriver.mjs';

const INTRO = 'Choose the river or a town on the map';
const CHANGED = 'Choose the river or a town on the freshly deployed map';

// A page of the test's own, beside the build, that reports (a POST to `__ready`) once the
// service worker of its scope is active.
const READY = '__ready.html';
const READY_PAGE = `<!doctype html><html lang="en"><title>Waiting for the worker</title><link rel="icon" href="data:,">
<script>navigator.serviceWorker.ready.then((r) => fetch('__ready', { method: 'POST', body: r.active.scriptURL }));</script>`;

/** Loads `url` and waits for the live page (its zoom buttons show only then). */
async function openLive(browser, url) {
  await browser.goto(url);
  await untilLive(browser);
}

/** Waits until the service worker controls the page: the build is in its cache by then. */
function untilControlled(browser) {
  return browser.until(() => browser.script('return !!navigator.serviceWorker.controller'), 'the service worker to take over');
}

/** The names of the origin's caches. */
function cacheNames(browser) {
  return browser.cmd('POST', '/execute/async', { script: 'caches.keys().then(arguments[0])', args: [] });
}

/** A copy of dist/ to deploy to and change. */
function copyOfDist() {
  const dir = mkdtempSync(join(tmpdir(), 'yalu-deploy-'));
  cpSync(DIST, dir, { recursive: true });
  return dir;
}

/** Changes the intro of the copy's page and rebuilds its worker, as a new build would. */
async function deployChangedBuild(dir) {
  const page = join(dir, 'index.html');
  const html = readFileSync(page, 'utf8');
  assert.ok(html.includes(INTRO));
  writeFileSync(page, html.replace(INTRO, CHANGED));
  return writeWorker(dir);
}

for (const name of BROWSERS) {
  describe(`offline, in ${name}`, () => {
    let browser;
    let dir;
    before(async () => {
      browser = await launch(name);
      dir = copyOfDist();
    });
    after(async () => {
      await browser?.quit();
      rmSync(dir, { recursive: true, force: true });
    });

    test('after one visit, the page under a sub-path loads with no network, live: a marker opens its panel', async () => {
      const site = await serve(DIST, '/atlas/');
      let closed = false;
      try {
        await openLive(browser, site.url);
        await untilControlled(browser);
        await site.close();
        closed = true;
        await openLive(browser, site.url);
        await browser.clickCentre(await theOne(browser, 'button', 'Manpo'));
        await browser.until(async () => (await panelText(browser)).includes('만포'), 'Manpo in the panel');
        assert.match(await panelText(browser), /3 passages/);
      } finally {
        if (!closed) await site.close();
      }
    });

    test('a first visit requests each file of the build once, the worker filling its copy from what the browser holds', async () => {
      // A new server is a new origin: nothing of it is in the browser's caches yet.
      const site = await serve(DIST, '/first/', { pages: { [READY]: READY_PAGE } });
      let webkit;
      try {
        if (name === 'webkit') {
          // MiniBrowser with a profile on disk, as a reader's WebKit has, beside a page of the
          // test's that says when the worker is active: it has kept every file by then.
          webkit = await openInMiniBrowser([site.url, site.url + READY]);
          await browser.until(async () => site.posts.length > 0, 'the worker to be active', 30000);
        } else {
          await openLive(browser, site.url);
          // The worker controls the page once it has kept every file: the visit's requests are in.
          await untilControlled(browser);
        }
        const counts = {};
        for (const path of site.requests) {
          const file = path.slice('/first/'.length) || 'index.html';
          if (file.startsWith(READY.replace('.html', ''))) continue;
          counts[file] = (counts[file] ?? 0) + 1;
        }
        const files = [...precached(DIST), WORKER].sort();
        for (const f of files) assert.equal(counts[f], 1, `${f}: ${counts[f]} requests`);
        assert.deepEqual(Object.keys(counts).sort(), files, 'requests for other files');
      } finally {
        webkit?.quit();
        await site.close();
      }
    });

    test('a new build shows after one reload, and is then what the page is offline', async () => {
      const site = await serve(dir, '/');
      let closed = false;
      try {
        await openLive(browser, site.url);
        await untilControlled(browser);
        assert.match(await panelText(browser), new RegExp(INTRO));
        const build = await deployChangedBuild(dir);
        await openLive(browser, site.url);
        assert.match(await panelText(browser), new RegExp(CHANGED));
        // The new build's worker takes over and keeps only the new build.
        await browser.until(async () => {
          const names = await cacheNames(browser);
          return names.length === 1 && names[0].endsWith(` ${build}`);
        }, 'the new build in the cache, alone');
        await site.close();
        closed = true;
        await openLive(browser, site.url);
        assert.match(await panelText(browser), new RegExp(CHANGED));
      } finally {
        if (!closed) await site.close();
      }
    });
  });
}
