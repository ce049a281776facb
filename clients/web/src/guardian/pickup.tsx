// お迎え: today's pick-up (time, and who: someone on the family's list or someone for today
// only) and the family's list of people who may collect the children, which the nursery
// confirms. One screen, top to bottom in the order a parent needs it in the morning.
import { useEffect, useState } from 'preact/hooks';

import { ApiError, gql } from '../api/http';
import {
  AddPickupPersonDocument,
  ClearPickupPlanDocument,
  GuardianPickupDocument,
  RemovePickupPersonDocument,
  SetPickupPlanDocument,
  type PickupPersonFieldsFragment,
  type PickupPlanFieldsFragment,
} from '../gql/graphql';
import { t } from '../i18n';
import { pk } from '../strings-pickup';
import { today } from '../time';
import { Icon } from '../ui/icons';
import { Shell } from '../ui/shell';
import { patchChild, type HomeChild } from './store';

type Person = PickupPersonFieldsFragment;
type Plan = PickupPlanFieldsFragment;
const ONE_OFF = 'one-off';

function message(err: unknown): string {
  if (err instanceof ApiError) return err.transient ? t('errorOffline') : err.message;
  return t('errorGeneric');
}

export function ConfirmedMark({ confirmed }: { confirmed: boolean }) {
  return (
    <span class={confirmed ? 'mark ok' : 'mark waiting'} data-testid="confirmed-mark">
      <Icon name={confirmed ? 'check' : 'clock'} size={18} />
      {pk(confirmed ? 'confirmed' : 'unconfirmed')}
    </span>
  );
}

export function PickupScreen({ child }: { child: HomeChild }) {
  const [familyId, setFamilyId] = useState<string | null>(null);
  const [people, setPeople] = useState<Person[] | null>(null);
  const [plan, setPlan] = useState<Plan | null>(child.pickupPlan ?? null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    gql(GuardianPickupDocument, { childId: child.id })
      .then((d) => {
        setFamilyId(d.child?.family.id ?? null);
        setPeople(d.child?.family.pickupPeople ?? []);
        setPlan(d.child?.pickupPlan ?? null);
      })
      .catch((err) => setError(message(err)));
  }, [child.id]);
  const planChanged = (next: Plan | null) => {
    setPlan(next);
    patchChild(child.id, (c) => ({ ...c, pickupPlan: next }));
  };
  return (
    <Shell title={pk('pickupTitle')} back="/">
      <p class="form-child">{child.name}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {people && <PlanForm child={child} people={people} plan={plan} onChanged={planChanged} />}
      {people && familyId && <PeopleList familyId={familyId} people={people} onChange={setPeople} />}
      {!people && !error && <p>{t('loading')}</p>}
    </Shell>
  );
}

