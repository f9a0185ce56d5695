// Runs axe-core (from node_modules) in the page and returns its violations, WCAG 2.2 A and AA.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Violations as "rule: target…" strings, empty when the page passes. */
export async function axeViolations(browser) {
  await browser.script(AXE);
  const result = await browser.cmd('POST', '/execute/async', {
    script: `const done = arguments[arguments.length - 1];
      axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
        .then((r) => done(r.violations.map((v) => v.id + ': ' + v.help + ' @ ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '))))
        .catch((e) => done(['axe failed: ' + e]));`,
    args: [],
  });
  return result;
}
