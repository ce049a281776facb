/// <reference lib="webworker" />
// The service worker: keeps the app shell so the app opens offline (navigations try the
// network first, so an online user always gets the newest version; the shell answers when
// offline), shows push notifications in the family's language, and opens the child's day when
// one is tapped. A new version waits until the app asks it to take over ("更新").
import { get } from 'idb-keyval';

import { translate, type Key, type Locale } from './strings';
import { formatTime } from './time';

declare const self: ServiceWorkerGlobalScope;
declare const __PRECACHE__: string[];
declare const __VERSION__: string;

const CACHE = `tsunagu-shell-${__VERSION__}`;
const NAVIGATION_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(__PRECACHE__)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith('tsunagu-shell-') && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/graphql') || url.pathname.startsWith('/reports/') || url.pathname === '/healthz') return;
  if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
    return;
  }
  event.respondWith(cacheFirst(request));
});

async function navigation(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('slow network')), NAVIGATION_TIMEOUT_MS)),
    ]);
    if (response.ok && response.headers.get('content-type')?.includes('text/html')) void cache.put('/', response.clone());
    return response;
  } catch {
    return (await cache.match('/')) ?? Response.error();
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && new URL(request.url).pathname.startsWith('/assets/')) void cache.put(request, response.clone());
  return response;
}

/** What the server sends (see server/src/domain/push.rs PushPayload). */
interface PushPayload {
  kind: string;
  eventId: string;
  childId: string;
  childName: string;
  title: string;
  body: string;
  at: string;
  path: string;
}

const TEXTS: Record<string, [Key, Key]> = {
  ARRIVAL: ['pushArrivalTitle', 'pushArrivalBody'],
  DEPARTURE: ['pushDepartureTitle', 'pushDepartureBody'],
  ABSENCE_ACKNOWLEDGED: ['pushAckTitle', 'pushAckBody'],
  NOTEBOOK_PUBLISHED: ['pushNotebookTitle', 'pushNotebookBody'],
  FEVER: ['pushFeverTitle', 'pushFeverBody'],
  ABSENCE_REPORTED: ['pushReportedTitle', 'pushReportedBody'],
  NAP_ALERT: ['pushNapTitle', 'pushNapBody'],
  PICKUP_WARNING: ['pushPickupTitle', 'pushPickupBody'],
};

/** The notification's text in the user's language (the server's Japanese text otherwise). */
export function notificationText(payload: PushPayload, lang: Locale): { title: string; body: string } {
  const keys = TEXTS[payload.kind];
  if (!keys) return { title: payload.title, body: payload.body };
  const params = { name: payload.childName, time: payload.at ? formatTime(payload.at) : '' };
  return { title: translate(lang, keys[0], params), body: translate(lang, keys[1], params) };
}

self.addEventListener('push', (event) => {
  event.waitUntil(
    (async () => {
      let payload: PushPayload;
      try {
        payload = event.data?.json() as PushPayload;
      } catch {
        return;
      }
      let lang: Locale = 'ja';
      try {
        lang = (await get<Locale>('locale')) === 'en' ? 'en' : 'ja';
      } catch {
        /* no storage: Japanese */
      }
      const { title, body } = notificationText(payload, lang);
      await self.registration.showNotification(title, {
        body,
        tag: payload.eventId,
        lang,
        icon: '/icons/icon-192.png',
        badge: '/icons/icon-192.png',
        data: { path: payload.path },
      });
    })(),
  );
});

/** Opens a path of the app: an open window navigates there, else a new one opens. */
async function openPath(path: string): Promise<void> {
  const target = new URL(path.startsWith('/') ? path : '/', self.location.origin).href;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const existing = windows[0];
  if (existing) {
    const navigated = (await existing.navigate(target).catch(() => null)) ?? existing;
    await navigated.focus().catch(() => undefined);
    return;
  }
  await self.clients.openWindow(target);
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const path = (event.notification.data as { path?: string } | null)?.path ?? '/';
  event.waitUntil(openPath(path));
});

// For the browser tests, which cannot click a notification in a headless browser: the same
// function the click runs.
(self as unknown as { openNotificationPath: typeof openPath }).openNotificationPath = openPath;
