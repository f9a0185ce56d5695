// Build step, on Trunk's staging folder (or the folder given), before short-bindings.mjs: takes
// out of the wasm and its JavaScript glue what the page never calls, then optimizes the wasm with
// Binaryen's wasm-opt.
//
// wasm-bindgen turns every exported struct of every dependency into a class of the glue, and its
// methods into exports of the wasm, which keep their code alive. Leptos' server functions bring
// three such classes from wasm-streams (IntoUnderlyingSource and its kin, for streamed bodies).
// The page has no server functions, and its bootstrap calls only the islands, `go_live` and the
// glue's init function: the classes leave the glue, their methods leave the wasm's exports, and
// wasm-opt then drops the code only they reached (about 1.6 KB of gzip). An import that the
// optimized wasm no longer has leaves the glue's imports object.
//
// wasm-opt runs here, once, on the trimmed module, not in Trunk (index.html sets
// data-wasm-opt="0"). Its flags:
// - `-Os`: its output is larger than -Oz's but compresses smaller (400 bytes of gzip here);
// - `--low-memory-unused`: Rust's stack sits below 1 MiB and grows down, its data lie above, so
//   the first kilobyte of memory is never addressed, and constant offsets fold into loads and
//   stores (800 bytes of gzip);
// - `--strip-producers --strip-target-features`: custom sections no browser reads.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editModule, stagedWasm } from './wasm-module.mjs';

const WASM_OPT = ['-Os', '--low-memory-unused', '--strip-producers', '--strip-target-features'];

const { dir, fail, wasmFile, glueFile } = stagedWasm('optimize-wasm.mjs');
const wasmPath = join(dir, wasmFile);
let glue = readFileSync(join(dir, glueFile), 'utf8');

/** Cuts the first match of `pattern` out of the glue and gives it back; fails if there is none. */
const cut = (pattern, what) => {
  const match = glue.match(pattern);
  if (!match) fail(glueFile, `has no ${what}, where wasm-bindgen writes one: its glue has changed form`);
  glue = glue.slice(0, match.index) + glue.slice(match.index + match[0].length);
  return match[0];
};

// Each exported class: its body, its dispose alias and its finalization registry, in the form
// wasm-bindgen writes them.
const classes = [...glue.matchAll(/^export class (\w+) \{$/gm)].map((m) => m[1]);
let removed = '';
for (const name of classes) {
  removed += cut(new RegExp(`^export class ${name} \\{\\n[^]*?^\\}\\n`, 'm'), `end to class ${name}`);
  removed += cut(new RegExp(`^if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`, 'm'), `dispose alias for ${name}`);
  removed += cut(new RegExp(`^const ${name}Finalization = [^;]*;\\n`, 'm'), `finalization registry for ${name}`);
}
// Checked once all are out: one class's methods may name another.
for (const name of classes) {
  if (new RegExp(`\\b${name}\\b`).test(glue)) fail(glueFile, `still names the class ${name} once it is taken out`);
}
const unused = new Set([...removed.matchAll(/\bwasm\.(\w+)/g)].map((m) => m[1]).filter((name) => !new RegExp(`\\bwasm\\.${name}\\b`).test(glue)));

// wasm-opt learns the module's features (reference types, bulk memory) from this section, and
// strips it.
const wasm = readFileSync(wasmPath);
try {
  if (WebAssembly.Module.customSections(new WebAssembly.Module(wasm), 'target_features').length === 0) fail(wasmFile, 'has no target_features section: this step has run on it already');
} catch (e) {
  fail(wasmFile, `does not compile as wasm-bindgen wrote it: ${e.message}`);
}

const dropped = new Set();
const trimmed = editModule(
  wasm,
  {
    exports: (name) => {
      if (!unused.has(name)) return name;
      dropped.add(name);
      return null;
    },
  },
  (message) => fail(wasmFile, message),
);
for (const name of unused) if (!dropped.has(name)) fail(wasmFile, `has no export ${name}, which the glue's class called`);
// Nothing in the folder changes until every step has passed.
const work = mkdtempSync(join(tmpdir(), 'optimize-wasm-'));
let optimized;
let failure;
try {
  writeFileSync(join(work, 'trimmed.wasm'), trimmed);
  execFileSync('wasm-opt', [...WASM_OPT, join(work, 'trimmed.wasm'), '-o', join(work, 'optimized.wasm')], { stdio: ['ignore', 'pipe', 'pipe'] });
  optimized = readFileSync(join(work, 'optimized.wasm'));
} catch (e) {
  // Its first lines say what went wrong; a validation error goes on for thousands.
  failure = `${e.message.split('\n')[0]}\n${String(e.stderr ?? '').split('\n').slice(0, 8).join('\n')}`;
}
rmSync(work, { recursive: true, force: true });
if (failure) fail(wasmFile, `wasm-opt failed (${failure})`);
let imported;
try {
  imported = new Set(WebAssembly.Module.imports(new WebAssembly.Module(optimized)).map((i) => i.name));
} catch (e) {
  fail(wasmFile, `does not compile after wasm-opt: ${e.message}`);
}

// The imports object: `const import0 = {`, then a key a function, each from a line of its own
// (`name: function(…) {` or `name: function() { return handleError(function (…) {`) to the
// line that closes it (`},` or `}, arguments); },`).
const object = glue.match(/^ {4}const import0 = \{\n {8}__proto__: null,\n([^]*?)^ {4}\};$/m);
if (!object || !object[1]) fail(glueFile, 'has no imports object in the form wasm-bindgen writes it, or an empty one');
const entries = object[1].split(/^(?= {8}[\w$]+: )/m);
for (const entry of entries) {
  if (!/^ {8}[\w$]+: function\b[^]*\n {8}\}[^\n]*,\n$/.test(entry)) fail(glueFile, `has an import not in the form wasm-bindgen writes: ${entry.slice(0, 80)}`);
}
const kept = entries.filter((entry) => imported.has(entry.match(/^ {8}([\w$]+):/)[1]));
for (const name of imported) if (!kept.some((entry) => entry.startsWith(`        ${name}:`))) fail(glueFile, `has no import ${name}, which the wasm imports`);
// Spliced, not replaced: a replacement string would read `$&` and its kin in the glue as patterns.
const start = object.index + object[0].indexOf(object[1]);
glue = glue.slice(0, start) + kept.join('') + glue.slice(start + object[1].length);
writeFileSync(wasmPath, optimized);
writeFileSync(join(dir, glueFile), glue);

console.log(
  `${wasmFile}: ${classes.length} unused classes and ${dropped.size} exports taken out, ${entries.length - kept.length} imports the optimized wasm no longer has; wasm-opt ${WASM_OPT.join(' ')}`,
);
