// Checks the built page with the W3C Nu HTML checker (npm vnu-jar, on Debian's Java): no error,
// and no warning but those listed in WARNINGS, each with the reason it stays (also in the README).
// Usage: node scripts/html-check.mjs [DIST]   (default: dist)
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
/** vnu-jar's main export is the path of vnu.jar. */
const jar = String(require('vnu-jar'));
const file = join(process.argv[2] ?? 'dist', 'index.html');

/** Warnings that stay, each as a pattern of the checker's message and why. */
const WARNINGS = [
  {
    pattern: /^Inline script violates Content Security Policy \(meta tag\): blocked by “script-src”/,
    reason: "the checker does not match inline scripts against the policy's sha256 source, which allows Trunk's bootstrap; the browsers run it (tests/e2e)",
  },
  {
    pattern: /^Inline style violates Content Security Policy \(meta tag\): blocked by “style-src”/,
    reason: "the same for the inline stylesheet, which the policy allows by its sha256 source; the browsers apply it (tests/e2e)",
  },
];

let report;
try {
  // --exit-zero-always: the messages, not the exit status, decide here.
  report = execFileSync('java', ['-jar', jar, '--format', 'json', '--stdout', '--exit-zero-always', file], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
} catch (e) {
  console.error(`html-check: could not run the Nu checker: ${e.message}`);
  process.exit(1);
}
const messages = JSON.parse(report).messages;
const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
const warnings = messages.filter((m) => m.type === 'info' && m.subType === 'warning');
const unlisted = warnings.filter((m) => !WARNINGS.some((w) => w.pattern.test(m.message)));
const show = (m) => `${file}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'}: ${m.type === 'info' ? 'warning' : 'error'}: ${m.message}`;
for (const m of [...errors, ...unlisted]) console.error(show(m));
for (const m of warnings.filter((w) => !unlisted.includes(w))) console.log(`${show(m)} (listed: ${WARNINGS.find((w) => w.pattern.test(m.message)).reason})`);
console.log(`html-check: ${file}: ${errors.length} errors, ${warnings.length} warnings (${unlisted.length} not listed)`);
process.exit(errors.length || unlisted.length ? 1 : 0);
