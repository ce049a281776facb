import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

import { t } from '../i18n';
import { formatTime } from '../time';
import { Icon } from '../ui/icons';
import { Shell } from '../ui/shell';
import { classroomChoice } from './picker';
import { acknowledge, nursery, pending, reports } from './store';

/** Today's absence, lateness and early pick-up reports, arriving live, with acknowledge. */
export function ReportsView({ banner }: { banner: ComponentChildren }) {
  const choice = classroomChoice.value ?? '';
  const roomOf = new Map((nursery.value?.classrooms ?? []).flatMap((room) => room.children.map((c) => [c.id, room] as const)));
  const list = reports.value.filter((r) => !choice || roomOf.get(r.child.id)?.id === choice);
  const [error, setError] = useState<string | null>(null);
  return (
    <Shell title={t('reports')} back="/" banner={banner} pending={pending.value.length} wide>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {list.length === 0 && <p class="muted">{t('noReports')}</p>}
      <ul class="report-list" data-testid="reports">
        {list.map((r) => (
          <li class={`card report ${r.kind === 'ABSENCE' ? 'st-absent' : 'st-late'}`} key={r.id} data-testid="staff-report">
            <div>
              <h2>
                <Icon name={r.kind === 'ABSENCE' ? 'cross' : 'clock'} /> {r.child.name}{' '}
                <span class="muted">{roomOf.get(r.child.id)?.name}</span>
              </h2>
              <p>
                <strong>{t(`kind${r.kind}`)}</strong> {t(`reason${r.reason}`)}
                {r.expectedArrival && ` ${formatTime(r.expectedArrival)}`}
              </p>
              {r.symptoms.length > 0 && <p>{r.symptoms.map((s) => t(`symptom${s}`)).join('・')}</p>}
              {r.note && <p class="quote">{r.note}</p>}
              <p class="muted small">
                {t('reportedBy', { by: r.reportedBy.displayName })}
                {r.updatedAt && `・${t('reportChanged', { time: formatTime(r.updatedAt) })}`}
              </p>
            </div>
            {r.acknowledgedAt ? (
              <p class="ack yes">
                <Icon name="check" /> {t('acknowledged', { time: formatTime(r.acknowledgedAt) })}
              </p>
            ) : (
              <button
                class="btn primary"
                onClick={() => {
                  setError(null);
                  acknowledge(r.id).catch(() => setError(t('errorGeneric')));
                }}
              >
                {t('acknowledge')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </Shell>
  );
}
