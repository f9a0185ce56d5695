// Post-build step before the pre-render (see post-build.sh): minifies the stylesheet Trunk
// inlined into the staging index.html (or the file given) with clean-css, whose level 1 only
// drops comments and white space and shortens values: no rule is merged or moved. Trunk
// minifies linked stylesheets, not inline ones. The pre-render then hashes the result for the
// page's policy.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import CleanCSS from 'clean-css';

const file = process.argv[2] ?? (process.env.TRUNK_STAGING_DIR && join(process.env.TRUNK_STAGING_DIR, 'index.html'));
if (!file) {
  console.error('usage: minify-css.mjs INDEX_HTML (or run from Trunk, which sets TRUNK_STAGING_DIR)');
  process.exit(2);
}
const html = readFileSync(file, 'utf8');
const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
if (styles.length !== 1) {
  console.error(`error: ${file}: expected exactly one <style>, found ${styles.length}`);
  process.exit(1);
}
const [whole, css] = styles[0];
const out = new CleanCSS({ level: 1, inline: false, rebase: false }).minify(css);
for (const problem of [...out.errors, ...out.warnings]) console.error(`error: ${file}: <style>: ${problem}`);
if (out.errors.length || out.warnings.length) process.exit(1);
writeFileSync(file, html.replace(whole, () => `<style>${out.styles}</style>`));
