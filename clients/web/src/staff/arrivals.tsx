// 登園確認: the children the server's own check found not arrived (no arrival, no report by
// the nursery's check time), live; each ends by itself when the child arrives or the family
// reports, or a teacher closes it with a note after reaching the family. Its own chunk,
// loaded when the tab is first opened.
import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { gql } from '../api/http';
import { live } from '../api/live';
import { ArrivalCheckFeedDocument, ArrivalChecksDocument, CloseArrivalCheckDocument, type ArrivalCheckFieldsFragment } from '../gql/graphql';
import { w } from '../strings-work';
import { formatTime, today } from '../time';
import { Icon } from '../ui/icons';
import { Shell } from '../ui/shell';
import { StaffNav } from './nav';
import { pending } from './store';

type Check = ArrivalCheckFieldsFragment;
const checks = signal<Check[] | null>(null);
const failed = signal(false);

function merge(check: Check): void {
  const list = checks.value ?? [];
  const i = list.findIndex((c) => c.id === check.id);
  checks.value = i < 0 ? [...list, check] : list.map((c, j) => (j === i ? check : c));
}

/** Loads today's checks and follows them live while the screen is open. */
function follow(nurseryId: string): () => void {
  const load = () =>
    gql(ArrivalChecksDocument, { nurseryId })
      .then((d) => {
        failed.value = false;
        // Events that arrived while loading are kept: the newer state of a check wins.
        const live = new Map((checks.value ?? []).map((c) => [c.id, c]));
        checks.value = d.arrivalChecks.map((c) => live.get(c.id) ?? c);
      })
      .catch(() => (failed.value = true));
  const stop = live(ArrivalCheckFeedDocument, () => ({}), (data) => merge(data.arrivalCheckUpdates));
  void load();
  const day = today();
  const timer = setInterval(() => {
    if (today() !== day) void load();
  }, 60_000);
  return () => {
    stop();
    clearInterval(timer);
  };
}

export function ArrivalsScreen({ banner, nurseryId }: { banner: ComponentChildren; nurseryId: string; route: string }) {
  useEffect(() => follow(nurseryId), [nurseryId]);
  const list = checks.value;
  // In name order however they arrived, so a child's card does not move under a finger.
  const open = (list ?? []).filter((c) => c.open).sort((a, b) => a.child.name.localeCompare(b.child.name, 'ja'));
  const ended = (list ?? []).filter((c) => !c.open);
  return (
    <Shell title={w('arrivalsTitle')} banner={banner} pending={pending.value.length} wide>
      <StaffNav />
      <p class="muted">{w('arrivalsLead')}</p>
      {list === null && <p>{failed.value ? w('arrivalsFailed') : '…'}</p>}
      {list !== null && open.length === 0 && (
        <p class="badge st-present" data-testid="arrivals-clear">
          <Icon name="check" /> {w('arrivalsNone')}
        </p>
      )}
      <ul class="report-list" data-testid="arrivals-open" aria-label={w('arrivalsOpen')}>
        {open.map((c) => (
          <OpenCheck key={c.id} check={c} />
        ))}
      </ul>
      {ended.length > 0 && (
        <section>
          <h2>{w('arrivalsEnded')}</h2>
          <ul class="plain-list" data-testid="arrivals-ended">
            {ended.map((c) => (
              <li key={c.id} data-child={c.child.id} data-resolution={c.resolution}>
                <strong>{c.child.name}</strong> <span class="muted">{c.child.classroom.name}</span> — {w(`arrivalsResolution${c.resolution ?? 'ARRIVED'}`)}
                {c.resolvedAt && ` ${formatTime(c.resolvedAt)}`}
                {c.note && <span class="quote block">{c.note}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Shell>
  );
}

function OpenCheck({ check }: { check: Check }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = `note-${check.id}`;
  const close = async () => {
    if (!note.trim()) {
      setError(w('arrivalsNoteNeeded'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const data = await gql(CloseArrivalCheckDocument, { id: check.id, note: note.trim() });
      merge(data.closeArrivalCheck);
    } catch {
      setError(w('arrivalsCloseFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="card report st-late" data-testid="arrival-check" data-child={check.child.id}>
      <h2>
        <Icon name="clock" /> {check.child.name} <span class="muted">{check.child.classroom.name}</span>
      </h2>
      <p>{w('arrivalsSince', { time: formatTime(check.raisedAt) })}</p>
      <div class="field">
        <label for={fieldId}>{w('arrivalsNote')}</label>
        <textarea id={fieldId} name="note" rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} placeholder={w('arrivalsNoteHint')} />
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button class="btn primary big" disabled={busy} onClick={() => void close()}>
        <Icon name="check" /> {w('arrivalsClose')}
      </button>
    </li>
  );
}
