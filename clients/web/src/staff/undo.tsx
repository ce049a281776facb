// Undoing a mistaken check-in or check-out on the roster (issue 18's corrections): the
// child's latest record of today, a required reason (a chip for the usual ones, or typed),
// then a second, explicit tap. Nothing is deleted on the server: the correction supersedes
// the record, and every tablet and the family's phones apply it live (`corrects`).
import { useEffect, useRef, useState } from 'preact/hooks';

import { latestRecord } from '../day';
import type { AttendanceFieldsFragment } from '../gql/graphql';
import { newKey } from '../queue';
import { s, type SafetyKey } from '../strings-safety';
import { formatTime } from '../time';
import { Icon } from '../ui/icons';
import { undo, type RosterChild } from './store';

const REASONS: SafetyKey[] = ['undoReasonMistap', 'undoReasonWrongChild', 'undoReasonNotYet'];

/** The record an undo would take back: the child's latest standing check-in or check-out. */
export function undoable(child: RosterChild): AttendanceFieldsFragment | undefined {
  return latestRecord(child.attendance);
}

/** The small button under a tile; its hidden words say whose record and which. */
export function UndoButton({ child, event, onOpen }: { child: RosterChild; event: AttendanceFieldsFragment; onOpen: () => void }) {
  return (
    <button type="button" class="btn small undo-btn" onClick={onOpen} data-testid="undo" data-child={child.id}>
      <Icon name="undo" size={18} /> {s('undo')}
      <span class="visually-hidden">: {s(`undoWhat${event.kind}`, { name: child.name, time: formatTime(event.occurredAt) })}</span>
    </button>
  );
}

export function UndoDialog({
  child,
  event,
  onClose,
  onDone,
}: {
  child: RosterChild;
  event: AttendanceFieldsFragment;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per dialog: a second tap after a lost answer is the same correction.
  const [key] = useState(newKey);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const time = formatTime(event.occurredAt);
  const submit = async (e: Event) => {
    e.preventDefault();
    const text = reason.trim();
    if (!text) {
      setError(s('undoReasonNeeded'));
      return;
    }
    setBusy(true);
    setError(null);
    const outcome = await undo(event, text, key);
    setBusy(false);
    if (outcome.kind === 'done') {
      onDone(s('undoDone', { what: s(`undoWhat${event.kind}`, { name: child.name, time }) }));
      onClose();
    } else if (outcome.kind === 'conflict') {
      onDone(s('undoConflict'));
      onClose();
    } else if (outcome.kind === 'offline') {
      setError(s('undoOffline'));
    } else {
      setError(s('undoFailed', { message: outcome.message }));
    }
  };
  return (
    <dialog ref={dialog} class="dialog" onClose={onClose} aria-labelledby="undo-title" aria-describedby="undo-lead" data-testid="undo-dialog">
      <form onSubmit={submit} noValidate>
        <h2 id="undo-title">{s(`undoTitle${event.kind}`)}</h2>
        <p id="undo-lead">
          <strong>{s(`undoLead${event.kind}`, { name: child.name, time })}</strong>
        </p>
        <p class="muted">{s('undoKept')}</p>
        <fieldset class="choices">
          <legend>{s('undoReason')}</legend>
          <div class="chips">
            {REASONS.map((k) => (
              <button type="button" key={k} class={reason === s(k) ? 'chip on' : 'chip'} aria-pressed={reason === s(k)} onClick={() => setReason(s(k))}>
                {s(k)}
              </button>
            ))}
          </div>
          <label class="field">
            <span class="visually-hidden">{s('undoReason')}</span>
            <input
              name="reason"
              value={reason}
              maxLength={500}
              aria-invalid={error === s('undoReasonNeeded') ? 'true' : undefined}
              aria-describedby={error ? 'undo-error' : undefined}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </label>
        </fieldset>
        {error && (
          <p id="undo-error" class="error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" class="btn big" onClick={onClose}>
            {s('undoKeep')}
          </button>
          <button type="submit" class="btn big danger" disabled={busy}>
            {s('undoConfirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
