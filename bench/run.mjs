// The benchmark: `make bench` (after `make build`), or `node bench/run.mjs [--runs N] [--no-lighthouse]`.
// Serves the release dist/ with gzip on 127.0.0.1 and drives headless Chromium through N cold
// loads, unthrottled and throttled (150 ms round trip, 1.6 Mbps down, 4x CPU slowdown), of the
// atlas and of two pages it builds itself, served the same way: a Leaflet peer (bench/peer.mjs:
// the same baked places, lines and passages drawn by Leaflet 1.9, as a typical story map would)
// and a baseline (the same HTML as the atlas made live by a few lines of JavaScript,
// bench/baseline.js). For all three it prints the bytes, first contentful paint and time to
// live side by side; for the atlas and the baseline, the clicks, the pan, the heap and story
// mode (the peer has none of the atlas's ids). Then N cold loads of the atlas and the peer in
// WebKit (bench/webkit.mjs: unthrottled, it has no CDP), median and p95 of each figure, the
// budgets, and Lighthouse (mobile) on the atlas.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/webdriver.mjs';
import { serve, writeGzipCopies } from '../tests/e2e/server.mjs';
import { BUDGET, KB, firstLoad, overBudget } from '../scripts/size-check.mjs';
import { buildPeer } from './peer.mjs';
import { webkitLoads } from './webkit.mjs';
import { PHASES, STEPS } from './phases.mjs';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 10;
const LIGHTHOUSE = !args.includes('--no-lighthouse');
// Installed by `scripts/setup.sh bench` from bench/package-lock.json, apart from the test tools.
const LIGHTHOUSE_BIN = fileURLToPath(new URL('node_modules/.bin/lighthouse', import.meta.url));
// The page under test (`--dist DIR`, default dist/); the baseline is always made from dist/,
// the peer from the project's data.
const DIST = args.includes('--dist') ? args[args.indexOf('--dist') + 1] : 'dist';
// The pages loaded, in the report's order, with their names there.
const PAGES = { atlas: 'atlas', leaflet: 'Leaflet peer', baseline: 'baseline' };
const MARKERS = ['yalu', 'hyesan', 'manpo', 'jian', 'dandong', 'pyongyang'];
const SETTINGS = {
  unthrottled: null,
  throttled: { latency: 150, down: 1.6e6 / 8, up: 750e3 / 8, cpu: 4 },
};

/** The baseline: dist/'s HTML without the WebAssembly, its bootstrap and its policy, with
 * bench/baseline.js instead; the same inline stylesheet and icon. */
async function buildBaseline() {
  const dir = mkdtempSync(join(tmpdir(), 'yalu-baseline-'));
  let html = readFileSync(join('dist', 'index.html'), 'utf8');
  html = html
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
    .replace(/<script type="module"[^>]*>[\s\S]*?<\/script>/, '<script src="./baseline.js" defer></script>')
    .replace(/<link rel="modulepreload"[^>]*>/, '');
  if (/\.wasm|modulepreload/.test(html)) throw new Error('baseline: the WebAssembly is still referenced');
  writeFileSync(join(dir, 'index.html'), html);
  cpSync('bench/baseline.js', join(dir, 'baseline.js'));
  for (const f of readdirSync('dist')) if (/\.svg$/.test(f)) cpSync(join('dist', f), join(dir, f));
  await writeGzipCopies(dir);
  return dir;
}

// Before any page script: note when the page becomes live and, for the atlas, its wasm memory.
const PROBE = `
  window.__bench = {};
  // Live: the page says so with a class on <html>; a build from before that is live once
  // Trunk reports the wasm started (its main has mounted the page by then).
  new MutationObserver((_, o) => {
    if (document.documentElement && document.documentElement.classList.contains('live')) {
      window.__bench.live = window.__bench.live ?? performance.now();
      o.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['class'] });
  addEventListener('TrunkApplicationStarted', () => (window.__bench.live = window.__bench.live ?? performance.now()));
  addEventListener('TrunkApplicationStarted', (e) => (window.__bench.wasmMemory = e.detail.wasm.memory.buffer.byteLength));
`;

