// What a reader perceives, read off the browser's accessibility tree: controls by role and name,
// landmarks by role, and their visible text.
const CANDIDATES = 'button, a[href], [role], aside, section, main, nav, header, h1, h2, h3';

/** Every element whose computed role is `role` (and name `name`, when given). */
export async function byRole(browser, role, name) {
  const found = [];
  for (const el of await browser.findAll(CANDIDATES)) {
    if ((await browser.role(el)) !== role) continue;
    if (name !== undefined && (await browser.label(el)) !== name) continue;
    found.push(el);
  }
  return found;
}

/** The one element of `role` named `name`; fails if there is none or more than one. */
export async function theOne(browser, role, name) {
  const found = await byRole(browser, role, name);
  if (found.length !== 1) throw new Error(`${browser.name}: expected one ${role} named "${name}", found ${found.length}`);
  return found[0];
}

/** Waits until the page shows a `role` named `name`, and returns it. */
export function waitFor(browser, role, name) {
  return browser.until(async () => (await byRole(browser, role, name))[0], `${role} "${name}"`);
}

/** Waits until the page is live (its zoom buttons show only then) and has drawn its first live
 * frame, where the map measures itself: what a reader first sees of the live page. */
export async function untilLive(browser) {
  await waitFor(browser, 'button', 'Zoom in');
  await browser.script('return new Promise((done) => requestAnimationFrame(() => setTimeout(done)))');
}

/** The visible text of the panel (the complementary landmark). */
export async function panelText(browser) {
  return browser.text(await theOne(browser, 'complementary', 'Place details'));
}

/** The accessible name of the focused element. */
export async function focusedName(browser) {
  const el = await browser.cmd('GET', '/element/active');
  return browser.label(Object.values(el)[0]);
}

/** Elements of `role` (named `name`, when given) inside `container`, in document order. */
export async function inside(browser, container, role, name) {
  const els = await browser.cmd('POST', `/element/${container}/elements`, { using: 'css selector', value: `${CANDIDATES}, mark, p, li` });
  const found = [];
  for (const e of els.map((x) => Object.values(x)[0])) {
    if ((await browser.role(e)) !== role) continue;
    if (name !== undefined && (await browser.label(e)) !== name) continue;
    found.push(e);
  }
  return found;
}

/** The focused element. */
export async function focused(browser) {
  return Object.values(await browser.cmd('GET', '/element/active'))[0];
}
