// A small W3C WebDriver client for Debian's Chromium (chromedriver), Firefox ESR (geckodriver)
// and WebKitGTK's MiniBrowser (WebKitWebDriver, under Xvfb). In Chromium and Firefox a WebDriver
// BiDi channel collects console messages, uncaught errors and requests; WebKitWebDriver speaks
// classic WebDriver only, so there the browser goes through a recording proxy of the test's own
// (every request, any origin) that also serves a page a small probe script (probe.js) reporting
// console errors, uncaught errors and policy violations from the first moment of the load.
// Needs Node's WebSocket (node --experimental-websocket on Node 20).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'; // the W3C web element key

async function freePort() {
  const srv = createServer();
  await new Promise((ok) => srv.listen(0, '127.0.0.1', ok));
  const { port } = srv.address();
  await new Promise((ok) => srv.close(ok));
  return port;
}

const BROWSERS = {
  chromium: {
    driver: '/usr/bin/chromedriver',
    args: (port) => [`--port=${port}`],
    capabilities: (profile) => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: '/usr/bin/chromium',
        args: [
          '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
          `--user-data-dir=${profile}`, '--window-size=1280,800',
        ],
      },
    }),
  },
  webkit: {
    // xvfb-run gives MiniBrowser a display; the whole process group is ended on quit.
    driver: 'xvfb-run',
    args: (port) => ['-a', '/usr/bin/WebKitWebDriver', `--port=${port}`],
    group: true,
    bidi: false,
    capabilities: (profile, { javascript, proxy }) => ({
      browserName: 'MiniBrowser',
      proxy: { proxyType: 'manual', httpProxy: proxy, noProxy: [] },
      'webkitgtk:browserOptions': {
        binary: miniBrowser(),
        args: ['--automation', `--enable-javascript=${javascript}`],
      },
    }),
  },
  firefox: {
    driver: process.env.GECKODRIVER ?? 'geckodriver',
    args: (port) => ['--port', String(port), '--binary', '/usr/bin/firefox-esr'],
    capabilities: (profile) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        args: ['-headless', '-profile', profile, '-width', '1280', '-height', '800'],
        prefs: {
          // Keep Firefox from reaching out to the network on its own.
          'app.update.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
          'browser.safebrowsing.malware.enabled': false,
          'browser.safebrowsing.phishing.enabled': false,
        },
      },
    }),
  },
};

/** MiniBrowser's path, from the package that ships it. */
function miniBrowser() {
  const files = execFileSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' }).split('\n');
  const found = files.find((f) => f.endsWith('/MiniBrowser'));
  if (!found) throw new Error('libwebkit2gtk-4.1-0 ships no MiniBrowser');
  return found;
}

const PROBE = readFileSync(new URL('./probe.js', import.meta.url));

/**
 * An HTTP proxy on 127.0.0.1 that records every request's URL in `browser.requests`, answers
 * the probe's reports (`__yalu-log`) into `browser.log`, serves the probe (`__yalu-probe.js`)
 * and puts it first into every page a navigation asks for (after the policy, which allows it
 * as a script of the page's own origin). Other requests, the service worker's among them, get
 * the files as they are. Resolves to { address, close }.
 */
async function recordingProxy(browser) {
  let doc = 0; // the pages served, numbered
  const server = createHttpServer((req, res) => {
    const url = new URL(req.url);
    if (url.pathname.endsWith('/__yalu-log')) {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        try {
          const { doc: from, level, text } = JSON.parse(body);
          if (Number(from) === doc) browser.log.push({ type: 'probe', level, text });
        } catch {
          /* not a report */
        }
        res.writeHead(204).end();
      });
      return;
    }
    if (url.pathname.endsWith('/__yalu-probe.js')) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(PROBE);
      return;
    }
    browser.requests.push(req.url);
    const page = req.method === 'GET' && /text\/html/.test(req.headers.accept ?? '');
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    if (page) delete headers['accept-encoding'];
    const upstream = httpRequest({ host: url.hostname, port: url.port || 80, path: url.pathname + url.search, method: req.method, headers }, (up) => {
      if (!page || !/text\/html/.test(up.headers['content-type'] ?? '')) {
        res.writeHead(up.statusCode, up.headers);
        up.pipe(res);
        return;
      }
      const chunks = [];
      up.on('data', (d) => chunks.push(d));
      up.on('end', () => {
        let html = Buffer.concat(chunks).toString('utf8');
        const policy = html.search(/<meta http-equiv="Content-Security-Policy"[^>]*>/);
        const at = policy >= 0 ? html.indexOf('>', policy) + 1 : html.indexOf('<head>') + '<head>'.length;
        html = `${html.slice(0, at)}<script src="__yalu-probe.js?doc=${++doc}"></script>${html.slice(at)}`;
        const out = { ...up.headers };
        delete out['content-length'];
        res.writeHead(up.statusCode, { ...out, 'content-length': Buffer.byteLength(html) });
        res.end(html);
      });
    });
    // No server there: the browser sees a network error, as it would without the proxy.
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    address: `127.0.0.1:${server.address().port}`,
    close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }),
  };
}