// In the page: each marker clicked in turn, from the overview. For each click, four times:
// - from the click to the page showing the marker chosen;
// - from the click to the end of the first frame that shows it, on the wall clock;
// - the same for a click on nothing (the page's body) at the same moment: the floor under the
//   wall-clock figure. A reader's click comes at any moment of the display's 16.7 ms frame, and
//   the frame that can show it starts only at the display's next refresh, so the clicks come at
//   different times after a frame (spread evenly over it, the same times every run) and even a
//   page that does nothing waits up to a whole frame;
// - the click's own time: the main thread's time from the click until the page shows the
//   marker chosen, plus the time of the frame that shows it from that frame's start (its
//   animation-frame callbacks, style, layout, paint) to its end. This leaves out only the wait
//   for the display's refresh, and is what must fit in one frame for the click to show in the
//   next; the budgets are on it. A click on nothing has its own time too.
// The clicks start a second after the page is first idle, as a reader's would: by then the
// atlas has laid out its places while idle (src/live/mod.rs, warm_up).
const CLICKS = `
  const done = arguments[arguments.length - 1];
  const ids = arguments[0];
  // The next frame: when it started (its animation-frame time) and when it ended (a message
  // posted from it arrives once its rendering is done).
  const frame = () => new Promise((ok) => requestAnimationFrame((start) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => ok({ start, end: performance.now() });
    c.port2.postMessage(0);
  }));
  // A click's own time: from the click, t0, until it is handled, plus its frame f from the
  // frame's start (or from the handling, if that came later) to its end.
  const own = (t0, handled, f) => (handled - t0) + (f.end - Math.max(f.start, handled));
  const after = (ms) => new Promise((ok) => setTimeout(ok, ms));
  const phases = [0, 8, 4, 12, 2, 10, 6, 14];
  (async () => {
    await new Promise((ok) => (window.requestIdleCallback || setTimeout)(ok));
    await after(1000);
    const out = [];
    for (const [n, id] of ids.entries()) {
      for (let round = 0; round < 2; round++) {
        const phase = phases[(2 * n + round) % phases.length];
        location.hash = '#/';
        await frame(); await frame();
        await after(phase);
        let t0 = performance.now();
        document.body.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
        const handled = performance.now();
        let f = await frame();
        const nothing = f.end - t0;
        const nothingOwn = own(t0, handled, f);
        await frame();
        await after(phase);
        const el = document.getElementById('marker-' + id);
        const chosen = new Promise((ok) => {
          const o = new MutationObserver(() => { if (el.getAttribute('aria-pressed') === 'true') { o.disconnect(); ok(performance.now()); } });
          o.observe(el, { attributes: true });
        });
        t0 = performance.now();
        el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
        const updated = await chosen;
        f = await frame();
        out.push([updated - t0, f.end - t0, nothing, own(t0, updated, f), nothingOwn]);
      }
    }
    location.hash = '#/';
    done(out);
  })();
`;

// In the page: a 2-second drag across the map by pointer events, one move a frame; returns
// the number of frames.
const PAN = `
  const done = arguments[arguments.length - 1];
  const svg = document.querySelector('.map-svg');
  const r = svg.getBoundingClientRect();
  const [cx, cy] = [r.left + r.width / 2, r.top + r.height / 2];
  const ev = (type, x, y) => svg.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, pointerId: 1, pointerType: 'mouse', isPrimary: true, button: 0, buttons: 1, clientX: x, clientY: y }));
  ev('pointerdown', cx, cy);
  const start = performance.now();
  let frames = 0;
  const step = (now) => {
    const t = (now - start) / 2000;
    frames++;
    ev('pointermove', cx + 150 * Math.sin(t * 2 * Math.PI), cy + 100 * Math.sin(t * 4 * Math.PI));
    if (t < 1) requestAnimationFrame(step);
    else { ev('pointerup', cx, cy); done(frames); }
  };
  requestAnimationFrame(step);
`;

