// The app's root: login, then the guardian app or the staff app (each loaded on demand, so a
// parent's phone never downloads the roster).
import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';

import { useLazy as useLazyLoad } from './lazy';

import { ApiError } from './api/http';
import { startLive } from './api/live';
import { t } from './i18n';
import { Login } from './ui/login';
import { path } from './router';
import { cachedViewer, isOfficer, isStaff, loadViewer, token, viewer } from './session';

type Loaded = ComponentType<Record<string, never>>;

const useLazy = (load: () => Promise<Loaded>): Loaded | null => useLazyLoad(load);

const loadGuardian = () => import('./guardian/guardian-app').then((m) => m.GuardianApp as Loaded);
const loadStaff = () => import('./staff/staff-app').then((m) => m.StaffApp as Loaded);
const loadOfficer = () => import('./officer/officer-app').then((m) => m.OfficerApp as Loaded);
const loadActivate = () => import('./account/activate').then((m) => m.Activate as Loaded);

export function App() {
  const [failed, setFailed] = useState(false);
  const current = token.value;
  useEffect(() => {
    if (!current) return;
    startLive(current);
    if (viewer.value) return;
    // While the account is read again, the screens of the role it had last time load alongside
    // (one round trip fewer before the first screen; a changed role loads its own after).
    const known = cachedViewer();
    if (known) void (isOfficer(known) ? loadOfficer() : isStaff(known) ? loadStaff() : loadGuardian()).catch(() => {});
    loadViewer().catch((err: unknown) => {
      // Offline: open with the account we knew, the screens show what they cached.
      const cached = cachedViewer();
      if (cached && err instanceof ApiError && err.transient) viewer.value = cached;
      else if (!(err instanceof ApiError && err.code === 'UNAUTHENTICATED')) setFailed(true);
    });
  }, [current]);
  // The letter's QR link opens activation whoever is signed in on this device.
  if (path.value === '/activate') return <Lazy load={loadActivate} />;
  if (!current) return <Login />;
  const who = viewer.value;
  if (!who) {
    return (
      <main class="center" aria-busy={!failed}>
        {failed ? (
          <button class="btn" onClick={() => location.reload()}>
            {t('retry')}
          </button>
        ) : (
          <p>{t('loading')}</p>
        )}
      </main>
    );
  }
  if (isOfficer(who)) return <Lazy load={loadOfficer} />;
  return isStaff(who) ? <Lazy load={loadStaff} /> : <Lazy load={loadGuardian} />;
}

function Lazy({ load }: { load: () => Promise<Loaded> }) {
  const Component = useLazy(load);
  return Component ? <Component /> : <p class="center">{t('loading')}</p>;
}
