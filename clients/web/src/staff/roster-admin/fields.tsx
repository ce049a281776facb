// Form pieces of the roster screens: a labelled input whose server-side error is shown right
// under it (and tied to it for screen readers), and a one-line rename form.
import type { InputHTMLAttributes } from 'preact';
import { useState } from 'preact/hooks';

import { r } from '../../strings-roster';
import { fieldErrors, type FieldErrors } from './data';

export function Field({
  id,
  label,
  error,
  hint,
  ...input
}: { id: string; label: string; error?: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} class="muted small">
          {hint}
        </span>
      )}
      <input id={id} aria-invalid={error ? 'true' : undefined} aria-describedby={described} {...input} />
      {error && (
        <p id={`${id}-error`} class="field-error" role="alert" data-testid={`error-${id}`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A name and Save/Cancel: renames a classroom or the nursery (`save` throws the refusal). */
export function RenameForm({ id, label, initial, save, onDone }: { id: string; label: string; initial: string; save: (name: string) => Promise<void>; onDone: () => void }) {
  const [name, setName] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await save(name);
      onDone();
    } catch (err) {
      setErrors(fieldErrors(err, { name: 'errRename' }, 'name'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="rename-form" onSubmit={submit} novalidate data-testid={`rename-${id}`}>
      <Field id={`rename-${id}-name`} name="name" label={label} value={name} error={errors.name} autocomplete="off" onInput={(e) => setName(e.currentTarget.value)} />
      <div class="form-actions">
        <button class="btn primary" type="submit" disabled={busy}>
          {r('save')}
        </button>
        <button class="btn" type="button" onClick={onDone}>
          {r('cancel')}
        </button>
      </div>
    </form>
  );
}
