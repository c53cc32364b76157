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
          windows.map((w) => {
            const started = generation;
            return fetch(w.url, { credentials: "same-origin" })
              .then((r) => cachePage(w.url, r, started))
              .catch(() => undefined);
          }),
        ),
      ),
  );
});

// Pages are kept per viewer: the server marks each page with an opaque id of the session it was
// rendered for ("none" for nobody), and a cookie the worker can read holds the id of whoever is
// signed in now. A page is stored under its path alone (so /r/1?x and /r/1 are one page) plus
// its viewer, and served offline only to that viewer.
const VIEWER_HEADER = "x-tandem-viewer";
// Named with the `__Host-` prefix when served over https.
const VIEWER_COOKIES = ["__Host-tandem_viewer", "tandem_viewer"];
const NOBODY = "none";
const LAST_VIEWER = "/tandem-last-viewer";

const pageKey = (url, viewer) =>
  `${new URL(url, self.location.origin).pathname}?viewer=${encodeURIComponent(viewer)}`;
const viewerOf = (key) => new URL(key.url).searchParams.get("viewer");

// Who is signed in on this browser now. Where the worker cannot read cookies, the viewer of
// the last page the server sent stands in.
async function currentViewer() {
  if (self.cookieStore) {
    for (const name of VIEWER_COOKIES) {
      const mark = await self.cookieStore.get(name).catch(() => null);
      if (mark && mark.value) return mark.value;
    }
    return NOBODY;
  }
  const cache = await caches.open(CACHE);
  const last = await cache.match(LAST_VIEWER);
  return last ? last.text() : NOBODY;
}

// Drops every kept page whose viewer is not `viewer`.
async function keepOnly(viewer) {
  const cache = await caches.open(CACHE);
  const keys = await cache.keys();
  await Promise.all(
    keys.filter((k) => viewerOf(k) !== null && viewerOf(k) !== viewer).map((k) => cache.delete(k)),
  );
  await cache.put(LAST_VIEWER, new Response(viewer));
}

// Signing out, or a page for nobody, starts a new generation: a page fetched before it (a reply
// that arrives late) is not kept. Cache writes run one at a time, in order.
let generation = 0;
let writes = Promise.resolve();
const serially = (task) => (writes = writes.then(task, task));

// Keeps a page the server marked, fetched in generation `started`. A page for nobody means
// nobody is signed in here any more: every signed-in person's pages go.
function cachePage(url, response, started) {
  return serially(async () => {
    const viewer = response.headers.get(VIEWER_HEADER);
    if (!response.ok || response.type !== "basic" || !viewer || started !== generation) return;
    if (viewer === NOBODY) generation += 1;
    else if (self.cookieStore && viewer !== (await currentViewer())) return;
    await keepOnly(viewer);
    const cache = await caches.open(CACHE);
    await cache.put(pageKey(url, viewer), response);
  });
}

async function offlinePage(url) {
  const viewer = await currentViewer();
  return (
    (await caches.match(pageKey(url, viewer))) || (await caches.match(pageKey("/", viewer))) || Response.error()
  );
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // Data goes to the network only: a cached answer could hide a change or a sign-out.
  const networkOnly = ["/api/", "/calendar/"].some((p) => url.pathname.startsWith(p));
  if (networkOnly || url.pathname === "/healthz" || url.pathname === "/sw.js") return;

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
    const started = generation;
    event.respondWith(
      fetch(request)
        .then((response) => {
          event.waitUntil(cachePage(request.url, response.clone(), started));
          return response;
        })
        .catch(() => offlinePage(request.url)),
    );
    return;
  }

  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});

// The app asks for pages to keep (the relationships on the home screen) and to forget every
// signed-in person's pages when someone signs out.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "keep" && Array.isArray(data.paths)) {
    event.waitUntil(
      Promise.all(
        data.paths.map((path) => {
          const started = generation;
          return fetch(path, { credentials: "same-origin" })
            .then((r) => cachePage(path, r, started))
            .catch(() => undefined);
        }),
      ),
    );
  } else if (data.type === "forget") {
    generation += 1;
    event.waitUntil(serially(() => keepOnly(NOBODY)));
  }
});
