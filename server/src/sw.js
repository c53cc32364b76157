// Tandem's service worker. The server fills in VERSION and ASSETS once at start-up, so a new
// deployment is a new worker: it installs beside the old one, takes over, and deletes old caches.
const VERSION = "__VERSION__";
const ASSETS = __ASSETS__;
const CACHE = `tandem-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("tandem-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
      // The pages open right now were loaded before this worker: keep them for offline use too.
      .then(() => self.clients.matchAll({ type: "window" }))
      .then((windows) =>
        Promise.all(
          windows.map((w) =>
            fetch(w.url, { credentials: "same-origin" }).then((r) => cachePage(w.url, r)).catch(() => undefined),
          ),
        ),
      ),
  );
});

// Pages are stored under their path alone, so /r/1?x and /r/1 are one page.
const pageKey = (url) => new URL(url, self.location.origin).pathname;

async function cachePage(url, response) {
  if (response.ok && response.type === "basic") {
    const cache = await caches.open(CACHE);
    await cache.put(pageKey(url), response);
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // Data goes to the network only: a cached answer could hide a change or a sign-out.
  if (url.pathname.startsWith("/api/") || url.pathname === "/healthz" || url.pathname === "/sw.js") return;

  if (url.pathname.startsWith("/pkg/")) {
    // Hashed names never change content: cache first.
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
    return;
  }

  if (request.mode === "navigate") {
    // Pages: the network when it answers, else the copy from the last visit.
    event.respondWith(
      fetch(request)
        .then((response) => {
          event.waitUntil(cachePage(request.url, response.clone()));
          return response;
        })
        .catch(async () => (await caches.match(pageKey(request.url))) || (await caches.match("/")) || Response.error()),
    );
    return;
  }

  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});

// The app asks for pages to keep (the relationships on the home screen) and to forget
// everything page-shaped when someone signs out.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "keep" && Array.isArray(data.paths)) {
    event.waitUntil(
      Promise.all(
        data.paths.map((path) =>
          fetch(path, { credentials: "same-origin" }).then((r) => cachePage(path, r)).catch(() => undefined),
        ),
      ),
    );
  } else if (data.type === "forget") {
    event.waitUntil(
      caches.open(CACHE).then((cache) =>
        cache.keys().then((keys) =>
          Promise.all(keys.filter((k) => !new URL(k.url).pathname.startsWith("/pkg/")).map((k) => cache.delete(k))),
        ),
      ),
    );
  }
});
