// One browser for a suite of tests: serves dist/ on 127.0.0.1, starts the browser before the
// suite and closes both after it.
import { after, before } from 'node:test';
import { resolve } from 'node:path';
import { serve } from './server.mjs';
import { launch } from './webdriver.mjs';
import { untilLive } from './reader.mjs';

/** The built page under test. */
export const DIST = resolve(process.env.DIST ?? 'dist');
/** The browsers to run in: `E2E_BROWSERS=chromium,firefox,webkit` (the default) or any of them. */
export const BROWSERS = (process.env.E2E_BROWSERS ?? 'chromium,firefox,webkit').split(',');

/**
 * Registers the suite's set-up and tear-down and returns its session: `browser` and `site` are
 * there once the suite runs; `open(hash)` loads the page afresh and waits for the live page (its zoom
 * buttons show only then). `javascript: false` starts the browser without JavaScript; `refuse`
 * and `hold` are passed to the server; `root` is served instead of dist/ (a function, read when the suite
 * starts).
 */
export function useSession(name, { javascript = true, refuse, hold, root = () => DIST } = {}) {
  const session = {
    browser: undefined,
    site: undefined,
    async open(hash = '') {
      // A new page each time: a change of hash alone would keep the last test's page, its
      // map view and its scroll.
      await session.browser.goto('about:blank');
      session.browser.log.length = 0;
      session.browser.requests.length = 0;
      await session.browser.goto(session.site.url + hash);
      await untilLive(session.browser);
    },
  };
  before(async () => {
    session.site = await serve(root(), '/', { refuse, hold });
    session.browser = await launch(name, { javascript });
  });
  after(async () => {
    await session.browser?.quit();
    await session.site?.close();
  });
  return session;
}
