// Rebuilds bake what changed, and only their own checkout's files. On two copies of the project
// sharing one target folder (as two checkouts with a common CARGO_TARGET_DIR or a CI cache do),
// runs `cargo check` of the page crate, which runs build.rs, and reads the article text the bake
// wrote into OUT_DIR/atlas.rs, the statics the page is rendered from:
//   1. two copies with different article text (and the same file times) each get their own text,
//      built one after the other and then the first again;
//   2. an article edited between two builds shows in the second, and so does a title edited in
//      content/articles.json.
// Usage: node scripts/rebuild-check.mjs [TARGET_DIR]   (default: target/rebuild-check)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = resolve(process.argv[2] ?? join(root, 'target', 'rebuild-check'));
/** What the page crate is built from; nothing else of the project is needed to bake. */
const SOURCES = ['Cargo.toml', 'Cargo.lock', 'build.rs', 'bake/Cargo.toml', 'bake/src', 'model/Cargo.toml', 'model/src', 'src', 'data', 'content'];
const ARTICLE = 'content/000_b51472924792fd0f.txt';
const SENTENCE = 'Last week my brother visited us in China.';

function fail(message) {
  console.error(`rebuild-check: ${message}`);
  process.exit(1);
}

/** A copy of the project's sources in `dir`, file times kept, as a fresh clone of the same commit. */
function copyProject(dir) {
  for (const path of SOURCES) cpSync(join(root, path), join(dir, path), { recursive: true, preserveTimestamps: true });
  return dir;
}

/** Replaces `from` by `to` in a file of `dir`; with `keepTime`, the file keeps its old times. */
function edit(dir, file, from, to, { keepTime = false } = {}) {
  const path = join(dir, file);
  const before = statSync(path);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) fail(`${path} has no "${from}" to edit`);
  writeFileSync(path, text.replace(from, to));
  if (keepTime) utimesSync(path, before.atime, before.mtime);
}

/** Checks the page crate of `dir` in the shared target folder; returns the baked atlas.rs. */
function bake(dir) {
  let out;
  try {
    out = execFileSync('cargo', ['check', '--locked', '--lib', '--message-format=json'], {
      cwd: dir,
      env: { ...process.env, CARGO_TARGET_DIR: target },
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  } catch (e) {
    fail(`cargo check failed in ${dir}: ${e.message}`);
  }
  const scripts = out
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line))
    .filter((m) => m.reason === 'build-script-executed' && /[#/]yalu-atlas[@#:]/.test(m.package_id));
  if (scripts.length !== 1) fail(`expected the page crate's build script to report once, got ${scripts.length}`);
  return readFileSync(join(scripts[0].out_dir, 'atlas.rs'), 'utf8');
}

function expectText(dir, wanted, unwanted, what) {
  const atlas = bake(dir);
  if (!atlas.includes(wanted)) fail(`${what}: the bake of ${dir} lacks "${wanted}"`);
  for (const text of unwanted) if (atlas.includes(text)) fail(`${what}: the bake of ${dir} carries "${text}"`);
  console.log(`rebuild-check: ${what}: ok`);
}

const work = mkdtempSync(join(tmpdir(), 'yalu-rebuild-'));
try {
  // Two clones of one commit, then each with its own article text and the clone's file times.
  const a = copyProject(join(work, 'a'));
  const b = copyProject(join(work, 'b'));
  const textA = 'Last week my brother visited us in China (copy A).';
  const textB = 'Last week my brother visited us in China (copy B).';
  edit(a, ARTICLE, SENTENCE, textA, { keepTime: true });
  edit(b, ARTICLE, SENTENCE, textB, { keepTime: true });
  expectText(a, textA, [textB], 'first copy, shared target folder');
  expectText(b, textB, [textA], 'second copy, shared target folder');
  expectText(a, textA, [textB], 'first copy again');

  const edited = 'Last week my brother came to see us in China (edited).';
  edit(a, ARTICLE, textA, edited);
  expectText(a, edited, [textA], 'article edited between two builds');
  const title = 'Hyesan: a frontier city on the Yalu';
  const retitled = 'Hyesan: a frontier city on the Yalu (retitled)';
  edit(a, 'content/articles.json', `"${title}"`, `"${retitled}"`);
  expectText(a, retitled, [], 'articles.json edited between two builds');
} finally {
  rmSync(work, { recursive: true, force: true });
}
