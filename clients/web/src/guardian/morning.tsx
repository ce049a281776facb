import { useMemo, useState } from 'preact/hooks';

import { ApiError, gql } from '../api/http';
import { RecordHealthCheckDocument, RecordMealDocument, type MealAmount } from '../gql/graphql';
import { t } from '../i18n';
import { newKey } from '../queue';
import { navigate } from '../router';
import { today } from '../time';
import { Choices } from '../ui/choice';
import { Shell } from '../ui/shell';
import { patchChild, type HomeChild } from './store';

const AMOUNTS: MealAmount[] = ['ALL', 'MOST', 'HALF', 'LITTLE', 'NONE'];

/** The morning temperature (and breakfast) before leaving home: two taps when all is well. */
export function MorningForm({ child }: { child: HomeChild }) {
  const [temperature, setTemperature] = useState('36.5');
  const [amount, setAmount] = useState<MealAmount | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keys = useMemo(() => ({ health: newKey(), meal: newKey() }), []);
  const submit = async (event: Event) => {
    event.preventDefault();
    const value = Number(temperature.replace(',', '.'));
    if (!Number.isFinite(value)) {
      setError(t('required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const check = await gql(RecordHealthCheckDocument, {
        input: { childId: child.id, temperatureC: Math.round(value * 10) / 10, idempotencyKey: keys.health },
      });
      let meal: HomeChild['meals'][number] | null = null;
      if (amount) {
        meal = (await gql(RecordMealDocument, { input: { childId: child.id, date: today(), meal: 'BREAKFAST', amount, idempotencyKey: keys.meal } })).recordMeal;
      }
      patchChild(child.id, (c) => ({
        ...c,
        healthChecks: [...c.healthChecks.filter((h) => h.id !== check.recordHealthCheck.id), check.recordHealthCheck],
        meals: meal ? [...c.meals, meal] : c.meals,
      }));
      navigate('/');
    } catch (err) {
      setError(err instanceof ApiError && err.transient ? t('errorOffline') : err instanceof ApiError ? err.message : t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Shell title={t('morningCheck')} back="/">
      <form class="card form" onSubmit={submit}>
        <p class="form-child">{child.name}</p>
        <label class="field big">
          <span>{t('temperature')}</span>
          <input type="number" name="temperature" inputMode="decimal" step="0.1" min="34" max="42.5" value={temperature} onInput={(e) => setTemperature(e.currentTarget.value)} required />
        </label>
        <Choices legend={t('breakfast')} name="breakfast" options={AMOUNTS} label={(a) => `amount${a}`} value={amount} onChange={setAmount} />
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button class="btn primary wide" type="submit" disabled={busy}>
          {t('send')}
        </button>
      </form>
    </Shell>
  );
}
