import { locale, t } from '../i18n';
import { formatDate, formatTime, today } from '../time';
import { Icon } from '../ui/icons';
import { Shell } from '../ui/shell';
import { AckLine, dayOf, StatusBadge } from './status';
import type { HomeChild } from './store';
import { ChildActions, Notices } from './home';
import type { Key } from '../i18n';

const MEAL_ORDER = ['BREAKFAST', 'MORNING_SNACK', 'LUNCH', 'AFTERNOON_SNACK'];

/** The day's care in plain words: temperatures, meals, naps. */
function CareToday({ child }: { child: HomeChild }) {
  const meals = [...child.meals].sort((a, b) => MEAL_ORDER.indexOf(a.meal) - MEAL_ORDER.indexOf(b.meal));
  const empty = !child.healthChecks.length && !meals.length && !child.naps.length;
  return (
    <section class="card" data-testid="care-today">
      <h2>{t('careToday')}</h2>
      {empty && <p class="muted">{t('careNothing')}</p>}
      <ul class="timeline">
        {child.healthChecks.map((h) => (
          <li key={h.id} class={h.fever ? 'fever-line' : undefined}>
            <Icon name={h.fever ? 'alert' : 'thermo'} />
            <span>
              {t('careTemp', { time: formatTime(h.recordedAt), temp: h.temperatureC?.toFixed(1) ?? '—' })}
              {h.fever && <strong> {t('careFever')}</strong>}
            </span>
          </li>
        ))}
        {meals.map((m) => (
          <li key={m.id}>
            <Icon name="check" />
            <span>{t('careMealLine', { meal: t(`meal${m.meal}` as Key), amount: t(`ate${m.amount}`) })}</span>
          </li>
        ))}
        {child.naps.map((n) => (
          <li key={n.id}>
            <Icon name="clock" />
            <span>{n.endedAt ? t('careNap', { from: formatTime(n.startedAt), to: formatTime(n.endedAt) }) : t('careNapNow', { from: formatTime(n.startedAt) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The child's day: what the push notification opens. */
export function ChildDay({ child }: { child: HomeChild }) {
  const state = dayOf(child);
  const lang = locale.value;
  return (
    <Shell title={child.name} back="/">
      <p class="today">{formatDate(today(), lang)}</p>
      <Notices childId={child.id} />
      <section class="card" data-testid="child-day">
        <h2 class="visually-hidden">{t('childDay')}</h2>
        <StatusBadge state={state} />
        <ol class="timeline">
          {child.attendance.map((e) => (
            <li key={e.id}>
              <Icon name={e.kind === 'CHECK_IN' ? 'check' : 'home'} />
              <span>
                {e.kind === 'CHECK_IN'
                  ? t('arrivedBy', { time: formatTime(e.occurredAt), by: e.recordedBy.displayName })
                  : e.pickupBy
                    ? t('leftPickup', { time: formatTime(e.occurredAt), who: e.pickupBy })
                    : t('left', { time: formatTime(e.occurredAt) })}
              </span>
            </li>
          ))}
        </ol>
      </section>
      <CareToday child={child} />
      {child.absences.length > 0 && (
        <section class="card">
          <h2>{t('todaysReports')}</h2>
          {child.absences.map((r) => (
            <div class="report-line" key={r.id} data-testid="report">
              <span>
                <strong>{t(`kind${r.kind}`)}</strong> {t(`reason${r.reason}`)}
                {r.symptoms.length > 0 && `（${r.symptoms.map((s) => t(`symptom${s}`)).join('・')}）`}
                {r.expectedArrival && ` ${formatTime(r.expectedArrival)}`}
              </span>
              <AckLine acknowledgedAt={r.acknowledgedAt} />
              {!r.acknowledgedAt && (
                <a class="btn small" href={`/children/${encodeURIComponent(child.id)}/report/${encodeURIComponent(r.id)}`} data-testid="change-report">
                  {t('changeReport')}
                </a>
              )}
            </div>
          ))}
        </section>
      )}
      <ChildActions child={child} />
    </Shell>
  );
}
