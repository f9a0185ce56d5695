// The built page's WebAssembly carries behaviour and small tables, never the articles: their
// text is server-rendered HTML. Searched for every sentence of every article, as bytes. An
// article's title is a label the live page says (the story bar's "Paragraph 7 of 32 · title",
// the announcement), as it says the places' names, so the title line is not searched for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DIST } from './session.mjs';

const CONTENT = resolve('content');

/** Every sentence of at least 30 characters in the articles of content/, as they are written,
 * but their titles. */
function sentences() {
  const out = [];
  for (const { file, title } of JSON.parse(readFileSync(join(CONTENT, 'articles.json'), 'utf8'))) {
    const text = readFileSync(join(CONTENT, file), 'utf8');
    for (const s of text.split(/(?<=[.!?])\s+|\n+/)) {
      if (s.trim().length >= 30 && s.trim() !== title) out.push(s.trim());
    }
  }
  return out;
}

test('the wasm carries none of the articles’ sentences, which the HTML has', () => {
  const wasms = readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
  assert.equal(wasms.length, 1, `one wasm in ${DIST}`);
  const wasm = readFileSync(join(DIST, wasms[0]));
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const all = sentences();
  assert.ok(all.length > 50, `${all.length} sentences`);
  // The same search finds them where they belong: this is a search that can succeed.
  const inHtml = all.filter((s) => html.includes(s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')));
  assert.ok(inHtml.length > all.length / 2, `only ${inHtml.length} of ${all.length} sentences found in the HTML`);
  const inWasm = all.filter((s) => wasm.includes(Buffer.from(s)));
  assert.deepEqual(inWasm, [], 'sentences of the articles in the wasm');
  // Nor a shorter piece of one: the first 24 bytes of each.
  const pieces = all.map((s) => Buffer.from(s).subarray(0, 24)).filter((b) => wasm.includes(b));
  assert.deepEqual(pieces.map(String), [], 'openings of sentences in the wasm');
});