function PlanForm({ child, people, plan, onChanged }: { child: HomeChild; people: Person[]; plan: Plan | null; onChanged: (p: Plan | null) => void }) {
  const [time, setTime] = useState(plan?.time ?? '17:00');
  const [who, setWho] = useState<string>(plan?.person?.id ?? (plan?.oneOff ? ONE_OFF : ''));
  const [oneOff, setOneOff] = useState({ name: plan?.oneOff?.name ?? '', relation: plan?.oneOff?.relation ?? '', phone: plan?.oneOff?.phone ?? '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!who) {
      setError(pk('needPerson'));
      return;
    }
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const input = { childId: child.id, date: today(), time, personId: who === ONE_OFF ? null : who, oneOff: who === ONE_OFF ? oneOff : null };
      onChanged((await gql(SetPickupPlanDocument, { input })).setPickupPlan);
      setSaved(true);
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };
  const clear = async () => {
    setBusy(true);
    setError(null);
    try {
      await gql(ClearPickupPlanDocument, { childId: child.id, date: today() });
      onChanged(null);
      setSaved(false);
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card form" onSubmit={submit} aria-labelledby="plan-title" data-testid="pickup-plan">
      <h2 id="plan-title">{pk('todayPlan')}</h2>
      <p class="plan-now" data-testid="plan-now">
        {plan ? (
          <>
            <span>{pk('planLine', { time: plan.time, name: plan.name })}</span> <ConfirmedMark confirmed={plan.confirmed} />
          </>
        ) : (
          <span class="muted">{pk('planNone')}</span>
        )}
      </p>
      <label class="field">
        <span>{pk('planTime')}</span>
        <input type="time" name="time" value={time} step={300} required onInput={(e) => setTime(e.currentTarget.value)} />
      </label>
      <fieldset class="choices">
        <legend>{pk('planWho')}</legend>
        <div class="chips">
          {people.map((p) => (
            <label class={who === p.id ? 'chip on' : 'chip'} key={p.id}>
              <input type="radio" name="who" value={p.id} checked={who === p.id} onChange={() => setWho(p.id)} />
              <span>
                {p.name}（{p.relation}）{!p.confirmed && <small class="muted"> {pk('unconfirmed')}</small>}
              </span>
            </label>
          ))}
          <label class={who === ONE_OFF ? 'chip on' : 'chip'}>
            <input type="radio" name="who" value={ONE_OFF} checked={who === ONE_OFF} onChange={() => setWho(ONE_OFF)} />
            <span>{pk('oneOff')}</span>
          </label>
        </div>
      </fieldset>
      {who === ONE_OFF && (
        <div class="one-off">
          <p class="muted small">{pk('oneOffHint')}</p>
          <PersonFields value={oneOff} onChange={setOneOff} prefix="oneOff" />
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p class="ok" role="status">
          {pk('planSaved')}
        </p>
      )}
      <button class="btn primary wide" type="submit" disabled={busy}>
        {pk('savePlan')}
      </button>
      {plan && (
        <button class="btn wide" type="button" disabled={busy} onClick={clear}>
          {pk('clearPlan')}
        </button>
      )}
    </form>
  );
}

type PersonInput = { name: string; relation: string; phone: string };

function PersonFields({ value, onChange, prefix }: { value: PersonInput; onChange: (v: PersonInput) => void; prefix: string }) {
  return (
    <>
      <label class="field">
        <span>{pk('name')}</span>
        <input name={`${prefix}-name`} value={value.name} maxLength={100} required autoComplete="off" onInput={(e) => onChange({ ...value, name: e.currentTarget.value })} />
      </label>
      <label class="field">
        <span>{pk('relation')}</span>
        <input
          name={`${prefix}-relation`}
          value={value.relation}
          maxLength={30}
          required
          placeholder={pk('relationHint')}
          onInput={(e) => onChange({ ...value, relation: e.currentTarget.value })}
        />
      </label>
      <label class="field">
        <span>{pk('phone')}</span>
        <input
          name={`${prefix}-phone`}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          value={value.phone}
          required
          placeholder={pk('phoneHint')}
          onInput={(e) => onChange({ ...value, phone: e.currentTarget.value })}
        />
      </label>
    </>
  );
}

function PeopleList({ familyId, people, onChange }: { familyId: string; people: Person[]; onChange: (p: Person[]) => void }) {
  const [draft, setDraft] = useState<PersonInput>({ name: '', relation: '', phone: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const add = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const added = (await gql(AddPickupPersonDocument, { familyId, input: draft })).addPickupPerson;
      onChange([...people, added]);
      setDraft({ name: '', relation: '', phone: '' });
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (person: Person) => {
    if (!confirm(pk('removeConfirm', { name: person.name }))) return;
    try {
      await gql(RemovePickupPersonDocument, { id: person.id });
      onChange(people.filter((p) => p.id !== person.id));
    } catch (err) {
      setError(message(err));
    }
  };
  return (
    <section class="card" aria-labelledby="list-title" data-testid="pickup-list">
      <h2 id="list-title">{pk('listTitle')}</h2>
      <p class="muted small">{pk('listLead')}</p>
      {people.length === 0 && <p>{pk('listEmpty')}</p>}
      <ul class="people">
        {people.map((p) => (
          <li key={p.id} class="person" data-testid="pickup-person">
            <span class="person-text">
              <strong>{p.name}</strong>（{p.relation}）<br />
              <span class="muted">{p.phone}</span> <ConfirmedMark confirmed={p.confirmed} />
            </span>
            <button class="btn small" type="button" onClick={() => void remove(p)} aria-label={`${pk('remove')}: ${p.name}`}>
              {pk('remove')}
            </button>
          </li>
        ))}
      </ul>
      <form class="form" onSubmit={add}>
        <PersonFields value={draft} onChange={setDraft} prefix="new" />
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button class="btn wide" type="submit" disabled={busy}>
          <Icon name="person" /> {pk('addPerson')}
        </button>
      </form>
    </section>
  );
}
