// Who is logged in: the token survives restarts of the phone (localStorage); the account's
// roles decide which app (guardian or staff) opens; the language follows the account.
import { signal } from '@preact/signals';
import { set as idbSet } from 'idb-keyval';

import { gql, setBearer, whenUnauthenticated } from './api/http';
import { LoginDocument, LogoutDocument, MeDocument, SetLocaleDocument, type MeQuery } from './gql/graphql';
import { setLocaleLocal, toLocale, type Locale } from './i18n';
import { stopLive } from './api/live';

const TOKEN = 'tsunagu.token';

export type Viewer = MeQuery['me'];

export const token = signal<string | null>(readToken());
export const viewer = signal<Viewer | null>(null);

function readToken(): string | null {
  try {
    return localStorage.getItem(TOKEN);
  } catch {
    return null;
  }
}

setBearer(token.value);
whenUnauthenticated(() => forget());

export function isStaff(v: Viewer | null): boolean {
  return !!v?.roles.some((r) => r.role === 'STAFF' || r.role === 'NURSERY_ADMIN');
}

/** A city officer: aggregates of the municipality only (no child, no name). */
export function isOfficer(v: Viewer | null): boolean {
  return !!v?.roles.some((r) => r.role === 'MUNICIPAL_OFFICER');
}

export function municipalityIdOf(v: Viewer | null): string | null {
  return v?.roles.find((r) => r.role === 'MUNICIPAL_OFFICER')?.scopeId ?? null;
}

export function isHead(v: Viewer | null): boolean {
  return !!v?.roles.some((r) => r.role === 'NURSERY_ADMIN');
}

/** The nursery a staff member or head works in. */
export function nurseryIdOf(v: Viewer | null): string | null {
  return v?.roles.find((r) => r.role === 'STAFF' || r.role === 'NURSERY_ADMIN')?.scopeId ?? null;
}

/** The language the service worker uses for notifications (it cannot read localStorage). */
async function shareLocale(lang: Locale): Promise<void> {
  try {
    await idbSet('locale', lang);
  } catch {
    /* private mode: notifications fall back to Japanese */
  }
}

export async function login(email: string, password: string): Promise<void> {
  const data = await gql(LoginDocument, { email, password });
  await signedIn(data.login.token);
}

/** Keeps a new session's token (a login, an activation) and loads its account. */
export async function signedIn(newToken: string): Promise<void> {
  stopLive();
  localStorage.setItem(TOKEN, newToken);
  token.value = newToken;
  setBearer(newToken);
  viewer.value = null;
  await loadViewer();
}

export async function loadViewer(): Promise<void> {
  const data = await gql(MeDocument);
  viewer.value = data.me;
  const lang = toLocale(data.me.user.locale);
  setLocaleLocal(lang);
  void shareLocale(lang);
  try {
    localStorage.setItem('tsunagu.viewer', JSON.stringify(data.me));
  } catch {
    /* ignore */
  }
}

/** The last known account, so the app opens offline. */
export function cachedViewer(): Viewer | null {
  try {
    const raw = localStorage.getItem('tsunagu.viewer');
    return raw ? (JSON.parse(raw) as Viewer) : null;
  } catch {
    return null;
  }
}

export async function changeLocale(next: Locale): Promise<void> {
  setLocaleLocal(next);
  void shareLocale(next);
  if (token.value) {
    await gql(SetLocaleDocument, { locale: next });
    if (viewer.value) viewer.value = { ...viewer.value, user: { ...viewer.value.user, locale: next } };
  }
}

/** Ends the session on the server and forgets it here; closes the live connection. */
export async function logout(): Promise<void> {
  try {
    await gql(LogoutDocument);
  } catch {
    /* offline: the token is forgotten anyway */
  }
  forget();
}

function forget(): void {
  stopLive();
  for (const key of [TOKEN, 'tsunagu.viewer', 'tsunagu.cursor']) localStorage.removeItem(key);
  token.value = null;
  viewer.value = null;
  setBearer(null);
}
