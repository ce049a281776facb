// The app's current language as a signal, over the string tables (src/strings.ts, which the
// service worker shares).
import { signal } from '@preact/signals';

import { translate, type Key, type Locale } from './strings';

export { tables, toLocale, translate, type Key, type Locale } from './strings';

/** The app's language: the account's choice, or the device's until someone logs in. */
export const locale = signal<Locale>(initialLocale());

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem('tsunagu.locale');
    if (stored === 'ja' || stored === 'en') return stored;
  } catch {
    /* storage unavailable: fall through */
  }
  return 'ja';
}

export function setLocaleLocal(next: Locale): void {
  locale.value = next;
  try {
    localStorage.setItem('tsunagu.locale', next);
  } catch {
    /* ignore */
  }
  document.documentElement.lang = next;
}

/** The current language's text for `key`; reading it subscribes the component to the locale. */
export function t(key: Key, params?: Record<string, string | number>): string {
  return translate(locale.value, key, params);
}