/** Starts a driver and a browser session; resolves to a Browser. `javascript: false` starts
 * the browser with JavaScript switched off, as some readers have it. */
export async function launch(name, { javascript = true } = {}) {
  const spec = BROWSERS[name];
  const port = await freePort();
  const driver = spawn(spec.driver, spec.args(port), { stdio: ['ignore', 'pipe', 'pipe'], detached: !!spec.group });
  let driverLog = '';
  driver.stdout.on('data', (d) => (driverLog += d));
  driver.stderr.on('data', (d) => (driverLog += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(`${base}/status`);
      if ((await r.json()).value.ready) break;
    } catch {
      /* not listening yet */
    }
    if (i > 100) throw new Error(`${name} driver did not start:\n${driverLog}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const profile = mkdtempSync(join(tmpdir(), `yalu-${name}-`));
  if (spec.bidi === false) {
    const browser = new Browser(name, base, undefined, driver, profile, spec.group);
    browser.proxy = await recordingProxy(browser);
    const capabilities = spec.capabilities(profile, { javascript, proxy: browser.proxy.address });
    const created = await request(base, 'POST', '/session', { capabilities: { alwaysMatch: { ...capabilities, unhandledPromptBehavior: 'ignore' } } });
    browser.session = created.sessionId;
    await browser.setWindowSize(1280, 800);
    return browser;
  }
  const capabilities = spec.capabilities(profile);
  if (!javascript) {
    if (name === 'chromium') capabilities['goog:chromeOptions'].prefs = { 'profile.managed_default_content_settings.javascript': 2 };
    else capabilities['moz:firefoxOptions'].prefs['javascript.enabled'] = false;
  }
  const created = await request(base, 'POST', '/session', {
    capabilities: { alwaysMatch: { ...capabilities, webSocketUrl: true, unhandledPromptBehavior: 'ignore' } },
  });
  const browser = new Browser(name, base, created.sessionId, driver, profile);
  await browser.openBidi(created.capabilities.webSocketUrl);
  return browser;
}

async function request(base, method, path, body) {
  const r = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
  return json.value;
}

export class Browser {
  constructor(name, base, session, driver, profile, group = false) {
    Object.assign(this, { name, base, session, driver, profile, group });
    this.log = []; // { level, type, text } from the page's console and uncaught errors
    this.requests = []; // every URL the page requested
  }

  async openBidi(url) {
    this.ws = new WebSocket(url);
    await new Promise((ok, fail) => {
      this.ws.onopen = ok;
      this.ws.onerror = () => fail(new Error(`BiDi connection to ${url} failed`));
    });
    this.ws.onmessage = (m) => {
      const msg = JSON.parse(m.data);
      if (msg.method === 'network.beforeRequestSent') this.requests.push(msg.params.request.url);
      if (msg.method === 'log.entryAdded') {
        const { level, type, text } = msg.params;
        this.log.push({ level, type, text });
      }
    };
    await new Promise((ok) => {
      const id = 1;
      const done = (m) => JSON.parse(m.data).id === id && ok();
      this.ws.addEventListener('message', done);
      this.ws.send(JSON.stringify({ id, method: 'session.subscribe', params: { events: ['log.entryAdded', 'network.beforeRequestSent'] } }));
    });
  }

  cmd(method, path, body) {
    return request(this.base, method, `/session/${this.session}${path}`, body);
  }

  /** Console errors and uncaught exceptions seen so far. */
  errors() {
    return this.log.filter((e) => e.level === 'error');
  }

  async goto(url) {
    await this.cmd('POST', '/url', { url });
  }

  async setWindowSize(width, height) {
    await this.cmd('POST', '/window/rect', { width, height });
  }

  async findAll(css) {
    const els = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return els.map((e) => e[ELEMENT]);
  }

  label(el) {
    return this.accessible(el, 'computedlabel');
  }

  role(el) {
    return this.accessible(el, 'computedrole');
  }

  /** An element's computed role or label. WebKitWebDriver computes them for elements that are
   * not rendered (in a display: none or visibility: hidden part of the page, which no reader
   * perceives and no assistive technology is given), or answers an error; as Chromium and
   * Firefox do, such an element has none here. */
  async accessible(el, what) {
    if (this.name === 'webkit') {
      const rendered = await this.script('return arguments[0].checkVisibility({ visibilityProperty: true })', this.ref(el));
      if (!rendered) return '';
    }
    return this.cmd('GET', `/element/${el}/${what}`);
  }

  /** An element's text as rendered (what a reader sees, with its line breaks). WebKitWebDriver's
   * element text runs blocks together with no line break and gives nothing for a region shown
   * to assistive technology only (clipped to a pixel); there the rendered text is the
   * element's `innerText`, which WebKit computes as the other browsers' drivers do. */
  text(el) {
    if (this.name === 'webkit') return this.script('return arguments[0].innerText', this.ref(el));
    return this.cmd('GET', `/element/${el}/text`);
  }

  /** Whether the element is shown (WebDriver's "is displayed"). */
  displayed(el) {
    return this.cmd('GET', `/element/${el}/displayed`);
  }

  attribute(el, name) {
    return this.cmd('GET', `/element/${el}/attribute/${name}`);
  }

  click(el) {
    return this.cmd('POST', `/element/${el}/click`, {});
  }

  /** An element as a script argument. */
  ref(el) {
    return { [ELEMENT]: el };
  }

  script(source, ...args) {
    return this.cmd('POST', '/execute/sync', { script: source, args });
  }

  /** Sends keys to the focused element, e.g. keys('\uE007') for Enter. */
  keys(text) {
    return this.cmd('POST', '/actions', {
      actions: [{ type: 'key', id: 'keyboard', actions: [...text].flatMap((k) => [{ type: 'keyDown', value: k }, { type: 'keyUp', value: k }]) }],
    });
  }

  /** Pointer actions at viewport coordinates. */
  pointer(actions) {
    return this.cmd('POST', '/actions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
  }

  /** Clicks at viewport coordinates; with `holding` (a WebDriver key, e.g. '\uE009' for
   * Control), with that key held down through the click. */
  async clickAt(x, y, { holding } = {}) {
    const click = [
      { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
      { type: 'pointerDown', button: 0 },
      { type: 'pointerUp', button: 0 },
    ];
    if (!holding) return this.pointer(click);
    // One tick an action: the key goes down with the move and up after the click.
    await this.cmd('POST', '/actions', {
      actions: [
        { type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: holding }, { type: 'pause' }, { type: 'pause' }, { type: 'keyUp', value: holding }] },
        { type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [...click, { type: 'pause' }] },
      ],
    });
    await this.cmd('DELETE', '/actions');
  }

  /**
   * Clicks the middle of an element with real pointer input, as a reader would: hit testing
   * decides what receives it. (geckodriver's Element Click cannot target SVG groups.) Options
   * as for `clickAt`.
   */
  async clickCentre(el, options) {
    const r = await this.script('return arguments[0].getBoundingClientRect().toJSON();', this.ref(el));
    await this.clickAt(r.x + r.width / 2, r.y + r.height / 2, options);
  }

  /** Polls `probe` until it returns a truthy value, or fails after `ms`. */
  async until(probe, what, ms = 10000) {
    const end = Date.now() + ms;
    for (;;) {
      const v = await probe().catch(() => undefined);
      if (v) return v;
      if (Date.now() > end) throw new Error(`${this.name}: timed out waiting for ${what}`);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }

  async quit() {
    try {
      this.ws?.close();
      await this.cmd('DELETE', '');
    } finally {
      await this.proxy?.close();
      if (this.group) endGroup(this.driver);
      else this.driver.kill();
      rmSync(this.profile, { recursive: true, force: true });
    }
  }
}

/**
 * Opens `urls` in MiniBrowser as a reader's WebKit runs, without WebDriver: a profile of its
 * own on disk, so with WebKit's HTTP cache. (Under WebDriver MiniBrowser runs an ephemeral
 * session, whose cache keeps only what `fetch()` loaded, in memory.) Resolves to { quit }.
 */
export async function openInMiniBrowser(urls) {
  const profile = mkdtempSync(join(tmpdir(), 'yalu-minibrowser-'));
  const env = { ...process.env, XDG_CACHE_HOME: join(profile, 'cache'), XDG_DATA_HOME: join(profile, 'data'), XDG_CONFIG_HOME: join(profile, 'config') };
  const browser = spawn('xvfb-run', ['-a', miniBrowser(), ...urls], { detached: true, stdio: 'ignore', env });
  return {
    quit() {
      endGroup(browser);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Ends `child`, started `detached`, with every process of its group (xvfb-run's display too). */
function endGroup(child) {
  try {
    process.kill(-child.pid);
  } catch {
    /* already gone */
  }
}
