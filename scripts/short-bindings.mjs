// Build step, on Trunk's staging folder (or the folder given), before the pre-render: gives the
// wasm's imports and wasm-bindgen's own exports short names, in the wasm and its JavaScript glue
// together, and updates the wasm's integrity in index.html.
//
// wasm-bindgen names each import after its JavaScript function and a hash
// (`__wbg_getBoundingClientRect_329ca748ec918b0c`), and its closures' exports after a hash too.
// Each of some 170 such names stands twice in a first load, once in the wasm and once in the
// glue, and the hashes do not compress: renaming them to `a`, `b`, … saves about 5 KB of gzip.
// The islands' exports and `go_live`, which the bootstrap calls by name through the glue, and
// the memory keep their names. Only the import and export sections change; every other byte of
// the wasm stays.
// (Binaryen's `--minify-imports-and-exports` pass would rename the islands too, and rewrites the
// whole module, which then compresses 400 bytes worse.)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editModule, stagedWasm } from './wasm-module.mjs';

const { dir, fail, wasmFile, glueFile } = stagedWasm('short-bindings.mjs');
const indexFile = 'index.html';

/** Short names in order: a … z, A … Z, then two characters, and so on; never `__proto__`. */
function* shortNames() {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (let width = 1; ; width++) {
    const count = letters.length ** width;
    for (let i = 0; i < count; i++) {
      let name = '';
      for (let n = i, k = 0; k < width; k++, n = Math.floor(n / letters.length)) name = letters[n % letters.length] + name;
      yield name;
    }
  }
}

const wasm = readFileSync(join(dir, wasmFile));
let glue = readFileSync(join(dir, glueFile), 'utf8');

// The names to keep: what the glue exports by the wasm export's own name, and the memory, which
// the page's start event hands out with the exports (as Trunk's does; the bench reads its size).
const kept = new Set([...glue.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]).concat('memory'));
const modules = new Map();
const imports = new Map();
const exports = new Map();
const importNames = shortNames();
const exportNames = shortNames();

const shortWasm = editModule(
  wasm,
  {
    imports: (module, field) => {
      if (module === 'a') fail(wasmFile, 'its imports have short names already: this step has run on it');
      if (!modules.has(module)) modules.set(module, modules.size === 0 ? 'a' : fail(wasmFile, `imports from a second module, ${module}`));
      if (imports.has(field)) fail(wasmFile, `imports ${field} twice`);
      const short = importNames.next().value;
      imports.set(field, short);
      return [modules.get(module), short];
    },
    exports: (field) => {
      if (kept.has(field)) return field;
      let short;
      do short = exportNames.next().value;
      while (kept.has(short));
      exports.set(field, short);
      return short;
    },
  },
  (message) => fail(wasmFile, message),
);

// The glue: each import is a key of the imports object, once; each export is read as `wasm.NAME`,
// and in no other way this step would miss.
const unseen = glue.match(/\bwasm\s*\[|\}\s*=\s*wasm\b|\binstance\.exports\.\w/);
if (unseen) fail(glueFile, `reads the wasm's exports as \`${unseen[0]}\`, which this step cannot rename`);
for (const [module, short] of modules) {
  const key = JSON.stringify(module);
  if (glue.split(`${key}:`).length !== 2) fail(glueFile, `the imports object has no single key ${key}`);
  glue = glue.replace(`${key}:`, `${short}:`);
}
for (const [field, short] of imports) {
  const key = new RegExp(`(?<![\\w$])${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=:)`, 'g');
  const found = glue.match(key)?.length ?? 0;
  if (found !== 1) fail(glueFile, `the wasm imports ${field}, which the glue's imports object has ${found} times`);
  glue = glue.replace(key, short);
}
glue = glue.replace(/\bwasm\.([\w$]+)/g, (whole, field) => (exports.has(field) ? `wasm.${exports.get(field)}` : whole));

// Every export the glue reads is one the short wasm has.
let compiled;
try {
  compiled = new WebAssembly.Module(shortWasm);
} catch (e) {
  fail(wasmFile, `the renamed module does not compile: ${e.message}`);
}
const exported = new Set(WebAssembly.Module.exports(compiled).map((e) => e.name));
for (const [, field] of glue.matchAll(/\bwasm\.([\w$]+)/g)) {
  if (!exported.has(field)) fail(glueFile, `reads wasm.${field}, which the wasm does not export`);
}

// The wasm's preload link pins it by its hash; the pre-render copies that into the bootstrap.
let index = readFileSync(join(dir, indexFile), 'utf8');
const link = new RegExp(`(<link[^>]*href="\\./${wasmFile.replace(/[.]/g, '\\.')}"[^>]*integrity=")sha384-[^"]+"`);
if (!link.test(index)) fail(indexFile, `no preload link with an integrity for ${wasmFile}`);
index = index.replace(link, `$1sha384-${createHash('sha384').update(shortWasm).digest('base64')}"`);

writeFileSync(join(dir, wasmFile), shortWasm);
writeFileSync(join(dir, glueFile), glue);
writeFileSync(join(dir, indexFile), index);
console.log(`${wasmFile}: ${imports.size} imports and ${exports.size} exports renamed, ${wasm.length - shortWasm.length} bytes fewer`);
