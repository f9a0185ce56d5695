// Finding the build's wasm and rewriting its import and export sections, for the build steps
// that change them (optimize-wasm.mjs, short-bindings.mjs). Every other section is kept byte for
// byte. `fail(message)` is called, and must not return, when the module is not as expected.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** What a build step on the wasm works on: the folder given, or Trunk's staging folder; its one
 * `_bg.wasm` and that file's JavaScript glue; and `fail(file, message)`, which names the file
 * (or the folder, for '') and exits. `script` names the step in its usage line. */
export function stagedWasm(script) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error(`usage: ${script} DIST (or run from Trunk, which sets TRUNK_STAGING_DIR)`);
    process.exit(2);
  }
  const fail = (file, message) => {
    console.error(`error: ${file ? join(dir, file) : dir}: ${message}`);
    process.exit(1);
  };
  const found = readdirSync(dir).filter((f) => f.endsWith('_bg.wasm'));
  if (found.length !== 1) fail('', `expected one _bg.wasm file, found ${found.length} (${found.join(', ')})`);
  const wasmFile = found[0];
  return { dir, fail, wasmFile, glueFile: wasmFile.replace(/_bg\.wasm$/, '.js') };
}

/** A reader of a wasm byte buffer from `pos` to `end`; `where` names the part for errors. */
class Reader {
  constructor(bytes, pos, end, where, fail) {
    Object.assign(this, { bytes, pos, end, where, fail });
  }
  byte() {
    if (this.pos >= this.end) this.fail(`${this.where} ends early`);
    return this.bytes[this.pos++];
  }
  u32() {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return value;
      if (shift >= 28) this.fail(`${this.where}: a LEB128 number longer than 5 bytes`);
    }
  }
  name() {
    const length = this.u32();
    if (this.pos + length > this.end) this.fail(`${this.where}: a name runs past its section`);
    const text = Buffer.from(this.bytes.subarray(this.pos, this.pos + length)).toString('utf8');
    this.pos += length;
    return text;
  }
  limits() {
    const flags = this.byte();
    if (flags > 1) this.fail(`${this.where}: limits with flags ${flags}, which this step does not know`);
    this.u32();
    if (flags & 1) this.u32();
  }
}

const u32 = (value) => {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return out;
};
const name = (text) => {
  const bytes = Buffer.from(text, 'utf8');
  return [...u32(bytes.length), ...bytes];
};

/** The import section with each entry passed through `edit(module, field)`, which gives the
 * entry's new [module, field]. */
function editImports(r, edit) {
  const out = [];
  const count = r.u32();
  out.push(...u32(count));
  for (let i = 0; i < count; i++) {
    const [module, field] = edit(r.name(), r.name());
    out.push(...name(module), ...name(field));
    const start = r.pos;
    const kind = r.byte();
    if (kind === 0) r.u32();
    else if (kind === 1) (r.byte(), r.limits());
    else if (kind === 2) r.limits();
    else if (kind === 3) (r.byte(), r.byte());
    else r.fail(`${r.where}: import ${i} of kind ${kind}, which this step does not know`);
    out.push(...r.bytes.subarray(start, r.pos));
  }
  return out;
}

/** The export section with each entry passed through `edit(name)`, which gives the entry's new
 * name, or null to drop it. */
function editExports(r, edit) {
  const entries = [];
  let kept = 0;
  const count = r.u32();
  for (let i = 0; i < count; i++) {
    const renamed = edit(r.name());
    const start = r.pos;
    r.byte();
    r.u32();
    if (renamed === null) continue;
    entries.push(...name(renamed), ...r.bytes.subarray(start, r.pos));
    kept++;
  }
  return [...u32(kept), ...entries];
}

/** The module `wasm` (a Buffer) with its import section's entries passed through
 * `imports(module, field)` and its export section's through `exports(name)` (see editImports
 * and editExports); either may be left out. `fail(message)` reports a malformed module. */
export function editModule(wasm, { imports, exports }, fail) {
  if (wasm.length < 8 || wasm.readUInt32LE(0) !== 0x6d736100 || wasm.readUInt32LE(4) !== 1) fail('not a WebAssembly module (version 1)');
  const parts = [wasm.subarray(0, 8)];
  for (let pos = 8; pos < wasm.length; ) {
    const head = new Reader(wasm, pos, wasm.length, `the section at byte ${pos}`, fail);
    const id = head.byte();
    const size = head.u32();
    const end = head.pos + size;
    if (end > wasm.length) fail(`section ${id} at byte ${pos} runs past the end`);
    const body = new Reader(wasm, head.pos, end, `section ${id}`, fail);
    const edit = id === 2 ? imports && ((r) => editImports(r, imports)) : id === 7 ? exports && ((r) => editExports(r, exports)) : null;
    if (edit) {
      const rewritten = edit(body);
      if (body.pos !== end) fail(`section ${id} has ${end - body.pos} bytes after its entries`);
      parts.push(Buffer.from([id, ...u32(rewritten.length), ...rewritten]));
    } else {
      parts.push(wasm.subarray(pos, end));
    }
    pos = end;
  }
  return Buffer.concat(parts);
}
