// Checks the README's serve command: `trunk serve --release` (on a spare port) builds the page,
// pre-rendered with its stylesheet inline, and serves it with its script and WebAssembly. Run by scripts/test.sh.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const port = await new Promise((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => ok(port));
  });
});
const trunk = spawn('trunk', ['serve', '--release', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
let log = '';
trunk.stdout.on('data', (d) => (log += d));
trunk.stderr.on('data', (d) => (log += d));
const url = `http://127.0.0.1:${port}/`;
const fail = (what) => {
  console.error(`serve-check: ${what}\n--- trunk serve said:\n${log.slice(-3000)}`);
  process.kill(-trunk.pid, 'SIGTERM');
  process.exit(1);
};

// The first build with tools and target/ present takes seconds; a cold one, minutes.
const deadline = Date.now() + 600_000;
let html = null;
while (html === null) {
  if (Date.now() > deadline) fail(`${url} did not serve the built page within 10 minutes`);
  if (/ERROR|error from build pipeline/.test(log)) fail('the build failed');
  if (trunk.exitCode !== null) fail(`trunk serve exited with status ${trunk.exitCode}`);
  try {
    const res = await fetch(url);
    const body = await res.text();
    if (res.ok && body.includes('id="marker-')) html = body;
  } catch {
    // Not listening yet.
  }
  if (html === null) await new Promise((ok) => setTimeout(ok, 500));
}
if (!html.includes('http-equiv="Content-Security-Policy"')) fail(`${url} has no Content-Security-Policy`);
if (/<script(?![^>]*type="module")[^>]*>[^<]/.test(html)) fail(`${url} has an inline script besides the bootstrap`);
if (!/<style>[^<]+<\/style>/.test(html)) fail(`${url} has no inline stylesheet`);
for (const ext of ['js', 'wasm']) {
  const name = html.match(new RegExp(`[\\w.-]+\\.${ext}(?=["'])`))?.[0];
  if (!name) fail(`${url} names no .${ext} file`);
  const res = await fetch(new URL(name, url));
  if (!res.ok) fail(`${name}: HTTP ${res.status}`);
}
process.kill(-trunk.pid, 'SIGTERM');
console.log(`trunk serve --release answered ${url} with the pre-rendered page and its stylesheet, its script and WebAssembly`);
