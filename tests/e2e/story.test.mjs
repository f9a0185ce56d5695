// End-to-end: story mode. In the reader the map follows the paragraph at the reading line, the
// address follows it without adding history, and the reader can step, pause and resume.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, useSession } from './session.mjs';
import { focused, inside, panelText, theOne, waitFor } from './reader.mjs';
import { drag } from './map.mjs';

const TITLES = {
  'jian-border': 'Northeast China’s road less traveled: Visiting the North Korean border near Ji’an',
  'hyesan-frontier': 'Hyesan: a frontier city on the Yalu',
};

for (const name of BROWSERS) {
  describe(`story mode, in ${name}`, () => {
    const session = useSession(name);
    let browser;
    before(() => ({ browser } = session));

    const hash = () => browser.script('return location.hash');
    const untilAddress = (h) => browser.until(async () => (await hash()) === h, `the address ${h}`);
    /** "Paragraph 7 of 31 · title", as the story bar shows it. */
    const progress = async () => {
      const text = await browser.text(await theOne(browser, 'group', 'Story'));
      const m = text.match(/Paragraph (\d+) of (\d+) · (.*)/);
      return m && { n: Number(m[1]), of: Number(m[2]), title: m[3] };
    };
    const untilParagraph = (n, what = `paragraph ${n} to be current`) =>
      browser.until(async () => (await progress())?.n === n && (await progress()), what);
    /** The place's control on the map (the reader's place names are buttons too). */
    const marker = async (place) => {
      const found = await inside(browser, await theOne(browser, 'region', 'Map of the Yalu River'), 'button', place);
      assert.equal(found.length, 1, `one ${place} on the map`);
      return found[0];
    };
    const current = async (place) => (await browser.attribute(await marker(place), 'aria-current')) === 'true';
    /** Whether the place's marker lies inside the map's visible box. */
    const inMap = (place) =>
      browser.script(
        `const m = document.querySelector('section[aria-label="Map of the Yalu River"]').getBoundingClientRect();
         const el = [...document.querySelectorAll('svg a[role="button"]')].find((a) => a.getAttribute('aria-label') === arguments[0]);
         const r = el.querySelector('circle').getBoundingClientRect();
         return r.left >= m.left && r.right <= m.right && r.top >= m.top && r.bottom <= m.bottom;`,
        place,
      );
    /** The 1-based number of the first paragraph of `article` whose place names are exactly `places`. */
    const paragraphNaming = (article, places) =>
      browser.script(
        `const title = arguments[0], want = arguments[1];
         const art = [...document.querySelectorAll('article')].find((a) => a.querySelector('h2').textContent === title);
         const paras = [...art.querySelectorAll('p[tabindex]')];
         const i = paras.findIndex((p) => {
           const names = [...new Set([...p.querySelectorAll('a[role="button"]')].map((a) => a.getAttribute('href')))];
           return names.length === want.length && want.every((w) => names.includes('#/place/' + w));
         });
         return i + 1;`,
        TITLES[article], places,
      );
    /** Scrolls the text as a reader would, so that paragraph `n` of `article` crosses the reading
     * line: 40 % down the part of the window where the text shows, below the story bar. */
    const scrollToLine = (article, n) =>
      browser.script(
        `const p = document.getElementById('/read/' + arguments[0] + '/' + arguments[1]);
         const panel = p.closest('aside');
         const scrolls = panel.scrollHeight > panel.clientHeight;
         const top = document.querySelector('[role="group"][aria-label="Story"]').getBoundingClientRect().bottom;
         const bottom = scrolls ? panel.getBoundingClientRect().top + panel.clientHeight : innerHeight;
         const line = top + 0.4 * (bottom - top);
         const by = p.getBoundingClientRect().top - line + 6;
         if (scrolls) panel.scrollBy(0, by); else window.scrollBy(0, by);`,
        article, n,
      );
    const openReader = async (h) => {
      await session.open(h);
      await waitFor(browser, 'button', 'Next place');
    };

    test('the overview lists both stories in river order, Hyesan first, and Read opens each at its first paragraph', async () => {
      for (const [id, title] of Object.entries(TITLES)) {
        await session.open();
        const text = await panelText(browser);
        assert.match(text, /Stories/);
        for (const t of Object.values(TITLES)) assert.ok(text.includes(t), `the overview lacks ${t}`);
        // Hyesan lies upstream of Ji'an: its story comes first, as in the place list.
        assert.ok(text.indexOf(TITLES['hyesan-frontier']) < text.indexOf(TITLES['jian-border']), 'the overview lists Hyesan before Ji\'an');
        assert.match(text, /\d+ paragraphs · names .*Hyesan/);
        assert.match(text, /Manpo · 3 passages/);
        await browser.click(await theOne(browser, 'link', `Read ${title}`));
        await untilAddress(`#/read/${id}/1`);
        const p = await untilParagraph(1);
        assert.equal(p.title, title);
        const first = await browser.text(await focused(browser));
        assert.ok(first.length > 20, `focus is on the first paragraph: ${first}`);
      }
      assert.deepEqual(browser.errors(), []);
    });

    test('the paragraph at the reading line marks its places on the map and brings them into view', async () => {
      const manpo = await (async () => {
        await openReader('#/read/jian-border/1');
        return paragraphNaming('jian-border', ['manpo']);
      })();
      assert.ok(manpo > 0, 'a paragraph names Manpo alone');
      // Zoomed far in elsewhere, Manpo is out of sight.
      for (let i = 0; i < 5; i++) await browser.click(await theOne(browser, 'button', 'Zoom in'));
      await browser.click(await theOne(browser, 'button', 'Follow the text'));
      await scrollToLine('jian-border', manpo);
      await untilParagraph(manpo);
      await browser.until(() => current('Manpo'), 'Manpo marked current');
      await browser.until(() => inMap('Manpo'), 'Manpo in view on the map');
      assert.equal(await current('Hyesan'), false);
      const hyesan = await paragraphNaming('hyesan-frontier', ['hyesan']);
      assert.ok(hyesan > 0, 'a paragraph names Hyesan alone');
      await scrollToLine('hyesan-frontier', hyesan);
      await browser.until(async () => (await progress())?.title === TITLES['hyesan-frontier'] && (await progress()).n === hyesan, 'the Hyesan paragraph');
      await browser.until(() => current('Hyesan'), 'Hyesan marked current');
      assert.equal(await current('Manpo'), false);
      await browser.until(() => inMap('Hyesan'), 'Hyesan in view on the map');
      assert.deepEqual(browser.errors(), []);
    });

    test('a fast jump to the end and a reload at the address give the paragraph slow scrolling gives', async () => {
      // The reader's last article.
      await openReader('#/read/jian-border/1');
      // Slowly, a frame at a time, to the end.
      await browser.cmd('POST', '/execute/async', {
        script: `const done = arguments[0]; const panel = document.querySelector('aside');
          const scroller = panel.scrollHeight > panel.clientHeight ? panel : document.scrollingElement;
          const step = () => { const before = scroller.scrollTop; scroller.scrollTop += 120;
            if (scroller.scrollTop === before) done(); else requestAnimationFrame(step); };
          step();`,
        args: [],
      });
      const slow = await browser.until(async () => {
        const a = await progress();
        await new Promise((ok) => setTimeout(ok, 300));
        const b = await progress();
        return a && b && a.n === b.n && a.title === b.title && b;
      }, 'the slow scroll to settle');
      assert.equal(slow.title, TITLES['jian-border']);
      // At once from the top.
      await openReader('#/read/jian-border/1');
      await untilParagraph(1);
      await browser.script(`const panel = document.querySelector('aside');
        const scroller = panel.scrollHeight > panel.clientHeight ? panel : document.scrollingElement;
        scroller.scrollTop = scroller.scrollHeight;`);
      await untilParagraph(slow.n, `the jump to end on paragraph ${slow.n}`);
      assert.equal((await progress()).title, slow.title);
      // The address follows after a rest, and a reload there opens at the same paragraph.
      await untilAddress(`#/read/jian-border/${slow.n}`);
      await browser.goto('about:blank');
      await openReader(`#/read/jian-border/${slow.n}`);
      await untilParagraph(slow.n, 'the same paragraph after a reload');
      assert.deepEqual(browser.errors(), []);
    });

    test('the address follows the paragraph without adding history, and Back leaves the reader', async () => {
      await session.open();
      await browser.click(await theOne(browser, 'link', `Read ${TITLES['jian-border']}`));
      await untilAddress('#/read/jian-border/1');
      const length = await browser.script('return history.length');
      for (const n of [3, 5]) {
        await scrollToLine('jian-border', n);
        await untilParagraph(n);
        await untilAddress(`#/read/jian-border/${n}`);
      }
      assert.equal(await browser.script('return history.length'), length);
      await browser.cmd('POST', '/back', {});
      await browser.until(async () => /Choose the river or a town/.test(await panelText(browser)), 'the overview after Back');
    });

    test('Previous place and Next place step between paragraphs that name places, with focus', async () => {
      await openReader('#/read/hyesan-frontier/1');
      await untilParagraph(1);
      const seen = [];
      for (let i = 0; i < 3; i++) {
        const from = (await progress()).n;
        await browser.click(await theOne(browser, 'button', 'Next place'));
        const p = await browser.until(async () => ((await progress())?.n > from) && (await progress()), 'the next place');
        seen.push(p.n);
        const el = await focused(browser);
        assert.equal(await browser.attribute(el, 'id'), `/read/hyesan-frontier/${p.n}`);
        const names = await browser.script(`return [...arguments[0].querySelectorAll('a[role="button"]')].length`, browser.ref(el));
        assert.ok(names > 0, `paragraph ${p.n} names a place`);
      }
      await browser.click(await theOne(browser, 'button', 'Previous place'));
      await untilParagraph(seen[1], 'back to the previous place');
      assert.deepEqual(browser.errors(), []);
    });

    test('dragging the map pauses following, and Follow the text resumes it', async () => {
      await openReader('#/read/jian-border/1');
      const follow = await theOne(browser, 'button', 'Follow the text');
      assert.equal(await browser.attribute(follow, 'aria-pressed'), 'true');
      const map = await theOne(browser, 'region', 'Map of the Yalu River');
      const r = await browser.script('return arguments[0].getBoundingClientRect().toJSON()', browser.ref(map));
      for (let i = 0; i < 4; i++) await browser.click(await theOne(browser, 'button', 'Zoom in'));
      await drag(browser, r.x + r.width * 0.3, r.y + r.height * 0.5, 250, 150);
      await browser.until(async () => (await browser.attribute(follow, 'aria-pressed')) === 'false', 'following to pause');
      assert.match(await panelText(browser), /Paused while you move the map/);
      const manpo = await paragraphNaming('jian-border', ['manpo']);
      await scrollToLine('jian-border', manpo);
      await untilParagraph(manpo);
      await browser.until(() => current('Manpo'), 'Manpo marked while paused');
      await new Promise((ok) => setTimeout(ok, 600));
      assert.equal(await inMap('Manpo'), false, 'the paused map stays where the reader put it');
      await browser.click(follow);
      assert.equal(await browser.attribute(follow, 'aria-pressed'), 'true');
      await browser.until(() => inMap('Manpo'), 'the map to frame Manpo again');
      // Pressed while following, it stops following.
      await browser.click(follow);
      assert.equal(await browser.attribute(follow, 'aria-pressed'), 'false');
    });

    test('a place opened from the text offers the way back to the same paragraph', async () => {
      await openReader('#/read/hyesan-frontier/3');
      await untilParagraph(3);
      const reader = await theOne(browser, 'complementary', 'Place details');
      const mention = await browser.script(
        `return document.getElementById('/read/hyesan-frontier/3').querySelector('a[role="button"]')`,
      );
      await browser.click(Object.values(mention)[0]);
      await browser.until(async () => /passages/.test(await panelText(browser)), 'the place');
      const back = await theOne(browser, 'link', 'Back to the text');
      await browser.click(back);
      await untilParagraph(3, 'paragraph 3 again');
      assert.equal(await browser.attribute(await focused(browser), 'id'), '/read/hyesan-frontier/3');
      assert.ok(reader);
    });

    test('on a 390×844 phone the map stays in view above the text while reading', async () => {
      await browser.setWindowSize(390, 844);
      try {
        await openReader('#/read/jian-border/1');
        const box = () => browser.script(
          `const r = document.querySelector('section[aria-label="Map of the Yalu River"]').getBoundingClientRect();
           return { top: r.top, bottom: r.bottom, height: innerHeight };`);
        await browser.script('window.scrollBy(0, 1500)');
        await new Promise((ok) => setTimeout(ok, 200));
        const map = await box();
        assert.ok(map.top >= -1 && map.bottom > map.height * 0.25 && map.bottom < map.height * 0.6, JSON.stringify(map));
        // The current paragraph is below the map, not under it.
        const n = (await untilParagraph((await progress()).n)).n;
        const top = await browser.script(`return document.getElementById('/read/jian-border/${n}').getBoundingClientRect().bottom`);
        assert.ok(top > map.bottom, `paragraph ${n} ends at ${top}, under the map (${map.bottom})`);
        const [scroll, width] = await browser.script('return [document.documentElement.scrollWidth, document.documentElement.clientWidth]');
        assert.ok(scroll <= width, `${scroll} > ${width}`);
        // The map can be folded away, and back.
        await browser.click(await theOne(browser, 'button', 'Hide the map'));
        await browser.until(async () => (await box()).bottom <= 0, 'the map to fold away');
        await browser.click(await theOne(browser, 'button', 'Show the map'));
      } finally {
        await browser.setWindowSize(1280, 800);
      }
    });

    if (name === 'chromium') {
      test('with reduced motion the map reaches its framing at once', async () => {
        const emulate = (features) => browser.cmd('POST', '/goog/cdp/execute', { cmd: 'Emulation.setEmulatedMedia', params: { features } });
        await emulate([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
        try {
          await openReader('#/read/jian-border/1');
          const manpo = await paragraphNaming('jian-border', ['manpo']);
          for (let i = 0; i < 5; i++) await browser.click(await theOne(browser, 'button', 'Zoom in'));
          await browser.click(await theOne(browser, 'button', 'Follow the text'));
          await untilParagraph(1);
          const views = await browser.cmd('POST', '/execute/async', {
            script: `const done = arguments[arguments.length - 1];
              const p = document.getElementById('/read/jian-border/' + arguments[0]);
              const panel = p.closest('aside');
              const top = document.querySelector('[role="group"][aria-label="Story"]').getBoundingClientRect().bottom;
              const line = top + 0.4 * (panel.getBoundingClientRect().top + panel.clientHeight - top);
              panel.scrollBy(0, p.getBoundingClientRect().top - line + 6);
              const zoomed = document.querySelector('svg g[transform]');
              const seen = [];
              const frame = (k) => requestAnimationFrame(() => { seen.push(zoomed.getAttribute('transform')); k < 6 ? frame(k + 1) : done(seen); });
              frame(0);`,
            args: [manpo],
          });
          // Once the paragraph is current the view jumps to its end and stays: no frames between.
          const distinct = [...new Set(views)];
          assert.ok(distinct.length <= 2, `the map moved through ${distinct.length} views: ${distinct.join(' | ')}`);
          assert.ok(await inMap('Manpo'));
        } finally {
          await emulate([]);
        }
      });
    }
  });
}
