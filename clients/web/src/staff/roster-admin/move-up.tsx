// 4月の進級: the plan for a date (every classroom's children to the next age band's classroom,
// the 5-year-olds who leave, classrooms without one next classroom), then applied in one go
// (the server applies every move or none) and the result shown.
import { useState } from 'preact/hooks';

import { ApiError, gql } from '../../api/http';
import { ApplyMoveUpDocument, MoveUpPreviewDocument, type MoveUpFieldsFragment } from '../../gql/graphql';
import { locale } from '../../i18n';
import { r } from '../../strings-roster';
import { formatDate, today } from '../../time';
import { Icon } from '../../ui/icons';
import { afterChange } from './data';
import { Field } from './fields';
import { nextApril } from './logic';

export function MoveUpScreen({ nurseryId }: { nurseryId: string }) {
  const [from, setFrom] = useState(nextApril(today()));
  const [plan, setPlan] = useState<{ from: string; plan: MoveUpFieldsFragment } | null>(null);
  const [applied, setApplied] = useState<{ from: string; plan: MoveUpFieldsFragment } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lang = locale.value;
  const preview = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setApplied(null);
    if (!from) return setError(r('errDate'));
    setBusy(true);
    try {
      const data = await gql(MoveUpPreviewDocument, { nurseryId, from });
      setPlan({ from, plan: data.moveUpPreview });
    } catch {
      setError(r('loadFailed'));
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    if (!plan) return;
    setError(null);
    setBusy(true);
    try {
      const data = await gql(ApplyMoveUpDocument, { nurseryId, from: plan.from });
      setApplied({ from: plan.from, plan: data.applyMoveUp });
      setPlan(null);
      await afterChange(async () => {});
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'CONFLICT' ? r('appliedConflict') : r('errGeneric'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <section class="card">
        <p>{r('moveUpLead')}</p>
        <form class="filters" onSubmit={preview} novalidate data-testid="move-up-form">
          <Field
            id="move-up-date"
            name="from"
            type="date"
            label={r('moveUpDate')}
            value={from}
            onInput={(e) => {
              setFrom(e.currentTarget.value);
              setPlan(null);
            }}
          />
          <button class="btn" type="submit" disabled={busy}>
            {r('preview')}
          </button>
        </form>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </section>
      {plan && (
        <section class="card" aria-labelledby="plan-title" data-testid="move-up-plan">
          <PlanView plan={plan.plan} titleId="plan-title" title={r('planMoves', { n: plan.plan.moves.length })} />
          {plan.plan.moves.length > 0 && (
            <button class="btn primary wide" disabled={busy} onClick={() => void apply()} data-testid="apply-move-up">
              {r('applyButton', { n: plan.plan.moves.length, date: formatDate(plan.from, lang) })}
            </button>
          )}
        </section>
      )}
      {applied && (
        <section class="card done-card" aria-labelledby="applied-title" data-testid="move-up-applied">
          <p class="ok" role="status" id="applied-title">
            <Icon name="check" /> {r(applied.from <= today() ? 'applied' : 'appliedLater', { n: applied.plan.moves.length, date: formatDate(applied.from, lang) })}
          </p>
          <PlanView plan={applied.plan} titleId="applied-moves" title={r('appliedMoves', { n: applied.plan.moves.length })} />
        </section>
      )}
    </>
  );
}

function PlanView({ plan, titleId, title }: { plan: MoveUpFieldsFragment; titleId: string; title: string }) {
  return (
    <>
      <h2 id={titleId}>{title}</h2>
      {plan.moves.length === 0 ? (
        <p class="muted">{r('noMoves')}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby={titleId}>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{r('colChild')}</th>
                <th scope="col">{r('colFrom')}</th>
                <th scope="col">{r('colTo')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.moves.map((m) => (
                <tr key={m.childId} data-child={m.childId}>
                  <th scope="row">{m.childName}</th>
                  <td>{m.fromClassroom}</td>
                  <td>→ {m.toClassroom}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {plan.graduating.length > 0 && (
        <>
          <h3>{r('graduating')}</h3>
          <p data-testid="graduating">{plan.graduating.join('、')}</p>
        </>
      )}
      {plan.unplacedClassrooms.length > 0 && (
        <div class="note">
          <p>{r('unplaced')}</p>
          <p data-testid="unplaced">{plan.unplacedClassrooms.join('、')}</p>
        </div>
      )}
    </>
  );
}
