// The staff tablet: the classroom roster, today's reports, care alerts on every screen.
import { useEffect } from 'preact/hooks';

import { t } from '../i18n';
import { path } from '../router';
import { isHead, nurseryIdOf, viewer } from '../session';
import { Settings } from '../ui/settings';
import { AlertBanner } from './alerts';
import { classroomChoice, ClassroomPicker } from './picker';
import { ReportsView } from './reports';
import { Roster } from './roster';
import { startStaff } from './store';

export function StaffApp() {
  const who = viewer.value;
  const nurseryId = nurseryIdOf(who);
  useEffect(() => {
    if (nurseryId) startStaff(nurseryId);
  }, [nurseryId]);
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
  const banner = <AlertBanner />;
  if (p === '/reports') return <ReportsView banner={banner} />;
  if (!classroomChoice.value && !isHead(who)) return <ClassroomPicker banner={banner} />;
  return <Roster banner={banner} />;
}
