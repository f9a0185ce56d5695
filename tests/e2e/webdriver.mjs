// A small W3C WebDriver client for Debian's Chromium (chromedriver) and Firefox ESR (geckodriver),
// with a WebDriver BiDi channel that collects console messages and uncaught errors.
// Needs Node's WebSocket (node --experimental-websocket on Node 20).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

/** Starts a driver and a browser session; resolves to a Browser. `javascript: false` starts
 * the browser with JavaScript switched off, as some readers have it. */
export async function launch(name, { javascript = true } = {}) {
  const spec = BROWSERS[name];
  const port = await freePort();
  const driver = spawn(spec.driver, spec.args(port), { stdio: ['ignore', 'pipe', 'pipe'] });
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
  constructor(name, base, session, driver, profile) {
    Object.assign(this, { name, base, session, driver, profile });
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
    return this.cmd('GET', `/element/${el}/computedlabel`);
  }

  role(el) {
    return this.cmd('GET', `/element/${el}/computedrole`);
  }

  text(el) {
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
      this.driver.kill();
      rmSync(this.profile, { recursive: true, force: true });
    }
  }
}
