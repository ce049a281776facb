// One child's page for the head: correct the names, kana, birth date and allergies (a refusal
// shown at the field the server names), move to another classroom from a date, withdraw from a
// date after a confirmation that says what it means.
import { useEffect, useRef, useState } from 'preact/hooks';

import { gql } from '../../api/http';
import { MoveChildDocument, SetChildAllergiesDocument, UpdateChildDocument, WithdrawChildDocument, type ChildCorrectionInput } from '../../gql/graphql';
import { locale, t } from '../../i18n';
import { r } from '../../strings-roster';
import { formatDate, today } from '../../time';
import { Icon } from '../../ui/icons';
import { afterChange, fieldErrors, useRosterAdmin, type AdminChild, type AdminNursery, type FieldErrors } from './data';
import { Field } from './fields';
import { parseAllergies } from './logic';

export function ChildPage({ nurseryId, childId }: { nurseryId: string; childId: string }) {
  const { nursery, failed, reload } = useRosterAdmin(nurseryId);
  const [left, setLeft] = useState<string | null>(null);
  if (!nursery) return <p>{failed ? r('loadFailed') : t('loading')}</p>;
  const room = nursery.classrooms.find((c) => c.children.some((x) => x.id === childId));
  const child = room?.children.find((x) => x.id === childId);
  if (!child || !room) {
    return (
      <section class="card">
        {left ? (
          <p class="ok" role="status" data-testid="withdrawn-done">
            {left}
          </p>
        ) : (
          <p>{r('notFound')}</p>
        )}
        <a class="btn" href="/roster-admin">
          {r('backToAdmin')}
        </a>
      </section>
    );
  }
  const changed = () => afterChange(reload);
  return (
    <div class="child-admin" data-testid="child-admin" data-child={child.id}>
      <h2 class="child-admin-name">
        {child.name} <span class="muted small">{r('currentClassroom', { name: room.name })}</span>
      </h2>
      <div class="child-admin-grid">
        <Details key={child.id} child={child} onChanged={changed} />
        <div>
          <Move child={child} nursery={nursery} onChanged={changed} />
          <Withdraw child={child} onChanged={changed} onLeft={setLeft} />
        </div>
      </div>
    </div>
  );
}

function Details({ child, onChanged }: { child: AdminChild; onChanged: () => Promise<void> }) {
  const [name, setName] = useState(child.name);
  const [kana, setKana] = useState(child.nameKana ?? '');
  const [birth, setBirth] = useState(child.birthDate);
  const [allergies, setAllergies] = useState(child.allergies.join('、'));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setErrors({});
    setSaved(false);
    if (!birth) {
      setErrors({ birthDate: r('errBirthDate') });
      return;
    }
    setBusy(true);
    try {
      const input: ChildCorrectionInput = {};
      if (name !== child.name) input.name = name;
      if (kana !== (child.nameKana ?? '')) input.nameKana = kana;
      if (birth !== child.birthDate) input.birthDate = birth;
      if (Object.keys(input).length) await gql(UpdateChildDocument, { childId: child.id, input });
      const allergens = parseAllergies(allergies);
      if (allergens.join('\n') !== child.allergies.join('\n')) await gql(SetChildAllergiesDocument, { childId: child.id, allergens });
      await onChanged();
      setSaved(true);
    } catch (err) {
      setErrors(fieldErrors(err, { name: 'errName', nameKana: 'errNameKana', birthDate: 'errBirthDate', allergens: 'errAllergens' }, 'form'));
      // The names may be saved when the allergies were refused (two calls): show what is stored.
      void onChanged().catch(() => {});
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="details-title">
      <h3 id="details-title">{r('detailsTitle')}</h3>
      <form onSubmit={submit} novalidate data-testid="child-details">
        <Field id="child-name" name="name" label={r('name')} value={name} error={errors.name} autocomplete="off" onInput={(e) => setName(e.currentTarget.value)} />
        <Field id="child-kana" name="nameKana" label={r('nameKana')} value={kana} error={errors.nameKana} autocomplete="off" onInput={(e) => setKana(e.currentTarget.value)} />
        <Field id="child-birth" name="birthDate" type="date" label={r('birthDate')} value={birth} error={errors.birthDate} onInput={(e) => setBirth(e.currentTarget.value)} />
        <Field
          id="child-allergies"
          name="allergies"
          label={r('allergies')}
          hint={r('allergiesHint')}
          value={allergies}
          error={errors.allergens}
          autocomplete="off"
          onInput={(e) => setAllergies(e.currentTarget.value)}
        />
        {errors.form && (
          <p class="error" role="alert">
            {errors.form}
          </p>
        )}
        {saved && (
          <p class="ok" role="status">
            <Icon name="check" /> {r('saved')}
          </p>
        )}
        <button class="btn primary wide" type="submit" disabled={busy}>
          {r('save')}
        </button>
      </form>
    </section>
  );
}

