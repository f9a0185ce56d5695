// The page's service worker (dist/sw.js), written by scripts/finish-dist.mjs with the build's
// file list in place of FILES (each file of dist/ a first load needs, with its SHA-256) and the
// build's version, a hash of that list, in place of BUILD.
// - Install: fetch every file, checked against its hash, into one cache for this build; a file
//   that does not match (a half-finished deploy) fails the install and the old build stays.
//   Each file is asked of the browser's HTTP cache first (cache: 'force-cache'), where the page
//   has just put it, so a first visit transfers each file once; a cached copy that fails its
//   hash (an older build's page) is fetched again from the network.
// - Pages: from the network when there is one, so a new build shows on the next load; from the
//   cache when there is none. Other files of the list: from the cache. The detail drawings
//   (detail/…), which the map fetches as the reader zooms in: from the cache once fetched, and
//   kept there as they arrive, so a place zoomed into once shows its detail offline too.
//   Anything else: untouched.
// - A new build brings a new sw.js (its list changed): it installs beside the old one, takes
//   over, and deletes the old build's cache. A page and its files always come from one build,
//   because every other file's name carries its content hash.
const FILES = /*FILES*/ [];
const BUILD = /*BUILD*/ '';
const scope = self.registration.scope;
const prefix = `yalu-atlas ${scope} `;
// Caches are shared by the whole origin: the name says which copy of the page (scope) and build.
const cacheName = prefix + BUILD;
const urlOf = (file) => new URL(file, scope).href;
const page = urlOf('index.html');
const listed = new Set(FILES.map(([file]) => urlOf(file)));
const detail = urlOf('detail/');

// The URL under which the browser already holds `url`: for the page, the address the reader
// opened it at (the scope itself, `…/atlas/`, or `…/atlas/index.html`), which is what the
// navigation put in the HTTP cache; for any other file, its own.
const asked = (url) =>
  url !== page
    ? Promise.resolve(url)
    : self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((clients) => {
        const opened = clients.map((c) => new URL(c.url)).map((u) => u.origin + u.pathname);
        return opened.find((u) => u === scope || u === page) ?? page;
      });

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) =>
        Promise.all(
          FILES.map(([file, integrity]) =>
            asked(urlOf(file)).then((url) =>
              fetch(url, { integrity, cache: 'force-cache' })
                .catch(() => fetch(url, { integrity, cache: 'no-cache' }))
                .then((response) => {
                  if (!response.ok) throw new Error(`${file}: ${response.status}`);
                  return cache.put(urlOf(file), response);
                }),
            ),
          ),
        ),
      )
      .then(() => self.skipWaiting())
      .catch((error) => caches.delete(cacheName).then(() => Promise.reject(error))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(prefix) && n !== cacheName).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const where = url.origin + url.pathname;
  if (request.mode === 'navigate') {
    if (where !== scope && where !== page) return;
    event.respondWith(fetch(request).catch(() => caches.match(page, { cacheName }).then((r) => r ?? Response.error())));
  } else if (listed.has(where)) {
    event.respondWith(caches.match(where, { cacheName }).then((r) => r ?? fetch(request)));
  } else if (where.startsWith(detail)) {
    event.respondWith(
      caches.open(cacheName).then((cache) =>
        cache.match(where).then(
          (kept) =>
            kept ??
            fetch(request).then((response) => {
              if (response.ok) event.waitUntil(cache.put(where, response.clone()));
              return response;
            }),
        ),
      ),
    );
  }
});
