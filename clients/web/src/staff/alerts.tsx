import { t } from '../i18n';
import { formatTime } from '../time';
import { Icon } from '../ui/icons';
import { alerts, dismissAlert } from './store';

/** Care alerts (fever, overdue nap check, prone position): unmissable, on every screen. */
export function AlertBanner() {
  const list = alerts.value.filter((a) => a.kind !== 'NOTEBOOK_PUBLISHED');
  if (!list.length) return null;
  return (
    <div class="alerts" role="alert" data-testid="care-alerts">
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
