// The gzip copies a static host serves as they are: Zopfli (the npm package @gfx/zopfli, built
// to WebAssembly) writes gzip streams any browser reads, some 6 % smaller than zlib's best, at
// a few seconds of build time. The build's own files and the bench's peer pages use the same.
import { gzipAsync } from '@gfx/zopfli';

/** `body` gzip-compressed as small as Zopfli makes it. */
export async function gzipBest(body) {
  return Buffer.from(await gzipAsync(body, { numiterations: 15 }));
}
