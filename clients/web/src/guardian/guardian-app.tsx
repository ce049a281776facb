// The guardian's app: home with each child's today, and the child's screens.
import { useEffect } from 'preact/hooks';

import { t } from '../i18n';
import { matchChild, path } from '../router';
import { AccountScreen } from '../ui/account-screens';
import { Settings } from '../ui/settings';
import { Shell } from '../ui/shell';
import { ChildDay } from './child-day';
import { GrowthView } from './growth';
import { Home } from './home';
import { MonthView } from './month';
import { MorningForm } from './morning';
import { NotebookView } from './notebook';
import { PickupScreen } from './pickup';
import { ReportForm } from './report';
import { children, startGuardianLive } from './store';

export function GuardianApp() {
  useEffect(() => startGuardianLive(), []);
  const p = path.value;
  if (p === '/settings') return <Settings />;
  if (p === '/account') return <AccountScreen path={p} />;
  const route = matchChild(p);
  if (!route) return <Home />;
  const child = children.value?.find((c) => c.id === route.childId);
  if (!child) {
    return (
      <Shell title={t('appName')} back="/">
        <p>{t('loading')}</p>
      </Shell>
    );
  }
  switch (route.section) {
    case 'report':
    case 'absences-new': {
      // `/children/:id/report/:reportId`: changing one of today's reports, until acknowledged.
      const editing = route.item ? child.absences.find((r) => r.id === route.item && !r.acknowledgedAt) : undefined;
      return <ReportForm key={editing?.id ?? 'new'} child={child} editing={editing} />;
    }
    case 'morning':
      return <MorningForm child={child} />;
    case 'notebook':
      return <NotebookView child={child} />;
    case 'month':
      return <MonthView child={child} />;
    case 'growth':
      return <GrowthView child={child} />;
    case 'pickup':
      return <PickupScreen child={child} />;
    default:
      // `/children/:id`, and the push notification paths (attendance, absences, health).
      return <ChildDay child={child} />;
  }
}
