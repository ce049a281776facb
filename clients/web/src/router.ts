// A tiny router on the History API: the server answers every navigation path with the app.
import { signal } from '@preact/signals';

export const path = signal(typeof location !== 'undefined' ? location.pathname : '/');

export function navigate(to: string, replace = false): void {
  if (to === location.pathname) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  path.value = to;
  window.scrollTo(0, 0);
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    path.value = location.pathname;
  });
  // Links inside the app navigate without reloading.
  document.addEventListener('click', (event) => {
    const anchor = (event.target as Element | null)?.closest?.('a[href^="/"]') as HTMLAnchorElement | null;
    if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || anchor.target) return;
    event.preventDefault();
    navigate(anchor.getAttribute('href') ?? '/');
  });
}

/** `/children/:id/:section?` → its parts. */
export function matchChild(p: string): { childId: string; section: string; item?: string } | null {
  const m = /^\/children\/([^/]+)(?:\/([^/]+)(?:\/([^/]+))?)?\/?$/.exec(p);
  return m ? { childId: decodeURIComponent(m[1]), section: m[2] ?? 'day', item: m[3] && decodeURIComponent(m[3]) } : null;
}