// In the page: zooms the wheel in on Ji'an, four steps of e (about 55 times closer, where the
// finest detail drawings show), and waits for the detail to be drawn. Returns the longest task
// meanwhile (the swap's among them), how long the detail took, and the detail files' bytes; null
// on a page with no detail (the baseline).
const ZOOM = `
  const done = arguments[arguments.length - 1];
  const river = document.querySelector('a.river');
  const jian = document.querySelector('a.marker[href="#/place/jian"] circle');
  if (!river || !jian) return done(null);
  let longest = 0;
  const seen = new PerformanceObserver((l) => { for (const e of l.getEntries()) longest = Math.max(longest, e.duration); });
  seen.observe({ type: 'longtask' });
  const svg = document.querySelector('.map-svg');
  const detailed = () => [...river.querySelectorAll('g > path.river-line')].some((p) => !p.parentElement.hasAttribute('clip-path'));
  const start = performance.now();
  let steps = 0;
  const finish = (ok) => {
    seen.disconnect();
    const files = performance.getEntriesByType('resource').filter((e) => e.name.includes('/detail/'));
    done(ok ? { longest, ms: performance.now() - start, files: files.length, bytes: files.reduce((s, e) => s + e.encodedBodySize, 0) } : null);
  };
  const tick = () => {
    if (steps < 4) {
      const r = jian.getBoundingClientRect();
      svg.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY: -500, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 }));
      steps++;
      return setTimeout(tick, 100);
    }
    if (detailed()) return setTimeout(() => finish(true), 300);
    if (performance.now() - start > 30000) return finish(false);
    setTimeout(tick, 50);
  };
  tick();
`;

// In the page: story mode over the longest article. Opens the reader at its first paragraph,
// waits for it to settle, then scrolls the text from top to bottom, a step a frame for 3
// seconds, as a steady reader's flick would. Returns the frames, the longest task and the
// layout shift seen meanwhile. (The bench reads the main thread's script time around it.)
const SCROLL = `
  const done = arguments[arguments.length - 1];
  const articles = [...document.querySelectorAll('article')];
  if (!articles.length || !document.getElementById('story-bar')) return done(null);
  const longest = articles.reduce((a, b) => (b.querySelectorAll('p[tabindex]').length > a.querySelectorAll('p[tabindex]').length ? b : a));
  const first = longest.querySelector('p[tabindex]');
  location.hash = '#' + first.id;
  setTimeout(() => {
    const panel = document.querySelector('aside');
    const scroller = panel.scrollHeight > panel.clientHeight ? panel : document.scrollingElement;
    const from = scroller.scrollTop;
    const to = longest.getBoundingClientRect().bottom - scroller.getBoundingClientRect().top + scroller.scrollTop;
    let longTask = 0, shift = 0;
    const tasks = new PerformanceObserver((l) => l.getEntries().forEach((e) => (longTask = Math.max(longTask, e.duration))));
    tasks.observe({ type: 'longtask' });
    const shifts = new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) shift += e.value; }));
    shifts.observe({ type: 'layout-shift' });
    const start = performance.now();
    let frames = 0;
    const step = (now) => {
      const t = Math.min(1, (now - start) / 3000);
      frames++;
      scroller.scrollTop = from + (to - from) * t;
      if (t < 1) requestAnimationFrame(step);
      else setTimeout(() => { tasks.disconnect(); shifts.disconnect(); done({ frames, longTask, shift }); }, 100);
    };
    requestAnimationFrame(step);
  }, 1500);
`;

/** One cold load of `url` in Chromium: bytes, first contentful paint and live; with
 * `interact`, then the clicks, the pan, the heap and story mode. */
