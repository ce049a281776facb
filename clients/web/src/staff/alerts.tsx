import { t } from '../i18n';
import { path } from '../router';
import { formatTime } from '../time';
import { Icon } from '../ui/icons';
import { d } from '../strings-departures';
import { departures, stillHere } from './departures-store';
import { alerts, dismissAlert } from './store';

/** Care alerts (fever, overdue nap check, prone position) and the children still here after
 * closing (降園確認): unmissable, on every screen. */
export function AlertBanner() {
  const list = alerts.value.filter((a) => a.kind !== 'NOTEBOOK_PUBLISHED');
  const here = stillHere(departures.value);
  if (!list.length && !here.length) return null;
  return (
    <div class="alerts" role="alert" data-testid="care-alerts">
      {here.length > 0 && (
        <div class="alert" data-testid="left-behind-alert">
          <Icon name="alert" size={28} />
          <p>
            <strong>{d('departuresBanner', { names: here.map((c) => c.child.name).join('、') })}</strong>
          </p>
          {!path.value.startsWith('/departures') && (
            <a class="btn small" href="/departures">
              {d('departuresBannerOpen')}
            </a>
          )}
        </div>
      )}
      {list.map((a) => (
        <div class="alert" key={a.id}>
          <Icon name="alert" size={28} />
          <p>
            <strong>
              {t(`alert${a.kind}`, {
                name: a.child.name,
                temp: a.temperatureC != null ? `${a.temperatureC.toFixed(1)}℃` : '',
              })}
            </strong>{' '}
            <span>{formatTime(a.occurredAt)}</span>
          </p>
          <button class="btn small" onClick={() => dismissAlert(a.id)}>
            {t('dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
