// End-to-end: articles an author (or an attacker) filled with markup, script, javascript: links
// and bidi controls. The page is rebuilt from a copy of content/ with such text added, and every
// piece of it must read as the very text it is, in the panel and in the reader: nothing runs,
// nothing loads, nothing is a link.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { panelText } from './reader.mjs';
import { BROWSERS, DIST, useSession } from './session.mjs';
import { writeWorker } from '../../scripts/offline.mjs';

const HOSTILE = [
  `<script>window.__pwned = 'script'</script>`,
  `<img src="x" onerror="window.__pwned = 'img'">`,
  `<a href="javascript:window.__pwned = 'link'">a javascript: link</a>`,
  `&lt;b&gt; is not bold & <b>neither is this</b>`,
  `\u202Eright-to-left override\u202C and an isolate \u2067untouched\u2069`,
];
const ARTICLE = '004_376523fb46a46eae.txt';
let root;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'yalu-hostile-'));
  // The articles, with every hostile piece added to the first paragraph of the Hyesan article.
  const content = join(root, 'content');
  cpSync('content', content, { recursive: true });
  const lines = readFileSync(join(content, ARTICLE), 'utf8').split('\n');
  lines[0] += ` ${HOSTILE.join(' ')}`;
  writeFileSync(join(content, ARTICLE), lines.join('\n'));
  // The built page, back to Trunk's empty template, then pre-rendered with those articles.
  const dist = join(root, 'dist');
  cpSync(DIST, dist, { recursive: true, filter: (f) => !/\.(gz|br)$/.test(f) });
  const index = join(dist, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8')
    .replace(/\n\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
    .replace(/<body>[\s\S]*<\/body>/, '<body></body>'));
  execFileSync('cargo', ['run', '--quiet', '--locked', '--no-default-features', '--features', 'ssr', '--bin', 'prerender', '--', index], {
    env: { ...process.env, YALU_CONTENT_DIR: resolve(content) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // As the build does after the pre-render: the service worker lists the files as they are now.
  await writeWorker(dist);
});
after(() => rmSync(root, { recursive: true, force: true }));

for (const name of BROWSERS) {
  describe(`hostile text, in ${name}`, () => {
    const session = useSession(name, { root: () => join(root, 'dist') });

    /** Checks that the panel shows every hostile piece as text, and that none of it acted. */
    async function inert(browser) {
      const text = await panelText(browser);
      for (const piece of HOSTILE) assert.ok(text.includes(piece.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/ &amp; /g, ' & ')) || text.includes(piece), `shown as text: ${piece}`);
      const planted = await browser.script(`return document.querySelectorAll('.panel script, .panel img, .panel b, .panel a[href^="javascript"]').length`);
      assert.equal(planted, 0, 'no element made of the text');
      assert.equal(await browser.script('return window.__pwned === undefined'), true, 'nothing ran');
      assert.deepEqual(browser.errors(), [], 'no error and no policy violation');
      assert.ok(browser.requests.every((url) => !/\/x$/.test(url)), 'the planted image was not requested');
    }

    test('in the place panel, markup, script and bidi controls are only text', async () => {
      const { browser } = session;
      await session.open('#/place/hyesan');
      await browser.until(async () => (await panelText(browser)).includes('9 passages'), 'Hyesan');
      await inert(browser);
      // The override stays inside its passage: the credit under it reads as written.
      assert.match(await panelText(browser), /\nHyesan: a frontier city on the Yalu\n/);
    });

    test('in the reader, the same', async () => {
      const { browser } = session;
      await session.open('#/read/hyesan-frontier/1');
      await browser.until(async () => (await panelText(browser)).includes('Close the reader'), 'the reader');
      await inert(browser);
    });
  });
}
