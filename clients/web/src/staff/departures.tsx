// 降園確認: the children still checked in after the nursery's closing time, live; staff and the
// head are alerted again and again (banner, push) until each is checked out — which ends it
// by itself — or a teacher records why the child is still here. Its own chunk, loaded when
// the tab is first opened; the list itself is followed from the start (the banner needs it).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

import { gql } from '../api/http';
import { ExplainDepartureCheckDocument } from '../gql/graphql';
import { d } from '../strings-departures';
import { formatTime } from '../time';
import { Icon } from '../ui/icons';
import { Shell } from '../ui/shell';
import { departures, departuresFailed, mergeDeparture, stillHere, type DepartureCheck } from './departures-store';
import { StaffNav } from './nav';
import { pending } from './store';

export function DeparturesScreen({ banner }: { banner: ComponentChildren; nurseryId: string; route: string }) {
  const list = departures.value;
  const open = stillHere(list);
  const ended = (list ?? []).filter((c) => !c.open);
  return (
    <Shell title={d('departuresTitle')} banner={banner} pending={pending.value.length} wide>
      <StaffNav />
      <p class="muted">{d('departuresLead')}</p>
      {list === null && <p>{departuresFailed.value ? d('departuresFailed') : '…'}</p>}
      {list !== null && open.length === 0 && (
        <p class="badge st-present" data-testid="departures-clear">
          <Icon name="check" /> {d('departuresNone')}
        </p>
      )}
      <ul class="report-list" data-testid="departures-open" aria-label={d('departuresOpen')}>
        {open.map((c) => (
          <OpenCheck key={c.id} check={c} />
        ))}
      </ul>
      {ended.length > 0 && (
        <section>
          <h2>{d('departuresEnded')}</h2>
          <ul class="plain-list" data-testid="departures-ended">
            {ended.map((c) => (
              <li key={c.id} data-child={c.child.id} data-resolution={c.resolution}>
                <strong>{c.child.name}</strong> <span class="muted">{c.child.classroom.name}</span> —{' '}
                {d(c.resolution === 'EXPLAINED' ? 'departuresResolutionEXPLAINED' : 'departuresResolutionCHECKED_OUT')}
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

function OpenCheck({ check }: { check: DepartureCheck }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = `reason-${check.id}`;
  const explain = async () => {
    if (!note.trim()) {
      setError(d('departuresNoteNeeded'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const data = await gql(ExplainDepartureCheckDocument, { id: check.id, note: note.trim() });
      mergeDeparture(data.explainDepartureCheck);
    } catch {
      setError(d('departuresExplainFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="card report st-late" data-testid="departure-check" data-child={check.child.id} data-alerts={check.alerts}>
      <h2>
        <Icon name="alert" /> {check.child.name} <span class="muted">{check.child.classroom.name}</span>
      </h2>
      <p>{d('departuresSince', { time: formatTime(check.raisedAt), alerts: check.alerts })}</p>
      <div class="field">
        <label for={fieldId}>{d('departuresNote')}</label>
        <textarea id={fieldId} name="reason" rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} placeholder={d('departuresNoteHint')} />
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button class="btn primary big" disabled={busy} onClick={() => void explain()}>
        <Icon name="check" /> {d('departuresExplain')}
      </button>
    </li>
  );
}
