// End-to-end: the provinces and the minor places are places like the towns: on the map, in
// the place list, by keyboard, each with its panel of passages.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, useSession } from './session.mjs';
import { focusedName, inside, panelText, theOne } from './reader.mjs';
import { tabTo } from './map.mjs';

const ENTER = '\uE007';

for (const name of BROWSERS) {
  describe(`provinces and minor places, in ${name}`, () => {
    const session = useSession(name);
    let browser;
    before(() => ({ browser } = session));
    const onMap = async (place) => {
      const found = await inside(browser, await theOne(browser, 'region', 'Map of the Yalu River'), 'button', place);
      return found[0];
    };

    test('a province is chosen on the map, and its panel lists its passages', async () => {
      await session.open();
      const ryanggang = await onMap('Ryanggang');
      assert.ok(ryanggang, 'Ryanggang is a button on the map');
      await browser.clickCentre(ryanggang);
      await browser.until(async () => /^Ryanggang/.test(await panelText(browser)), 'the Ryanggang panel');
      const text = await panelText(browser);
      assert.match(text, /\b2 passages\b/);
      assert.match(text, /Ryanggang Province/);
      assert.equal(await browser.attribute(ryanggang, 'aria-pressed'), 'true');
      assert.deepEqual(browser.errors(), []);
    });

    test('a province is reached with Tab and chosen with Enter', async () => {
      await session.open();
      await tabTo(browser, 'Chagang');
      await browser.keys(ENTER);
      await browser.until(async () => /^Chagang/.test(await panelText(browser)), 'the Chagang panel');
      assert.match(await focusedName(browser), /Chagang/);
      assert.match(await panelText(browser), /No passage of the articles mentions Chagang/);
    });

    test('a minor place is hidden at the first view and shown when chosen from the place list', async () => {
      await session.open();
      const shown = async () => browser.displayed(await onMap('Changbai County').catch(() => undefined) ?? (await browser.findAll('#marker-changbai'))[0]);
      assert.equal(await shown(), false, 'Changbai County is drawn at the first view');
      const list = await theOne(browser, 'navigation', 'Places, from the source of the Yalu to its mouth');
      await browser.click((await inside(browser, list, 'link', 'Changbai County'))[0]);
      await browser.until(async () => /^Changbai County/.test(await panelText(browser)), 'the Changbai County panel');
      await browser.until(shown, 'Changbai County on the map');
      // Next to it, across the river, Hyesan.
      assert.ok(await onMap('Hyesan'));
    });
  });
}
