// WebKit's side of the bench: cold loads in WebKitGTK's MiniBrowser through WebKitWebDriver
// (tests/e2e/webdriver.mjs). WebKitWebDriver has no CDP, so nothing is throttled, and the
// browser goes through the e2e suite's recording proxy, which puts tests/e2e/probe.js into each
// page: the probe notes when <html> first gets the class `live` (window.__yaluLive). The proxy
// sends pages uncompressed (it rewrites them); the other files pass as the server sends them.
import { launch } from '../tests/e2e/webdriver.mjs';
import { PHASES } from './phases.mjs';

/** How long a paint entry may take to appear after the page is live, in ms. */
const PAINT_WAIT = 5000;

/**
 * `runs` cold loads of each page (`pages`: name → URL), taking turns, each in a new browser
 * session: a new MiniBrowser, whose automation session keeps no cache, cookies or service
 * workers from an earlier one (a second load in one session is served from its caches, several
 * times faster). Resolves to name → [{ fcp, live, cached, phases }]: first contentful paint
 * (null if WebKit gives no entry), live, the files that came from no network by then (none on a
 * cold load), and `phases` (bench/phases.mjs): where the time to live went.
 */
export async function webkitLoads(pages, runs) {
  const results = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, url] of Object.entries(pages)) {
      const browser = await launch('webkit');
      try {
        await browser.goto(url);
        await browser.until(() => browser.script('return window.__yaluLive !== undefined'), `${name} to be live`, 60000);
        const painted = await browser
          .until(() => browser.script("return performance.getEntriesByName('first-contentful-paint').length > 0"), 'the first paint', PAINT_WAIT)
          .catch(() => false);
        const load = await browser.script(`
          const paint = performance.getEntriesByName('first-contentful-paint')[0];
          // Files that did not come over the network (from a cache or a service worker).
          const cached = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
            .filter((e) => e.transferSize === 0 && !e.name.includes('__yalu-probe'))
            .map((e) => e.name.split('/').pop() || 'index.html');
          const phases = ${PHASES};
          return { fcp: paint ? paint.startTime : null, live: window.__yaluLive, cached, phases };`);
        results[name].push({ ...load, fcp: painted ? load.fcp : null });
      } finally {
        await browser.quit();
      }
    }
  }
  return results;
}
