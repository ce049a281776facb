// The staff's record types as tabs under the bar: roster, the arrival and departure checks, health, meals, naps, growth,
// notebook, diary; the head also gets today's overview and the approval inbox.
import { path } from '../router';
import { isHead, viewer } from '../session';
import { w, type WorkKey } from '../strings-work';

const TABS: [string, WorkKey][] = [
  ['/', 'navRoster'],
  ['/arrivals', 'navArrivals'],
  ['/departures', 'navDepartures'],
  ['/pickup', 'navPickup'],
  ['/care/health', 'navHealth'],
  ['/care/meals', 'navMeals'],
  ['/care/naps', 'navNaps'],
  ['/care/growth', 'navGrowth'],
  ['/notebook', 'navNotebook'],
  ['/journals', 'navJournals'],
];
const HEAD_TABS: [string, WorkKey][] = [
  ['/overview', 'navOverview'],
  ['/inbox', 'navInbox'],
  ['/audit', 'navAudit'],
  ['/roster-admin', 'navRosterAdmin'],
];

export function StaffNav() {
  const here = path.value;
  const tabs = isHead(viewer.value) ? [...TABS, ...HEAD_TABS] : TABS;
  return (
    <nav class="tabs staff-nav" aria-label={w('staffNav')}>
      {tabs.map(([href, key]) => {
        const on = href === '/' ? here === '/' : here.startsWith(href);
        return (
          <a key={href} href={href} class={on ? 'tab on' : 'tab'} aria-current={on ? 'page' : undefined}>
            {w(key)}
          </a>
        );
      })}
    </nav>
  );
}