async function measureLoad(browser, url, setting, interact) {
  const cdp = (cmd, params = {}) => browser.cmd('POST', '/goog/cdp/execute', { cmd, params });
  await cdp('Network.enable');
  await cdp('Network.setCacheDisabled', { cacheDisabled: true });
  // Every load is a first visit: the page's service worker (which serves later visits from its
  // cache) is bypassed.
  await cdp('Network.setBypassServiceWorker', { bypass: true });
  await cdp('Performance.enable');
  await cdp('Network.emulateNetworkConditions', setting
    ? { offline: false, latency: setting.latency, downloadThroughput: setting.down, uploadThroughput: setting.up }
    : { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await cdp('Emulation.setCPUThrottlingRate', { rate: setting ? setting.cpu : 1 });
  await browser.goto('about:blank');
  await browser.goto(url);
  await browser.until(() => browser.script('return window.__bench && window.__bench.live !== undefined'), 'the page to be live', 60000);
  await browser.until(() => browser.script("return performance.getEntriesByName('first-contentful-paint').length > 0"), 'the first paint', 60000);
  const load = await browser.script(`
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const files = [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
      .map((e) => ({ name: e.name.split('/').pop() || 'index.html', bytes: e.encodedBodySize, transfer: e.transferSize }));
    return { fcp: paint ? paint.startTime : null, live: window.__bench.live, files, wasmMemory: window.__bench.wasmMemory || 0, phases: ${PHASES} };`);
  if (!interact) return load;
  const clicks = await browser.cmd('POST', '/execute/async', { script: CLICKS, args: [MARKERS] });
  const metric = async (name) => (await cdp('Performance.getMetrics')).metrics.find((m) => m.name === name).value;
  const before = await metric('TaskDuration');
  const frames = await browser.cmd('POST', '/execute/async', { script: PAN, args: [] });
  const panMs = ((await metric('TaskDuration')) - before) * 1000;
  await cdp('HeapProfiler.collectGarbage');
  const heap = await cdp('Runtime.getHeapUsage');
  const scriptBefore = await metric('ScriptDuration');
  const scroll = await browser.cmd('POST', '/execute/async', { script: SCROLL, args: [] });
  if (scroll) scroll.scriptPerFrame = (((await metric('ScriptDuration')) - scriptBefore) * 1000) / scroll.frames;
  // Zoomed in close on a fresh load: the detail arrives, then the same pan, which fetches and
  // draws detail as it goes.
  let detail = null;
  await browser.goto(url);
  await browser.until(() => browser.script('return window.__bench && window.__bench.live !== undefined'), 'the page to be live', 60000);
  const zoomed = await browser.cmd('POST', '/execute/async', { script: ZOOM, args: [] });
  if (zoomed) {
    const before = await metric('TaskDuration');
    const frames = await browser.cmd('POST', '/execute/async', { script: PAN, args: [] });
    detail = { ...zoomed, panPerFrame: (((await metric('TaskDuration')) - before) * 1000) / frames };
  }
  return { ...load, clicks, panPerFrame: panMs / frames, heap: heap.usedSize, scroll, detail };
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

async function lighthouse(url) {
  const out = join(mkdtempSync(join(tmpdir(), 'yalu-lh-')), 'report.json');
  // Asynchronously: the servers run in this process and must go on answering.
  const run = await new Promise((done) => {
    const child = spawn(LIGHTHOUSE_BIN, [url, '--quiet', '--output=json', `--output-path=${out}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run'],
    { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const timer = setTimeout(() => child.kill(), 180000);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, log });
    });
  });
  if (run.status !== 0) return { error: run.log.slice(-500) };
  let report;
  try {
    report = JSON.parse(readFileSync(out, "utf8"));
  } catch {
    return { error: `no report: ${run.log.slice(-300)}` };
  }
  const scores = Object.fromEntries(Object.entries(report.categories).map(([k, c]) => [k, Math.round(c.score * 100)]));
  const failing = Object.values(report.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id);
  return { scores, failing };
}

const sizes = firstLoad(DIST);
const built = { baseline: await buildBaseline(), leaflet: await buildPeer() };
const sites = {
  atlas: await serve(DIST, '/', { gzip: true }),
  leaflet: await serve(built.leaflet, '/', { gzip: true }),
  baseline: await serve(built.baseline, '/', { gzip: true }),
};
const browser = await launch('chromium');
await browser.cmd('POST', '/goog/cdp/execute', { cmd: 'Page.addScriptToEvaluateOnNewDocument', params: { source: PROBE } });
const results = {};
try {
  for (const [setting, conditions] of Object.entries(SETTINGS)) {
    for (const page of Object.keys(PAGES)) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measureLoad(browser, sites[page].url, conditions, page !== 'leaflet'));
      results[`${setting}/${page}`] = runs;
      process.stderr.write(`measured ${setting} ${page} (${RUNS} loads)\n`);
    }
  }
} finally {
  await browser.quit();
}
const webkit = await webkitLoads({ atlas: sites.atlas.url, leaflet: sites.leaflet.url }, RUNS);
process.stderr.write(`measured WebKit atlas and Leaflet peer (${RUNS} loads each)\n`);
const lh = LIGHTHOUSE ? await lighthouse(sites.atlas.url) : null;
for (const site of Object.values(sites)) await site.close();
for (const dir of Object.values(built)) rmSync(dir, { recursive: true, force: true });

// The report.
const fmt = (v, unit) => (unit === 'B' ? `${Math.round(v)} B` : unit === 'KB' ? `${(v / KB).toFixed(1)} KB` : `${v.toFixed(1)} ms`);
const row = (label, unit, pick) => {
  const line = [label.padEnd(34)];
  for (const setting of Object.keys(SETTINGS)) {
    const a = results[`${setting}/atlas`].flatMap(pick);
    const b = results[`${setting}/baseline`].flatMap(pick);
    if (!a.length) {
      line.push('–'.padEnd(46));
      continue;
    }
    const [am, ap] = [quantile(a, 0.5), quantile(a, 0.95)];
    const vs = b.length ? `(×${(am / quantile(b, 0.5)).toFixed(2)} of ${fmt(quantile(b, 0.5), unit)})` : '(baseline: none)';
    line.push(`${fmt(am, unit)} / ${fmt(ap, unit)} ${vs}`.padEnd(46));
  }
  console.log(line.join(' '));
};
/** Median and p95 of `xs`, one figure when the two agree; a dash when there is none. */
const spread = (xs, unit) => {
  if (!xs.length) return '–';
  const [m, p] = [quantile(xs, 0.5), quantile(xs, 0.95)];
  if (fmt(m, unit) === fmt(p, unit)) return fmt(m, unit);
  return `${fmt(m, unit).replace(/ \S+$/, '')} / ${fmt(p, unit)}`;
};
/** One figure for several pages side by side, from their runs (`runsOf(page)`). */
const sideBySide = (label, unit, pages, runsOf, pick) =>
  console.log([label.padEnd(34), ...pages.map((page) => spread(runsOf(page).flatMap(pick), unit).padEnd(24))].join(' '));
/** Prints where `page`'s time to live went: the median of each step its loads have, in order. */
function whereTheTimeGoes(page, loads) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const steps = STEPS.filter(([, key]) => loads.some((r) => r.phases[key] > 0))
    .map(([name, key]) => `${name} ${median(loads.map((r) => r.phases[key])).toFixed(0)}`);
  steps.push(`live ${median(loads.map((r) => r.live)).toFixed(0)}`);
  console.log(`${`  ${page}: where the time goes`.padEnd(34)} ${steps.join(' → ')} ms`);
}
const SETTING_NAMES = { unthrottled: 'unthrottled', throttled: 'throttled (150 ms RTT, 1.6 Mbps, 4x CPU)' };
const kind = (f) => f.name.split('.').pop();

console.log(`Yalu Border Atlas bench: ${RUNS} cold loads a page and setting, headless Chromium; median / p95`);
for (const setting of Object.keys(SETTINGS)) {
  console.log(`\nloading, ${SETTING_NAMES[setting]}`);
  console.log([''.padEnd(34), ...Object.values(PAGES).map((name) => name.padEnd(24))].join(' '));
  const line = (label, unit, pick) => sideBySide(label, unit, Object.keys(PAGES), (page) => results[`${setting}/${page}`], pick);
  for (const k of ['html', 'css', 'js', 'wasm', 'svg']) {
    line(`bytes: .${k}`, 'B', (r) => {
      const files = r.files.filter((f) => kind(f) === k);
      return files.length ? [files.reduce((s, f) => s + f.bytes, 0)] : [];
    });
  }
  line('bytes: total (gzip bodies)', 'KB', (r) => [r.files.reduce((s, f) => s + f.bytes, 0)]);
  line('first contentful paint', 'ms', (r) => [r.fcp]);
  line('markers clickable (page live)', 'ms', (r) => [r.live]);
  for (const page of ['atlas', 'leaflet']) whereTheTimeGoes(page, results[`${setting}/${page}`]);
}

console.log('\nusing the page: atlas median / p95 (ratio of medians to the baseline page)');
console.log(`${''.padEnd(34)} ${SETTING_NAMES.unthrottled.padEnd(46)} ${SETTING_NAMES.throttled}`);
row('click to page updated, all markers', 'ms', (r) => r.clicks.map((c) => c[0]));
row('click to next frame (wall clock)', 'ms', (r) => r.clicks.map((c) => c[1]));
row('  the same for a click on nothing', 'ms', (r) => r.clicks.map((c) => c[2]));
row('click\'s own time, all markers', 'ms', (r) => r.clicks.map((c) => c[3]));
row('  the same for a click on nothing', 'ms', (r) => r.clicks.map((c) => c[4]));
row('pan: main-thread work per frame', 'ms', (r) => [r.panPerFrame]);
row('zoomed in on Ji\'an: pan, work per frame', 'ms', (r) => (r.detail ? [r.detail.panPerFrame] : []));
row('  the zoom: detail arrived after', 'ms', (r) => (r.detail ? [r.detail.ms] : []));
row('  the zoom: longest task', 'ms', (r) => (r.detail ? [r.detail.longest] : []));
row('  the zoom: detail bytes (gzip)', 'KB', (r) => (r.detail ? [r.detail.bytes] : []));
row('JS heap after load', 'KB', (r) => [r.heap]);
row('story scroll: script per frame', 'ms', (r) => (r.scroll ? [r.scroll.scriptPerFrame] : []));
row('story scroll: longest task', 'ms', (r) => (r.scroll ? [r.scroll.longTask] : []));
console.log(`wasm linear memory after load: ${fmt(quantile(results['unthrottled/atlas'].map((r) => r.wasmMemory), 0.5), 'KB')}`);
console.log('\nfirst load on disk (gzip):');
for (const f of sizes) console.log(`  ${f.kind.padEnd(5)} ${String(f.gzip).padStart(6)} B  ${f.name}`);

const WEBKIT_PAGES = Object.keys(webkit);
console.log(`\nWebKit (MiniBrowser), unthrottled (WebKitWebDriver has no CDP to throttle): ${RUNS} cold loads a page, each in a new session, through the e2e suite's recording proxy (pages uncompressed); median / p95`);
console.log([''.padEnd(34), ...WEBKIT_PAGES.map((page) => PAGES[page].padEnd(24))].join(' '));
if (WEBKIT_PAGES.some((page) => webkit[page].some((r) => r.fcp !== null))) {
  sideBySide('first contentful paint', 'ms', WEBKIT_PAGES, (page) => webkit[page], (r) => (r.fcp === null ? [] : [r.fcp]));
} else console.log(`${'first contentful paint'.padEnd(34)} (WebKit gave no paint entry)`);
sideBySide('markers clickable (page live)', 'ms', WEBKIT_PAGES, (page) => webkit[page], (r) => [r.live]);
for (const page of WEBKIT_PAGES) whereTheTimeGoes(page, webkit[page]);

// Budgets.
const med = (key, pick) => quantile(results[key].flatMap(pick), 0.5);
const p95 = (key, pick) => quantile(results[key].flatMap(pick), 0.95);
const total = sizes.reduce((s, f) => s + f.gzip, 0);
const wasm = sizes.find((f) => f.kind === 'wasm').gzip;
const checks = [
  [`total first load ${(total / KB).toFixed(1)} KB ≤ ${BUDGET.total.hard / KB} KB (aim ${BUDGET.total.aim / KB})`, total <= BUDGET.total.hard, total <= BUDGET.total.aim],
  [`wasm ${(wasm / KB).toFixed(1)} KB ≤ ${BUDGET.wasm.hard / KB} KB (aim ${BUDGET.wasm.aim / KB})`, wasm <= BUDGET.wasm.hard, wasm <= BUDGET.wasm.aim],
  ...(() => {
    const fa = med('throttled/atlas', (r) => [r.fcp]);
    const fb = med('throttled/baseline', (r) => [r.fcp]);
    const fl = med('throttled/leaflet', (r) => [r.fcp]);
    return [
      [`throttled FCP ${fa.toFixed(0)} ms ≤ 1.2 × baseline ${fb.toFixed(0)} ms`, fa <= 1.2 * fb],
      [`throttled FCP of the atlas ${fa.toFixed(0)} ms ≤ the Leaflet page's ${fl.toFixed(0)} ms (medians)`, fa <= fl],
    ];
  })(),
  ...[['unthrottled', 16], ['throttled', 50]].map(([setting, limit]) => {
    const own = p95(`${setting}/atlas`, (r) => r.clicks.map((c) => c[3]));
    const wall = p95(`${setting}/atlas`, (r) => r.clicks.map((c) => c[1]));
    const floor = p95(`${setting}/atlas`, (r) => r.clicks.map((c) => c[2]));
    const base = p95(`${setting}/baseline`, (r) => r.clicks.map((c) => c[3]));
    return [`click to next frame p95 ${setting}: own time ${own.toFixed(1)} ms ≤ ${limit} ms (baseline page ${base.toFixed(1)} ms; wall clock ${wall.toFixed(1)} ms, of which a click on nothing waits ${floor.toFixed(1)} ms)`, own <= limit];
  }),
  (() => { const v = med('throttled/atlas', (r) => [r.panPerFrame]); return [`pan main-thread per frame throttled ${v.toFixed(1)} ms ≤ 8 ms`, v <= 8]; })(),
  (() => { const v = med('throttled/atlas', (r) => (r.detail ? [r.detail.panPerFrame] : [])); return [`pan zoomed in on Ji'an, detail drawn as it goes, throttled ${v.toFixed(1)} ms ≤ 8 ms a frame`, v <= 8]; })(),
  (() => { const v = Math.max(...results['throttled/atlas'].map((r) => (r.detail ? r.detail.longest : Infinity))); return [`zoom into Ji'an throttled: longest task ${v.toFixed(0)} ms ≤ 50 ms (worst)`, v <= 50]; })(),
  (() => { const v = Math.max(...results['unthrottled/atlas'].map((r) => (r.detail ? r.detail.bytes : Infinity))); return [`zoom into Ji'an: ${(v / 1000).toFixed(1)} KB of detail ≤ 30 KB (worst)`, v <= 30000]; })(),
  (() => { const v = med('unthrottled/atlas', (r) => [r.heap]); return [`JS heap ${(v / 1e6).toFixed(2)} MB ≤ 2.5 MB`, v <= 2.5e6]; })(),
];
const scrolls = results['throttled/atlas'].map((r) => r.scroll).filter(Boolean);
if (scrolls.length) {
  const script = quantile(scrolls.map((x) => x.scriptPerFrame), 0.5);
  const longest = Math.max(...scrolls.map((x) => x.longTask));
  const shift = Math.max(...scrolls.map((x) => x.shift));
  checks.push([`story scroll throttled: script ${script.toFixed(2)} ms a frame ≤ 4 ms (median; the scroll's own stepping included)`, script <= 4]);
  checks.push([`story scroll throttled: longest task ${longest.toFixed(0)} ms ≤ 50 ms (worst of ${scrolls.length})`, longest <= 50]);
  checks.push([`story scroll throttled: layout shift ${shift.toFixed(4)} = 0 (worst)`, shift === 0]);
} else checks.push(['story scroll: the page has no story mode to measure', false]);
{
  const loads = Object.values(webkit).flat();
  const warm = loads.filter((r) => r.cached.length);
  checks.push([`WebKit loads cold: ${loads.length - warm.length} of ${loads.length} took every file from the network${warm.length ? ` (from a cache: ${[...new Set(warm.flatMap((r) => r.cached))].join(', ')})` : ''}`, !warm.length]);
}
const requested = new Set(results['unthrottled/atlas'].flatMap((r) => r.files.map(kind)));
checks.push([`requests only html, js, wasm, svg (${[...requested].sort().join(', ')})`, [...requested].every((k) => ['html', 'js', 'wasm', 'svg'].includes(k))]);
if (lh) {
  if (lh.error || !lh.scores) checks.push([`Lighthouse did not run: ${lh.error ?? 'no scores'}`, false]);
  else {
    const s = lh.scores;
    checks.push([`Lighthouse mobile: performance ${s.performance} ≥ 98, accessibility ${s.accessibility}, best practices ${s['best-practices']}, SEO ${s.seo} = 100`,
      s.performance >= 98 && s.accessibility === 100 && s['best-practices'] === 100 && s.seo === 100]);
    if (lh.failing.length) console.log(`\nLighthouse audits not passed: ${lh.failing.join(', ')}`);
  }
}
console.log('\nbudgets:');
for (const [text, ok, aim] of checks) console.log(`  ${ok ? (aim === false ? 'met (aim not)' : 'met  ') : 'MISSED'}  ${text}`);
for (const m of overBudget(sizes)) console.log(`  ${m}`);
