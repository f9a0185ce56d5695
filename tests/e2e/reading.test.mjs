// End-to-end: reading what the articles say about each place, and moving between map and text.
import { before, describe, test } from 'node:test';
import { BROWSERS, useSession } from './session.mjs';
import assert from 'node:assert/strict';
import { focused, inside, panelText, theOne } from './reader.mjs';
import { riverPoint } from './map.mjs';

// What each panel must show: how many passages, and the names highlighted in them.
const PANELS = [
  { id: 'yalu', name: 'Yalu River', count: 4, marks: ['Yalu River', 'Yalu'] },
  { id: 'jian', name: "Ji'an", count: 2, marks: ['Ji’an'] },
  { id: 'manpo', name: 'Manpo', count: 3, marks: ['Manpo'] },
  { id: 'hyesan', name: 'Hyesan', count: 9, marks: ['Hyesan', 'Ryanggang', 'Ryonggang'] },
  { id: 'dandong', name: 'Dandong', count: 2, marks: ['Dandong'] },
  { id: 'pyongyang', name: 'Pyongyang', count: 4, marks: ['Pyongyang'] },
];

for (const name of BROWSERS) {
  describe(`reading, in ${name}`, () => {
    const session = useSession(name);
    const { open } = session;
    let browser;
    let site;
    before(() => ({ browser, site } = session));

    const panel = () => theOne(browser, 'complementary', 'Place details');
    // The address a reader would copy or come back to: written just after the frame that shows
    // the place.
    const untilAddress = (hash) =>
      browser.until(async () => (await browser.script('return location.hash')) === hash, `the address ${hash}`);

    for (const place of PANELS) {
      test(`${place.name}: the panel lists its ${place.count} passages with the name highlighted`, async () => {
        await open();
        if (place.id === 'yalu') {
          // The river's box is mostly land: click on its line.
          const at = await riverPoint(browser, 0.35);
          await browser.clickAt(at.x, at.y);
        } else {
          await browser.clickCentre(await theOne(browser, 'button', place.name));
        }
        await browser.until(async () => (await panelText(browser)).includes(`${place.count} passages`), `${place.count} passages`);
        const items = await inside(browser, await panel(), 'listitem');
        assert.equal(items.length, place.count);
        for (const item of items) {
          const marks = await inside(browser, item, 'mark');
          assert.ok(marks.length > 0, `a passage of ${place.name} has no highlight: ${await browser.text(item)}`);
          for (const m of marks) assert.ok(place.marks.includes(await browser.text(m)), await browser.text(m));
          assert.match(await browser.text(item), /Read in context/);
        }
        assert.deepEqual(browser.errors(), []);
      });
    }

    test('after the page has been idle (it lays out every place meanwhile), the panel shows one part only', async () => {
      await open();
      // Several idle moments: the page warms one place a moment.
      await browser.cmd('POST', '/execute/async', {
        script: `const done = arguments[0]; let n = 0;
          // WebKit has no requestIdleCallback: the page waits 50 ms there instead (src/islands/browser.rs).
          const idle = window.requestIdleCallback ?? ((f) => setTimeout(f, 100));
          const next = () => (++n > ${PANELS.length + 2} ? done() : idle(next, { timeout: 500 }));
          next();`,
        args: [],
      });
      const overview = await panelText(browser);
      assert.match(overview, /Choose the river or a town/);
      // No place's passages show beside the overview.
      assert.doesNotMatch(overview, /Read in context|Back to overview/);
      await browser.clickCentre(await theOne(browser, 'button', 'Manpo'));
      await browser.until(async () => (await panelText(browser)).includes('3 passages'), 'Manpo passages');
      assert.equal((await inside(browser, await panel(), 'listitem')).length, 3);
      assert.deepEqual(browser.errors(), []);
    });

    test('a passage is credited to its article or its commenter', async () => {
      await open('#/place/dandong');
      await browser.until(async () => (await panelText(browser)).includes('2 passages'), 'Dandong passages');
      const text = await panelText(browser);
      assert.match(text, /Reader comment by robert, on Northeast China’s road less traveled/);
      await open('#/place/manpo');
      await browser.until(async () => (await panelText(browser)).includes('3 passages'), 'Manpo passages');
      assert.match(await panelText(browser), /Visiting the North Korean border near Ji’an — Ruth/);
    });

    test('"Read in context" opens the reader at that paragraph', async () => {
      await open('#/place/manpo');
      await browser.until(async () => (await panelText(browser)).includes('3 passages'), 'Manpo passages');
      const items = await inside(browser, await panel(), 'listitem');
      const third = items[2];
      const quote = (await browser.text(third)).split('\n')[0];
      // It goes somewhere (the reader, at its own address), so it is a link.
      const [link] = await inside(browser, third, 'link', 'Read in context');
      await browser.click(link);
      const para = await browser.until(async () => {
        const el = await focused(browser);
        return (await browser.text(el)).startsWith(quote.slice(0, 40)) && el;
      }, 'the paragraph to have focus');
      await untilAddress('#/read/jian-border/7');
      const visible = await browser.script(
        'const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight;',
        browser.ref(para),
      );
      assert.ok(visible, 'the paragraph is not in view');
    });

    test('a place name in the reader opens that place', async () => {
      await open('#/read/hyesan-frontier/3');
      // The paragraph the link opened at names Pyongyang.
      const mentions = await browser.until(async () => {
        const found = await inside(browser, await focused(browser), 'button', 'Pyongyang');
        return found.length && found;
      }, 'Pyongyang in paragraph 3');
      await browser.click(mentions[0]);
      await browser.until(async () => (await panelText(browser)).includes('4 passages'), 'the Pyongyang panel');
      // Opened from the text, the place offers the way back to it first.
      assert.match(await panelText(browser), /^Back to the text\nPyongyang 평양/);
      assert.equal(await browser.attribute(await theOne(browser, 'button', 'Pyongyang'), 'aria-pressed'), 'true');
    });

    test('a link restores the place in a new page, and Back returns to the previous place', async () => {
      await open('#/place/hyesan');
      await browser.until(async () => (await panelText(browser)).includes('9 passages'), 'Hyesan from the link');
      assert.equal(await browser.attribute(await theOne(browser, 'button', 'Hyesan'), 'aria-pressed'), 'true');
      await browser.clickCentre(await theOne(browser, 'button', 'Manpo'));
      await browser.until(async () => (await panelText(browser)).includes('3 passages'), 'Manpo');
      await untilAddress('#/place/manpo');
      await browser.cmd('POST', '/back', {});
      await browser.until(async () => (await panelText(browser)).includes('9 passages'), 'Hyesan after Back');
      await browser.cmd('POST', '/forward', {});
      await browser.until(async () => (await panelText(browser)).includes('3 passages'), 'Manpo after Forward');
    });

    test('choosing a place is one step of history, however often it is chosen', async () => {
      await open();
      const manpo = await theOne(browser, 'button', 'Manpo');
      await browser.clickCentre(manpo);
      await browser.until(async () => (await panelText(browser)).includes('3 passages'), 'Manpo');
      await untilAddress('#/place/manpo');
      await browser.clickCentre(manpo);
      // Time for a history entry to be written, were one written for this click.
      await browser.cmd('POST', '/execute/async', {
        script: 'const done = arguments[0]; requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => setTimeout(done, 50)), 0));',
        args: [],
      });
      await browser.cmd('POST', '/back', {});
      await browser.until(async () => /Choose the river or a town/.test(await panelText(browser)), 'the overview after one Back');
      assert.equal(await browser.attribute(manpo, 'aria-pressed'), 'false');
      assert.deepEqual(browser.errors(), []);
    });

    test('a click with Ctrl leaves the place to a new tab and this page as it was', async () => {
      await open();
      const before = await browser.cmd('GET', '/window/handles');
      // Whether the page left the click to the browser: seen after every listener of the page's.
      await browser.script("addEventListener('click', (e) => (window.leftToBrowser = e.ctrlKey && !e.defaultPrevented))");
      await browser.clickCentre(await theOne(browser, 'button', 'Hyesan'), { holding: '\uE009' });
      await browser.until(() => browser.script('return window.leftToBrowser !== undefined'), 'the click');
      assert.equal(await browser.script('return window.leftToBrowser'), true);
      // MiniBrowser, WebKit's test browser, opens no tab for a modified click: it follows the
      // link in place. What the page does with it is all that is left to check there.
      if (name === 'webkit') return;
      const opened = await browser.until(async () => {
        const now = await browser.cmd('GET', '/window/handles');
        return now.length > before.length && now.find((h) => !before.includes(h));
      }, 'a new tab');
      assert.match(await panelText(browser), /Choose the river or a town/);
      assert.equal(await browser.script('return location.hash'), '');
      // The new tab opens the page at Hyesan.
      await browser.cmd('POST', '/window', { handle: opened });
      await untilAddress('#/place/hyesan');
      await browser.cmd('DELETE', '/window');
      await browser.cmd('POST', '/window', { handle: before[0] });
    });

    test('a link to a paragraph opens the reader there', async () => {
      await open('#/read/hyesan-frontier/7');
      await browser.until(async () => (await browser.text(await focused(browser))).startsWith('Younger generations face a crossroads'), 'paragraph 7');
    });

    for (const hash of ['#/place/atlantis', '#/read/jian-border/999', '#/%E0%A4%A', `#/place/${'x'.repeat(5000)}`, '#<script>alert(1)</script>']) {
      test(`an unknown link (${hash.slice(0, 24)}) shows the overview without error`, async () => {
        await open(hash);
        assert.match(await panelText(browser), /Choose the river or a town/);
        assert.deepEqual(browser.errors(), []);
      });
    }
  });
}
