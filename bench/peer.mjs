// The bench's Leaflet peer: the atlas's places, lines and passages drawn by Leaflet 1.9 (npm
// `leaflet`, installed into bench/node_modules by `scripts/setup.sh bench`) as a typical
// Leaflet page would, to compare the atlas with. Built in a temporary folder at bench time
// from bench/leaflet/ (its page, script and style), Leaflet's own script and style, and data.js,
// written from the bake's `peer-data` (bake/src/bin/peer-data.rs): the same data the atlas
// bakes, with its lines simplified the same way. Every file gets a .gz copy, as dist/ has.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGzipCopies } from '../tests/e2e/server.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const LEAFLET = join(HERE, 'node_modules/leaflet/dist');

/** Builds the peer page from the data below `root` (the project); returns its folder. */
export async function buildPeer(root = join(HERE, '..')) {
  if (!existsSync(join(LEAFLET, 'leaflet.js'))) {
    throw new Error('peer: no bench/node_modules/leaflet; run `scripts/setup.sh bench` (make bench does)');
  }
  const json = execFileSync('cargo', ['run', '-q', '-p', 'yalu-bake', '--bin', 'peer-data', root], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  JSON.parse(json); // fail here, not in the browser
  const dir = mkdtempSync(join(tmpdir(), 'yalu-leaflet-'));
  for (const f of ['index.html', 'peer.js', 'peer.css']) cpSync(join(HERE, 'leaflet', f), join(dir, f));
  for (const f of ['leaflet.js', 'leaflet.css']) cpSync(join(LEAFLET, f), join(dir, f));
  writeFileSync(join(dir, 'data.js'), `// The atlas's baked data, from \`peer-data\`.\nwindow.YALU = ${json.trim()};\n`);
  await writeGzipCopies(dir);
  return dir;
}
