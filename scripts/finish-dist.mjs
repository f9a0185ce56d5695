// Last step of the build, on Trunk's staging folder (or the folder given): minifies Trunk's
// JavaScript glue with terser, appends the service worker's registration to it and updates its
// integrity hash in index.html; writes the service worker (sw.js) with the hash of every file;
// then writes a gzip (.gz) and a brotli (.br) copy beside each file, for hosts that serve them
// as they are.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { gzipBest } from './gzip.mjs';
import { REGISTER, WORKER, writeWorker } from './offline.mjs';

/** The detail drawings' folder in dist/ (`yalu_model::DETAIL_DIR`). */
const DETAIL_DIR = 'detail';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('usage: finish-dist.mjs DIST (or run from Trunk, which sets TRUNK_STAGING_DIR)');
  process.exit(2);
}
const fail = (file, message) => {
  console.error(`error: ${join(dir, file)}: ${message}`);
  process.exit(1);
};

const indexFile = 'index.html';
let index = readFileSync(join(dir, indexFile), 'utf8');
const files = readdirSync(dir);
const scripts = files.filter((f) => f.endsWith('.js') && f !== WORKER);
if (scripts.length !== 1) fail(indexFile, `expected one JavaScript file beside it, found ${scripts.length}`);
for (const name of scripts) {
  const source = readFileSync(join(dir, name), 'utf8');
  const out = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!out.code) fail(name, 'terser returned no code');
  out.code += `;${REGISTER}`;
  writeFileSync(join(dir, name), out.code);
  // The modulepreload link pins the file by its hash: it must be the minified file's.
  const integrity = `sha384-${createHash('sha384').update(out.code).digest('base64')}`;
  const link = new RegExp(`(href="\\./${name.replace(/[.]/g, '\\.')}"[^>]*integrity=")sha384-[^"]+"`);
  if (!link.test(index)) fail(indexFile, `no integrity attribute for ${name}`);
  index = index.replace(link, `$1${integrity}"`);
}
writeFileSync(join(dir, indexFile), index);
await writeWorker(dir);

// The page's files, and the detail drawings in their folders. The first load's few files get
// Zopfli's smallest gzip; the detail drawings, hundreds of small files fetched as the reader
// zooms in, zlib's best: Zopfli would take the build a minute more to save 3 % of them.
const compressible = readdirSync(dir, { recursive: true }).filter((name) => /\.(html|js|wasm|css|svg|txt)$/.test(name) && name !== 'robots.txt');
for (const name of compressible) {
  const body = readFileSync(join(dir, name));
  const detail = name.startsWith(`${DETAIL_DIR}/`);
  writeFileSync(join(dir, `${name}.gz`), detail ? gzipSync(body, { level: 9 }) : await gzipBest(body));
  writeFileSync(
    join(dir, `${name}.br`),
    brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  );
}
