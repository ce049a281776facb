import { locale, t } from '../i18n';
import { formatDate, formatTime, today } from '../time';
import { Icon } from '../ui/icons';
import { Shell } from '../ui/shell';
import { AckLine, dayOf, StatusBadge } from './status';
import type { HomeChild } from './store';

/** The child's day: what the push notification opens. */
export function ChildDay({ child }: { child: HomeChild }) {
  const state = dayOf(child);
  const base = `/children/${encodeURIComponent(child.id)}`;
  const lang = locale.value;
  return (
    <Shell title={child.name} back="/">
      <p class="today">{formatDate(today(), lang)}</p>
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
          {child.healthChecks.map((h) => (
            <li key={h.id}>
              <Icon name="thermo" />
              <span>
                {formatTime(h.recordedAt)} {t('temperature')} {h.temperatureC?.toFixed(1) ?? '—'}
              </span>
            </li>
          ))}
        </ol>
      </section>
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
            </div>
          ))}
        </section>
      )}
      <nav class="actions" aria-label={child.name}>
        <a class="btn action" href={`${base}/report`}>
          <Icon name="message" /> {t('reportAbsence')}
        </a>
        <a class="btn action" href={`${base}/morning`}>
          <Icon name="thermo" /> {t('morningCheck')}
        </a>
        <a class="btn action" href={`${base}/notebook`}>
          <Icon name="book" /> {t('notebook')}
        </a>
        <a class="btn action" href={`${base}/month`}>
          <Icon name="calendar" /> {t('monthView')}
        </a>
        <a class="btn action" href={`${base}/growth`}>
          <Icon name="chart" /> {t('growth')}
        </a>
      </nav>
    </Shell>
  );
}