function Move({ child, nursery, onChanged }: { child: AdminChild; nursery: AdminNursery; onChanged: () => Promise<void> }) {
  const rooms = nursery.classrooms.filter((c) => c.id !== child.classroom.id);
  const [target, setTarget] = useState('');
  const [from, setFrom] = useState(today());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setErrors({});
    setDone(null);
    if (!target) return setErrors({ classroomId: r('pickClassroom') });
    if (!from) return setErrors({ from: r('errDate') });
    setBusy(true);
    try {
      await gql(MoveChildDocument, { childId: child.id, classroomId: target, from });
      const classroom = nursery.classrooms.find((c) => c.id === target)?.name ?? '';
      const params = { date: formatDate(from, locale.value), classroom };
      await onChanged();
      setDone(from <= today() ? r('moved', params) : r('movesLater', params));
      setTarget('');
    } catch (err) {
      setErrors(fieldErrors(err, { classroomId: 'errClassroom', from: 'errMoveFrom' }, 'form'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="move-title">
      <h3 id="move-title">{r('moveTitle')}</h3>
      <p class="muted small">{r('moveHint')}</p>
      <form onSubmit={submit} novalidate data-testid="child-move">
        <div class={errors.classroomId ? 'field has-error' : 'field'}>
          <label for="move-to">{r('moveTo')}</label>
          <select
            id="move-to"
            name="classroom"
            value={target}
            aria-invalid={errors.classroomId ? 'true' : undefined}
            aria-describedby={errors.classroomId ? 'move-to-error' : undefined}
            onChange={(e) => setTarget(e.currentTarget.value)}
          >
            <option value="">{r('pickClassroom')}</option>
            {rooms.map((c) => (
              <option key={c.id} value={c.id}>
                {r('classroomHeading', { name: c.name, band: c.ageBand })}
              </option>
            ))}
          </select>
          {errors.classroomId && (
            <p id="move-to-error" class="field-error" role="alert">
              {errors.classroomId}
            </p>
          )}
        </div>
        <Field id="move-from" name="from" type="date" label={r('moveFrom')} value={from} error={errors.from} onInput={(e) => setFrom(e.currentTarget.value)} />
        {errors.form && (
          <p class="error" role="alert">
            {errors.form}
          </p>
        )}
        {done && (
          <p class="ok" role="status" data-testid="move-done">
            <Icon name="check" /> {done}
          </p>
        )}
        <button class="btn primary wide" type="submit" disabled={busy}>
          {r('moveButton')}
        </button>
      </form>
    </section>
  );
}

function Withdraw({ child, onChanged, onLeft }: { child: AdminChild; onChanged: () => Promise<void>; onLeft: (message: string) => void }) {
  const [date, setDate] = useState(child.withdrawnOn ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [confirming, setConfirming] = useState(false);
  const lang = locale.value;
  if (child.withdrawnOn) {
    return (
      <section class="card" aria-labelledby="withdraw-title">
        <h3 id="withdraw-title">{r('withdrawTitle')}</h3>
        <p class="leaving" data-testid="withdraw-done">
          {r('withdrawn', { date: formatDate(child.withdrawnOn, lang) })}
        </p>
      </section>
    );
  }
  const ask = (event: Event) => {
    event.preventDefault();
    setErrors({});
    if (!date) return setErrors({ date: r('errDate') });
    setConfirming(true);
  };
  const withdraw = async () => {
    try {
      await gql(WithdrawChildDocument, { childId: child.id, date });
      // The child leaves the list now when the date has come: the page says so itself.
      onLeft(r('withdrawn', { date: formatDate(date, lang) }));
      await onChanged();
    } catch (err) {
      setErrors(fieldErrors(err, { date: 'errWithdrawDate' }, 'form', 'errAlreadyWithdrawn'));
    }
  };
  return (
    <section class="card" aria-labelledby="withdraw-title">
      <h3 id="withdraw-title">{r('withdrawTitle')}</h3>
      <form onSubmit={ask} novalidate data-testid="child-withdraw">
        <Field id="withdraw-date" name="date" type="date" label={r('withdrawDate')} value={date} error={errors.date} onInput={(e) => setDate(e.currentTarget.value)} />
        {errors.form && (
          <p class="error" role="alert">
            {errors.form}
          </p>
        )}
        <button class="btn danger-outline wide" type="submit">
          {r('withdrawButton')}
        </button>
      </form>
      {confirming && (
        <WithdrawDialog
          text={r('withdrawConfirm', { name: child.name, date: formatDate(date, lang) })}
          onConfirm={() => void withdraw()}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}

function WithdrawDialog({ text, onConfirm, onClose }: { text: string; onConfirm: () => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} class="dialog" onClose={onClose} aria-labelledby="withdraw-confirm-title" aria-describedby="withdraw-confirm-text" data-testid="withdraw-confirm">
      <h2 id="withdraw-confirm-title">
        <Icon name="alert" /> {r('withdrawTitle')}
      </h2>
      <p id="withdraw-confirm-text">{text}</p>
      <div class="dialog-actions wrap">
        <button type="button" class="btn" onClick={onClose}>
          {r('cancel')}
        </button>
        <button
          type="button"
          class="btn danger"
          onClick={() => {
            onConfirm();
            onClose();
          }}
        >
          {r('withdrawYes')}
        </button>
      </div>
    </dialog>
  );
}
