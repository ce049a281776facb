// The roster's pick-up bits: a tile's planned pick-up (time, person, not-yet-confirmed mark),
// live, and the banner of check-outs by someone not on a family's list.
import { t } from '../i18n';
import { pk } from '../strings-pickup';
import { formatTime } from '../time';
import { Icon } from '../ui/icons';
import { dismissWarning, newWarnings, plans } from './pickup-store';

export function TilePickup({ childId }: { childId: string }) {
  const plan = plans.value.get(childId);
  if (!plan) return null;
  return (
    <span class="tile-note pickup" data-testid="tile-pickup">
      <Icon name="person" size={16} /> {pk('planLine', { time: plan.time, name: plan.name })}
      {!plan.confirmed && <strong class="unconfirmed"> {pk('tileUnconfirmed')}</strong>}
    </span>
  );
}

export function PickupWarningsBanner() {
  const list = newWarnings.value;
  if (!list.length) return null;
  return (
    <section class="refusals" role="alert" data-testid="pickup-warnings">
      <h2>
        <Icon name="alert" /> {pk('staffWarnings')}
      </h2>
      <ul>
        {list.map((w) => (
          <li key={w.id}>
            <span>
              {pk('staffWarningLive', { child: w.child.name, who: w.pickupBy ?? pk('staffWhoUnknown') })}（{formatTime(w.raisedAt)}）
            </span>
            <button class="btn small" onClick={() => dismissWarning(w.id)}>
              {t('close')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
