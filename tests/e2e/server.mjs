// A static file server for dist/, on 127.0.0.1 only, optionally under a sub-path (as on a
// project page of a static host). Serves exactly what is on disk: no rewrites, no fallbacks.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipBest } from '../../scripts/gzip.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

/** Writes the `.gz` copy that `serve(…, { gzip: true })` sends beside each file of `dir`, as
 * the build writes its own (scripts/gzip.mjs). */
export async function writeGzipCopies(dir) {
  for (const f of readdirSync(dir)) writeFileSync(join(dir, `${f}.gz`), await gzipBest(readFileSync(join(dir, f))));
}

/** Serves `root` below `prefix` (default `/`); resolves to { url, requests, release, close }.
 * `refuse` is a file ending (e.g. `.wasm`) answered with 404, to play a host or browser that
 * cannot deliver it. `hold` is a file ending whose requests wait until `release()` (or
 * `close()`), to play a slow network for that file alone. With `gzip`, a file's pre-compressed
 * `.gz` copy is sent to browsers that accept it, as static hosts do. `pages` maps a path below
 * `prefix` to a test's own HTML document, served beside the build (no-cache); a POST to any
 * path is recorded in `posts` (path and body) and answered 204. */
export async function serve(root, prefix = '/', { refuse, hold, gzip = false, pages = {} } = {}) {
  const requests = [];
  const posts = [];
  let release;
  const released = new Promise((ok) => { release = ok; });
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (req.method === 'POST') {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        posts.push({ path, body });
        res.writeHead(204).end();
      });
      return;
    }
    if (hold && path.endsWith(hold)) await released;
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    if (refuse && path.endsWith(refuse)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = path.slice(prefix.length);
    if (Object.hasOwn(pages, rel)) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' }).end(pages[rel]);
      return;
    }
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(normalize(root) + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': file.endsWith('.html') || file.includes(`${sep}detail${sep}`) ? 'no-cache' : 'max-age=31536000, immutable' };
      let body;
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = await readFile(`${file}.gz`).catch(() => null);
        if (body) Object.assign(headers, { 'content-encoding': 'gzip', vary: 'accept-encoding' });
      }
      body ??= await readFile(file);
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    posts,
    release,
    // Also ends open keep-alive connections: a closed server refuses the next request at once.
    close: () => new Promise((ok) => { release(); server.close(ok); server.closeAllConnections(); }),
  };
}
