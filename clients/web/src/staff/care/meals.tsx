// Meals: the class's meal at once ("everyone ate all"), then the exceptions child by child.
// A child's allergens are on every tile, where the teacher serves.
import { useState } from 'preact/hooks';

import type { MealAmount } from '../../gql/graphql';
import { t } from '../../i18n';
import { w } from '../../strings-work';
import { today } from '../../time';
import { Icon } from '../../ui/icons';
import { careRoom, presentIds } from '../care-data';
import { pending, record } from '../store';

const MEALS = ['MORNING_SNACK', 'LUNCH', 'AFTERNOON_SNACK'] as const;
type Meal = (typeof MEALS)[number];
const AMOUNTS: MealAmount[] = ['ALL', 'MOST', 'HALF', 'LITTLE', 'NONE'];

function defaultMeal(): Meal {
  const hour = new Date(Date.now() + 9 * 3600e3).getUTCHours();
  return hour < 11 ? 'MORNING_SNACK' : hour < 14 ? 'LUNCH' : 'AFTERNOON_SNACK';
}

export function MealsScreen() {
  const room = careRoom();
  const [meal, setMeal] = useState<Meal>(defaultMeal);
  const here = presentIds();
  const children = (room?.children ?? []).filter((c) => here.has(c.id));
  const amountOf = (childId: string, recorded: { meal: string; amount: MealAmount }[]): { amount: MealAmount; pending: boolean } | null => {
    const queued = pending.value.filter((p) => p.op === 'MEAL' && p.childId === childId && p.input?.meal === meal);
    const last = queued[queued.length - 1];
    if (last) return { amount: last.input!.amount as MealAmount, pending: true };
    const r = recorded.filter((m) => m.meal === meal).pop();
    return r ? { amount: r.amount, pending: false } : null;
  };
  const missing = children.filter((c) => !amountOf(c.id, c.meals));
  const date = today();
  const setAmount = (child: { id: string; name: string }, amount: MealAmount) => record(child, 'MEAL', { childId: child.id, date, meal, amount });
  const allAte = async () => {
    for (const c of missing) await setAmount(c, 'ALL');
  };
  if (!room) return <p>{t('loading')}</p>;
  return (
    <>
      <nav class="tabs" aria-label={w('mealKind')}>
        {MEALS.map((m) => (
          <button key={m} class={m === meal ? 'tab on' : 'tab'} aria-pressed={m === meal} onClick={() => setMeal(m)}>
            {w(`meal${m}`)}
          </button>
        ))}
      </nav>
      {children.length === 0 ? (
        <p class="muted">{w('mealsNobody')}</p>
      ) : (
        <div class="class-action">
          <button class="btn primary big" disabled={!missing.length} onClick={() => void allAte()} data-testid="all-ate">
            <Icon name="check" /> {missing.length ? w('mealsAllAte') : w('mealsAllDone')}
          </button>
          {missing.length > 0 && <span class="muted">{w('mealsAllAteHint', { n: missing.length })}</span>}
        </div>
      )}
      <ul class="meal-grid" data-testid="meal-grid">
        {children.map((c) => {
          const current = amountOf(c.id, c.meals);
          return (
            <li key={c.id} class={`card meal-tile${current?.pending ? ' pending' : ''}`} data-testid="meal-tile" data-child={c.id} data-amount={current?.amount ?? ''} data-pending={current?.pending ? 'true' : 'false'}>
              <h3>{c.name}</h3>
              <p class={c.allergies.length ? 'tile-note allergy' : 'muted small'}>
                {c.allergies.length ? (
                  <>
                    <Icon name="alert" size={16} /> {w('allergyTag', { list: c.allergies.join('・') })}
                  </>
                ) : (
                  w('noAllergy')
                )}
              </p>
              <div class="chips" role="group" aria-label={w('mealAmount', { name: c.name })}>
                {AMOUNTS.map((a) => (
                  <button key={a} class={current?.amount === a ? 'chip on' : 'chip'} aria-pressed={current?.amount === a} onClick={() => void setAmount(c, a)}>
                    {t(`amount${a}`)}
                  </button>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
