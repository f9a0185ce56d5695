// Reader gestures on the map, and what the map shows back (its scale bar, where a control is).
import { focused, focusedName, theOne } from './reader.mjs';

/** The distance the scale bar stands for, read from the map's visible text. */
export async function mapScale(browser) {
  const text = await browser.text(await theOne(browser, 'region', 'Map of the Yalu River'));
  const m = text.match(/(\d+) (km|m)\b/);
  if (!m) throw new Error(`no scale bar in: ${text}`);
  return { label: m[0], metres: Number(m[1]) * (m[2] === 'km' ? 1000 : 1) };
}

/** The centre of an element on screen, in CSS pixels. */
export function centreOf(browser, el) {
  return browser.script(
    'const r = arguments[0].getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 };',
    browser.ref(el),
  );
}

/** Scrolls the wheel at a point (negative `deltaY` zooms in). */
export function wheelAt(browser, x, y, deltaY) {
  return browser.cmd('POST', '/actions', {
    actions: [{
      type: 'wheel', id: 'wheel',
      actions: [{ type: 'scroll', x: Math.round(x), y: Math.round(y), deltaX: 0, deltaY, origin: 'viewport' }],
    }],
  });
}

/** Presses the mouse at (x, y), moves by (dx, dy) in steps, and releases. */
export function drag(browser, x, y, dx, dy) {
  const steps = 8;
  const moves = Array.from({ length: steps }, (_, i) => ({
    type: 'pointerMove', duration: 16, origin: 'viewport',
    x: Math.round(x + (dx * (i + 1)) / steps), y: Math.round(y + (dy * (i + 1)) / steps),
  }));
  return browser.pointer([
    { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
    { type: 'pointerDown', button: 0 },
    ...moves,
    { type: 'pointerUp', button: 0 },
  ]);
}

/** Presses Tab until the element of `role` named `name` has focus. */
export async function tabTo(browser, name, role = 'button', limit = 30) {
  for (let i = 0; i < limit; i++) {
    await browser.keys('\uE004');
    if ((await focusedName(browser)) === name && (await browser.role(await focused(browser))) === role) return;
  }
  throw new Error(`${browser.name}: Tab never reached the ${role} "${name}"`);
}

/** Where a point `fraction` of the way along the drawn Yalu is on screen, in CSS pixels. */
export async function riverPoint(browser, fraction) {
  const river = await theOne(browser, 'button', 'Yalu River');
  return browser.script(
    `const path = arguments[0].querySelector('path');
     const p = path.getPointAtLength(path.getTotalLength() * arguments[1]);
     const m = path.getScreenCTM();
     return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };`,
    browser.ref(river), fraction,
  );
}
