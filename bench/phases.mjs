// Where a page's time to live goes, read in the page after it is live: when the page, its last
// script and its wasm had arrived (responseEnd), when the document was parsed, and for the
// atlas when its wasm was instantiated and its islands hydrated (the bootstrap script marks
// both), in ms from the navigation. 0 for a step the page does not have. The page's scripts
// are those it runs, not the service worker's script (`WORKER`), which the atlas registers once
// it is live and which would otherwise show as a script arriving after the page went live.
import { WORKER } from '../scripts/offline.mjs';

export const PHASES = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const arrived = (ending) => Math.max(0, ...performance.getEntriesByType('resource')
    .filter((e) => {
      const path = new URL(e.name).pathname;
      return path.endsWith(ending) && !path.endsWith('/${WORKER}') && !e.name.includes('__yalu-probe');
    })
    .map((e) => e.responseEnd));
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? 0;
  return { html: nav.responseEnd, parsed: nav.domContentLoadedEventEnd, js: arrived('.js'), wasm: arrived('.wasm'),
    instantiated: mark('yalu-instantiated'), hydrated: mark('yalu-hydrated') };
})()`;

/** The steps of `PHASES` a report prints, in order, for pages that have them. */
export const STEPS = [
  ['page arrived', 'html'],
  ['parsed', 'parsed'],
  ['scripts arrived', 'js'],
  ['wasm arrived', 'wasm'],
  ['instantiated', 'instantiated'],
  ['islands hydrated', 'hydrated'],
];
