// Pixhaven's service worker. The app opens without a network (its shell is cached, newest first from the server);
// thumbnails, whose URLs never change content, are kept for offline browsing; the API, WebDAV and share links always
// go to the server. Plain JavaScript on purpose: it is served as it is, outside the Vite bundle.
const SHELL = 'pixhaven-shell-v1';
const THUMBNAILS = 'pixhaven-thumbnails-v1';
const MAX_THUMBNAILS = 3000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(['/', '/favicon.svg', '/manifest.webmanifest'])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== SHELL && key !== THUMBNAILS).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/v1/t/')) {
    event.respondWith(thumbnail(request));
    return;
  }

  const isShell = request.mode === 'navigate' || url.pathname.startsWith('/assets/');
  if (!isShell || url.pathname.startsWith('/api/') || url.pathname.startsWith('/webdav') || url.pathname.startsWith('/s/')) return;
  // Every page of the app is the same index.html, so it is cached once, under '/'.
  const key = request.mode === 'navigate' ? '/' : request;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(SHELL).then((cache) => cache.put(key, copy)));
        }
        return response;
      })
      .catch(() => caches.match(key).then((cached) => cached ?? Response.error())),
  );
});

let stored = 0;

async function thumbnail(request) {
  const cache = await caches.open(THUMBNAILS);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
    // Now and then, forget the oldest thumbnails beyond the limit.
    if (++stored % 100 === 0) {
      const keys = await cache.keys();
      await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_THUMBNAILS)).map((key) => cache.delete(key)));
    }
  }
  return response;
}
