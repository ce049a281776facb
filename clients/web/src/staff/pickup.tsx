// お迎え for staff: today's planned pick-ups by time (a one-off person to confirm by phone),
// the people families added that the nursery has not confirmed yet, and today's check-outs by
// someone not on a list. Its own chunk, loaded when the tab is first opened.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

import { ApiError } from '../api/http';
import { t } from '../i18n';
import { pk } from '../strings-pickup';
import { formatTime } from '../time';
import { Shell } from '../ui/shell';
import { StaffNav } from './nav';
import { confirmOneOff, confirmPerson, plans, toConfirm, warnings } from './pickup-store';
import { nursery, pending } from './store';

function childName(id: string): string {
  for (const room of nursery.value?.classrooms ?? []) for (const c of room.children) if (c.id === id) return c.name;
  return '';
}

export function PickupScreen({ banner }: { banner: ComponentChildren; nurseryId: string; route: string }) {
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<void>) => () => {
    setError(null);
    action().catch((err) => setError(err instanceof ApiError && !err.transient ? err.message : t('errorOffline')));
  };
  const list = [...plans.value.values()].sort((a, b) => a.time.localeCompare(b.time));
  return (
    <Shell title={pk('staffTitle')} banner={banner} pending={pending.value.length} wide>
      <StaffNav />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <section class="card" aria-labelledby="plans-title" data-testid="staff-plans">
        <h2 id="plans-title">{pk('staffPlans')}</h2>
        {list.length === 0 && <p class="muted">{pk('staffPlansNone')}</p>}
        <ul class="people">
          {list.map((plan) => (
            <li key={plan.child.id} class="person" data-testid="staff-plan">
              <span class="person-text">
                <strong>{childName(plan.child.id)}</strong>
                <br />
                {pk('planLine', { time: plan.time, name: plan.name })}（{plan.person?.relation ?? plan.oneOff?.relation}）
                {plan.oneOff && <span class="muted"> {plan.oneOff.phone}</span>}{' '}
                <span class={plan.confirmed ? 'mark ok' : 'mark waiting'}>{pk(plan.confirmed ? 'confirmed' : 'unconfirmed')}</span>
              </span>
              {plan.oneOff && !plan.confirmed && (
                <button class="btn small" onClick={run(() => confirmOneOff(plan.child.id))}>
                  {pk('staffConfirm')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="confirm-title" data-testid="staff-to-confirm">
        <h2 id="confirm-title">{pk('staffToConfirm')}</h2>
        {toConfirm.value.length === 0 && <p class="muted">{pk('staffToConfirmNone')}</p>}
        <ul class="people">
          {toConfirm.value.map((p) => (
            <li key={p.id} class="person" data-testid="staff-person">
              <span class="person-text">
                <strong>{p.name}</strong>（{p.relation}） <span class="muted">{p.phone}</span>
                <br />
                <span class="muted small">{pk('ofFamily', { children: p.family.children.map((c) => c.name).join('・') })}</span>
              </span>
              <button class="btn small" onClick={run(() => confirmPerson(p.id))} aria-label={`${pk('staffConfirm')}: ${p.name}`}>
                {pk('staffConfirm')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      {warnings.value.length > 0 && (
        <section class="card" aria-labelledby="warnings-title" data-testid="staff-warnings">
          <h2 id="warnings-title">{pk('staffWarnings')}</h2>
          <ul>
            {warnings.value.map((w) => (
              <li key={w.id}>{pk('staffWarningItem', { child: w.child.name, who: w.pickupBy ?? pk('staffWhoUnknown'), time: formatTime(w.raisedAt) })}</li>
            ))}
          </ul>
        </section>
      )}
    </Shell>
  );
}
