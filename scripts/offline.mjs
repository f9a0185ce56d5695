// The page's offline support, written into a built dist/ by scripts/finish-dist.mjs: the few
// lines that register the service worker (appended to the JavaScript glue) and the worker,
// dist/sw.js, with the build's files and their hashes (scripts/service-worker.js).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

/** The worker's file name in dist/. */
export const WORKER = 'sw.js';

/**
 * Registers dist/sw.js, found beside the glue (so it works under any sub-path), once the page
 * has loaded: never without JavaScript, and only after the page's own files are in the
 * browser's HTTP cache, where the worker takes its copy from. When the host has removed sw.js
 * (the off switch, see the README), a 404 on the worker unregisters any worker this reader
 * already has; a network error (offline) leaves it alone.
 */
export const REGISTER = `if("serviceWorker"in navigator){const c=navigator.serviceWorker,u=new URL("${WORKER}",import.meta.url),g=()=>c.register(u).then(r=>c.controller&&r.update()).catch(()=>fetch(u,{method:"HEAD"}).then(r=>r.status==404&&c.getRegistration(u)).then(r=>r&&r.unregister()).catch(()=>{}));document.readyState=="complete"?g():addEventListener("load",g,{once:!0})}`;

/** The files of `dir` a first load needs, which the worker keeps: the page and its assets. */
export function precached(dir) {
  return readdirSync(dir)
    .filter((f) => /\.(html|js|wasm|css|svg)$/.test(f) && f !== WORKER)
    .sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a < b ? -1 : 1));
}

/** Writes `dir`/sw.js for the files in `dir` as they are now; returns the build's version. */
export async function writeWorker(dir) {
  const files = precached(dir).map((f) => [f, `sha256-${createHash('sha256').update(readFileSync(join(dir, f))).digest('base64')}`]);
  const build = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);
  const template = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8');
  const source = template.replace('/*FILES*/ []', JSON.stringify(files)).replace("/*BUILD*/ ''", JSON.stringify(build));
  // The worker is a script of its own: its top-level names are nobody else's, so they are mangled too.
  const out = await minify(source, { compress: { passes: 2 }, mangle: { toplevel: true }, format: { comments: false } });
  if (!out.code) throw new Error(`${join(dir, WORKER)}: terser returned no code`);
  writeFileSync(join(dir, WORKER), out.code);
  return build;
}
