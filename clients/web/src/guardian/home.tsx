import { locale, t } from '../i18n';
import { formatDate, formatTime, today } from '../time';
import { pk } from '../strings-pickup';
import { Icon } from '../ui/icons';
import { Shell } from '../ui/shell';
import { AckLine, dayOf, StatusBadge } from './status';
import { children, dismissMissed, dismissNotice, missed, notices, type HomeChild } from './store';

/** The nursery asks the family to get in touch (a fever there): calm words, no temperature. */
export function Notices({ childId }: { childId?: string }) {
  const list = notices.value.filter((n) => !childId || n.childId === childId);
  if (!list.length) return null;
  return (
    <section class="card notice" role="alert" data-testid="notice">
      {list.map((n) => (
        <div key={n.id} class="notice-line">
          <p>
            <strong>{t('pushFeverTitle')}</strong>
            <br />
            {t('pushFeverBody', { name: givenName(n.name) })}
          </p>
          <button class="btn small" onClick={() => dismissNotice(n.id)}>
            {t('close')}
          </button>
        </div>
      ))}
    </section>
  );
}

export function Home() {
  const list = children.value;
  return (
    <Shell title={t('appName')}>
      <p class="today">{t('todayIs', { date: formatDate(today(), locale.value) })}</p>
      <Notices />
      <Missed />
      {!list && <p>{t('loading')}</p>}
      {list && list.length === 0 && <p>{t('noChildren')}</p>}
      {list?.map((child) => <ChildCard key={child.id} child={child} />)}
    </Shell>
  );
}

function Missed() {
  const events = missed.value;
  if (!events.length) return null;
  const name = (id: string) => givenName(children.value?.find((c) => c.id === id)?.name ?? '');
  return (
    <section class="card missed" aria-labelledby="missed-title" data-testid="missed">
      <h2 id="missed-title">
        <Icon name="bell" /> {t('missedTitle')}
      </h2>
      <ul>
        {events.map((e) => (
          <li key={e.id}>
            {t(e.kind === 'CHECK_IN' ? 'missedArrived' : 'missedLeft', { name: name(e.child.id), time: formatTime(e.occurredAt) })}
          </li>
        ))}
      </ul>
      <button class="btn small" onClick={dismissMissed}>
        {t('close')}
      </button>
    </section>
  );
}

/** What a parent can do for a child, on the home card and on the child's day alike. */
export function ChildActions({ child }: { child: HomeChild }) {
  const base = `/children/${encodeURIComponent(child.id)}`;
  return (
    <nav class="actions" aria-label={child.name}>
      <a class="btn action" href={`${base}/pickup`} data-testid="pickup-link">
        <Icon name="person" /> {pk('pickup')}
      </a>
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
  );
}

export function givenName(full: string): string {
  const parts = full.trim().split(/[ \u3000]/);
  return parts[parts.length - 1] ?? full;
}

function ChildCard({ child }: { child: HomeChild }) {
  const state = dayOf(child);
  const base = `/children/${encodeURIComponent(child.id)}`;
  const morning = child.healthChecks.find((h) => h.source === 'HOME' && h.temperatureC != null);
  return (
    <section class="card child" aria-labelledby={`c-${child.id}`} data-testid="child-card" data-child={child.id}>
      <a class="child-head" href={base}>
        <h2 id={`c-${child.id}`}>{child.name}</h2>
        <span class="muted">{child.classroom.name}</span>
      </a>
      <StatusBadge state={state} />
      {child.absences.map((r) => (
        <p class="report-line" key={r.id}>
          <span>
            {t(`kind${r.kind}`)}
            {r.symptoms.length > 0 && `（${r.symptoms.map((s) => t(`symptom${s}` as never)).join('・')}）`}
          </span>
          <AckLine acknowledgedAt={r.acknowledgedAt} />
          {!r.acknowledgedAt && (
            <a class="btn small" href={`/children/${encodeURIComponent(child.id)}/report/${encodeURIComponent(r.id)}`} data-testid="change-report">
              {t('changeReport')}
            </a>
          )}
        </p>
      ))}
      {child.pickupPlan && (
        <p class="plan-line" data-testid="plan-line">
          <Icon name="person" size={18} /> {pk('planLine', { time: child.pickupPlan.time, name: child.pickupPlan.name })}{' '}
          <span class={child.pickupPlan.confirmed ? 'mark ok' : 'mark waiting'}>{pk(child.pickupPlan.confirmed ? 'confirmed' : 'unconfirmed')}</span>
        </p>
      )}
      <p class="muted small">{morning ? t('morningSent', { temp: morning.temperatureC!.toFixed(1) }) : t('morningNotSent')}</p>
      <ChildActions child={child} />
    </section>
  );
}
