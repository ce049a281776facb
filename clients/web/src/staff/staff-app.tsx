// The staff tablet: the classroom roster, today's reports, care alerts on every screen; the
// care, journal and head screens load on demand (the roster's first load stays small).
import { useEffect } from 'preact/hooks';
import type { ComponentChildren, ComponentType } from 'preact';

import { useLazy } from '../lazy';
import { t } from '../i18n';
import { path } from '../router';
import { isHead, nurseryIdOf, viewer } from '../session';
import { AccountScreen } from '../ui/account-screens';
import { Settings } from '../ui/settings';
import { AlertBanner } from './alerts';
import { classroomChoice, ClassroomPicker } from './picker';
import { startPickups } from './pickup-store';
import { ReportsView } from './reports';
import { Roster } from './roster';
import { startStaff } from './store';

type Screen = ComponentType<{ banner: ComponentChildren; nurseryId: string; route: string }>;

const loadCare = () => import('./care/screens').then((m) => m.CareScreen as Screen);
const loadArrivals = () => import('./arrivals').then((m) => m.ArrivalsScreen as Screen);
const loadDepartures = () => import('./departures').then((m) => m.DeparturesScreen as Screen);
const loadPickup = () => import('./pickup').then((m) => m.PickupScreen as Screen);
const loadJournals = () => import('./journals/screens').then((m) => m.JournalScreen as Screen);
const loadRosterAdmin = () => import('./roster-admin/screens').then((m) => m.RosterAdminScreen as Screen);
const loadCalendar = () => import('./calendar').then((m) => m.CalendarScreen as Screen);

export function StaffApp() {
  const who = viewer.value;
  const nurseryId = nurseryIdOf(who);
  useEffect(() => {
    if (nurseryId) startStaff(nurseryId);
  }, [nurseryId]);
  // Today's planned pick-ups on the roster, live.
  useEffect(() => (nurseryId ? startPickups(nurseryId) : undefined), [nurseryId]);
  const p = path.value;
  if (p === '/settings') {
    return (
      <Settings
        extra={
          <section class="card">
            <h2>{t('changeClassroom')}</h2>
            <ClassroomPicker embedded />
          </section>
        }
      />
    );
  }
  if (p === '/account' || (p === '/invite' && isHead(who))) return <AccountScreen path={p} nurseryId={nurseryId ?? ''} />;
  const banner = <AlertBanner />;
  if (p === '/reports') return <ReportsView banner={banner} />;
  // The whole nursery's list: no classroom needs choosing first.
  if (p === '/arrivals') return <LazyScreen load={loadArrivals} banner={banner} nurseryId={nurseryId ?? ''} route={p} />;
  if (p === '/departures') return <LazyScreen load={loadDepartures} banner={banner} nurseryId={nurseryId ?? ''} route={p} />;
  if (p === '/pickup') return <LazyScreen load={loadPickup} banner={banner} nurseryId={nurseryId ?? ''} route={p} />;
  // The head's alone (the server refuses anyone else's changes too).
  if (p === '/calendar' && isHead(who)) return <LazyScreen load={loadCalendar} banner={banner} nurseryId={nurseryId ?? ''} route={p} />;
  if (!classroomChoice.value && !isHead(who)) return <ClassroomPicker banner={banner} />;
  if (/^\/roster-admin(\/|$)/.test(p) && isHead(who)) return <LazyScreen load={loadRosterAdmin} banner={banner} nurseryId={nurseryId ?? ''} route={p} />;
  if (p.startsWith('/care/')) return <LazyScreen load={loadCare} banner={banner} nurseryId={nurseryId ?? ''} route={p} />;
  if (/^\/(notebook|journals|inbox|overview|audit)(\/|$)/.test(p)) {
    return <LazyScreen load={loadJournals} banner={banner} nurseryId={nurseryId ?? ''} route={p} />;
  }
  return <Roster banner={banner} />;
}

function LazyScreen({ load, ...props }: { load: () => Promise<Screen>; banner: ComponentChildren; nurseryId: string; route: string }) {
  const Component = useLazy(load);
  return Component ? <Component {...props} /> : <p class="center">{t('loading')}</p>;
}
