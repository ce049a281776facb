// The service worker: registered at start; a new version waits until the user taps "更新"
// (nothing reloads under a teacher's finger), and then every tab reloads onto it.
import { signal } from '@preact/signals';

export const updateReady = signal<ServiceWorker | null>(null);
let applying = false;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then((registration) => {
      const watch = (worker: ServiceWorker) =>
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) updateReady.value = worker;
        });
      if (registration.waiting && navigator.serviceWorker.controller) updateReady.value = registration.waiting;
      registration.addEventListener('updatefound', () => registration.installing && watch(registration.installing));
      // Tablets stay open all day: look for a new version when shown again and every hour.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') void registration.update().catch(() => {});
      });
      setInterval(() => void registration.update().catch(() => {}), 3600_000);
    })
    .catch(() => {});
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (applying) location.reload();
  });
}

export function applyUpdate(): void {
  const worker = updateReady.value;
  if (!worker) return;
  applying = true;
  worker.postMessage({ type: 'SKIP_WAITING' });
}
