// End-to-end: every control a reader can use on the live page is Leptos' in the browser. Each
// sits inside a `<leptos-island>` whose component the built wasm exports, so the island's code
// hydrates it; no control is left to a layer outside the islands.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BROWSERS, DIST, useSession } from './session.mjs';

/** The names of the functions the built wasm exports. */
function wasmExports() {
  const wasms = readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
  assert.equal(wasms.length, 1, `one wasm in ${DIST}`);
  return new Set(WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(join(DIST, wasms[0])))).map((e) => e.name));
}

/** Every control of the page (links, buttons, focusable widgets, whether shown now or not),
 * with its name as the page gives it and the component of the island it sits in, if any. */
const CONTROLS = `
  const controls = document.querySelectorAll(
    'a[href], button, input, select, textarea, summary, [role=button], [role=link], [tabindex]:not([tabindex="-1"])');
  return [...controls].map((el) => ({
    name: (el.getAttribute('aria-label') || el.textContent).trim().replace(/\\s+/g, ' ').slice(0, 60),
    island: el.closest('leptos-island')?.dataset.component ?? null,
  }));`;

for (const name of BROWSERS) {
  describe(`${name}: the controls are the islands'`, () => {
    const session = useSession(name);

    test('every control sits inside an island that the wasm exports', async () => {
      const exported = wasmExports();
      await session.open();
      const controls = await session.browser.script(CONTROLS);
      const names = new Set(controls.map((c) => c.name));
      // The page's controls are all there: the map's, the place list's, the panel's, the reader's.
      for (const expected of ['Yalu River', 'Hyesan', 'Zoom in', 'Show more of the panel', 'Previous place', 'Follow the text', 'Close the reader']) {
        assert.ok(names.has(expected), `the page has a control named “${expected}”`);
      }
      assert.ok(controls.length > 40, `${controls.length} controls`);
      const outside = controls.filter((c) => c.island === null).map((c) => c.name);
      assert.deepEqual(outside, [], 'controls outside every island');
      const unknown = [...new Set(controls.map((c) => c.island))].filter((c) => !exported.has(c));
      assert.deepEqual(unknown, [], 'islands whose component the wasm does not export');
      // Each island of the page is one the wasm exports, and more than one kind is in use.
      assert.ok(new Set(controls.map((c) => c.island)).size >= 4, 'controls in the map, place list, panel and story bar islands');
      assert.deepEqual(session.browser.errors(), []);
    });
  });
}
