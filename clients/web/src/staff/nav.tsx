// The staff's record types as tabs under the bar: roster, the arrival and departure checks,
// pick-ups, health, meals, naps, growth, notebook, diary; the head also gets today's overview,
// the approval inbox, the audit log, the nursery's calendar and the roster's administration.
import { path } from '../router';
import { isHead, viewer } from '../session';
import { s } from '../strings-safety';
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
// The head's tabs of the day's safety (issue 18), whose words are in strings-safety.
const HEAD_SAFETY_TABS: [string, () => string][] = [['/calendar', () => s('navCalendar')]];

export function StaffNav() {
  const here = path.value;
  const labelled = (list: [string, WorkKey][]): [string, () => string][] => list.map(([href, key]) => [href, () => w(key)]);
  const tabs = isHead(viewer.value) ? [...labelled(TABS), ...labelled(HEAD_TABS), ...HEAD_SAFETY_TABS] : labelled(TABS);
  return (
    <nav class="tabs staff-nav" aria-label={w('staffNav')}>
      {tabs.map(([href, label]) => {
        const on = href === '/' ? here === '/' : here.startsWith(href);
        return (
          <a key={href} href={href} class={on ? 'tab on' : 'tab'} aria-current={on ? 'page' : undefined}>
            {label()}
          </a>
        );
      })}
    </nav>
  );
}
