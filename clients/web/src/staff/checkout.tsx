// Check-out: who is collecting the child. The planned person comes first (chosen already),
// then the rest of the family's list, then a guardian, then someone else typed in. Someone not
// on the list, or not yet confirmed, is recorded all the same (the child goes home) and the
// head is told: the teacher sees that before confirming.
import { useEffect, useRef, useState } from 'preact/hooks';

import { gql } from '../api/http';
import { CheckOutPeopleDocument, type PickupPersonFieldsFragment } from '../gql/graphql';
import { t } from '../i18n';
import { pk } from '../strings-pickup';
import { Icon } from '../ui/icons';
import { plans } from './pickup-store';
import { tap, type RosterChild } from './store';

type Person = PickupPersonFieldsFragment;
type Choice = { kind: 'person'; person: Person } | { kind: 'oneOff'; name: string; confirmed: boolean } | { kind: 'guardian' } | { kind: 'other' };

const OTHERS = ['pickupGrandmother', 'pickupGrandfather'] as const;

export function CheckOutDialog({ child, onClose }: { child: RosterChild; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const plan = plans.value.get(child.id) ?? null;
  const plannedPerson: Person | null = plan?.person ? { id: plan.person.id, name: plan.name, relation: plan.person.relation, phone: '', confirmed: plan.confirmed } : null;
  const planned: Choice | null = plannedPerson
    ? { kind: 'person', person: plannedPerson }
    : plan?.oneOff
      ? { kind: 'oneOff', name: plan.oneOff.name, confirmed: plan.oneOff.confirmed }
      : null;
  const [people, setPeople] = useState<Person[]>([]);
  const [choice, setChoice] = useState<Choice>(planned ?? { kind: 'guardian' });
  const [other, setOther] = useState('');
  useEffect(() => {
    dialog.current?.showModal();
    // The list as it stands (offline: the planned person is still offered).
    gql(CheckOutPeopleDocument, { childId: child.id })
      .then((d) => setPeople(d.child?.family.pickupPeople ?? []))
      .catch(() => {});
  }, [child.id]);
  const rest = people.filter((p) => p.id !== plannedPerson?.id);
  const isOn = (c: Choice) =>
    c.kind === choice.kind && (c.kind !== 'person' || (choice.kind === 'person' && choice.person.id === c.person.id));
  const warns =
    choice.kind === 'other' ? other.trim() !== '' : choice.kind === 'person' ? !choice.person.confirmed : choice.kind === 'oneOff' ? !choice.confirmed : false;
  const confirm = (event: Event) => {
    event.preventDefault();
    if (choice.kind === 'person') void tap(child, 'CHECK_OUT', choice.person.name, choice.person.id);
    else if (choice.kind === 'oneOff') void tap(child, 'CHECK_OUT', choice.name);
    else if (choice.kind === 'other') void tap(child, 'CHECK_OUT', other);
    else void tap(child, 'CHECK_OUT');
    onClose();
  };
  const chip = (c: Choice, label: string, unconfirmed: boolean, testid: string) => (
    <button type="button" class={isOn(c) ? 'chip on' : 'chip'} aria-pressed={isOn(c)} onClick={() => setChoice(c)} data-testid={testid}>
      {label}
      {unconfirmed && <small class="chip-note">{pk('tileUnconfirmed')}</small>}
    </button>
  );
  return (
    <dialog ref={dialog} class="dialog" onClose={onClose} aria-labelledby="checkout-title">
      <form onSubmit={confirm}>
        <h2 id="checkout-title">{t('checkOutTitle', { name: child.name })}</h2>
        {planned && (
          <fieldset class="choices">
            <legend>
              {pk('choosePlanned')} {plan && plan.time}
            </legend>
            <div class="chips">
              {planned.kind === 'person' && chip(planned, `${planned.person.name}（${planned.person.relation}）`, !planned.person.confirmed, 'choice-planned')}
              {planned.kind === 'oneOff' && chip(planned, `${planned.name}（${plan?.oneOff?.relation ?? ''}）`, !planned.confirmed, 'choice-planned')}
            </div>
          </fieldset>
        )}
        {rest.length > 0 && (
          <fieldset class="choices">
            <legend>{pk('chooseList')}</legend>
            <div class="chips">{rest.map((p) => chip({ kind: 'person', person: p }, `${p.name}（${p.relation}）`, !p.confirmed, 'choice-listed'))}</div>
          </fieldset>
        )}
        <fieldset class="choices">
          <legend>{pk('chooseGuardian')}</legend>
          <div class="chips">{chip({ kind: 'guardian' }, pk('chooseGuardianLabel'), false, 'choice-guardian')}</div>
        </fieldset>
        <fieldset class="choices">
          <legend>{pk('chooseOther')}</legend>
          <div class="chips">
            {OTHERS.map((k) => (
              <button
                type="button"
                key={k}
                class={choice.kind === 'other' && other === t(k) ? 'chip on' : 'chip'}
                aria-pressed={choice.kind === 'other' && other === t(k)}
                onClick={() => {
                  setChoice({ kind: 'other' });
                  setOther(t(k));
                }}
              >
                {t(k)}
              </button>
            ))}
          </div>
          <label class="field">
            <span>{t('whoPicksUp')}</span>
            <input
              name="pickupBy"
              value={choice.kind === 'other' ? other : ''}
              maxLength={100}
              onFocus={() => setChoice({ kind: 'other' })}
              onInput={(e) => {
                setChoice({ kind: 'other' });
                setOther(e.currentTarget.value);
              }}
            />
          </label>
        </fieldset>
        {warns && (
          <p class="warn-line" role="status" data-testid="checkout-warns">
            <Icon name="alert" /> {pk(choice.kind === 'other' ? 'otherWarns' : 'unconfirmedWarns')}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" class="btn" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" class="btn primary">
            {t('checkOut')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
