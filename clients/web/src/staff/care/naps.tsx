// 午睡チェック: each sleeping child with a countdown to the next required check (the configured
// interval, run on the tablet so it works offline); one tap records position and breathing;
// an overdue check turns the tile red (the server alerts every staff screen too). Face down
// or a breathing problem asks for confirmation, then alerts at once.
import { useEffect, useRef, useState } from 'preact/hooks';

import { formatCountdown, napClock } from '../../care';
import type { SleepPosition } from '../../gql/graphql';
import { t } from '../../i18n';
import { w } from '../../strings-work';
import { formatTime } from '../../time';
import { Icon } from '../../ui/icons';
import { careRoom, now, presentIds, type CareChild } from '../care-data';
import { pending, record } from '../store';

const POSITIONS: SleepPosition[] = ['BACK', 'SIDE', 'FRONT'];

type Confirm = { child: CareChild; kind: 'FRONT' | 'BREATHING' } | null;

export function NapsScreen() {
  const room = careRoom();
  const here = presentIds();
  const children = (room?.children ?? []).filter((c) => here.has(c.id));
  const [confirm, setConfirm] = useState<Confirm>(null);
  const at = now.value;
  const fallback = room?.children.flatMap((c) => c.naps).find((n) => n.checkIntervalSeconds)?.checkIntervalSeconds ?? null;
  const check = (child: CareChild, position: SleepPosition, breathingOk: boolean) => void record(child, 'NAP_CHECK', { childId: child.id, position, breathingOk });
  const clocks = children.map((c) => {
    const queued = pending.value.filter((p) => p.childId === c.id && (p.op === 'NAP_CHECK' || p.op === 'NAP_END'));
    const endAt = queued.findLastIndex((p) => p.op === 'NAP_END');
    const ended = endAt >= 0;
    const queuedChecks = queued.slice(endAt + 1).filter((p) => p.op === 'NAP_CHECK').map((p) => p.occurredAt);
    const naps = ended ? c.naps.map((n) => ({ ...n, endedAt: n.endedAt ?? queued[endAt].occurredAt })) : c.naps;
    return { child: c, clock: napClock(naps, c.napChecks, queuedChecks, at, fallback) };
  });
  const sleeping = clocks.filter((x) => x.clock.sleeping).length;
  if (!room) return <p>{t('loading')}</p>;
  return (
    <>
      <p class="counts">{w('napSleeping', { n: sleeping })}</p>
      {children.length === 0 && <p class="muted">{w('napsNobody')}</p>}
      <ul class="nap-grid" data-testid="nap-grid">
        {clocks.map(({ child, clock }) => (
          <li
            key={child.id}
            class={`card nap-tile${clock.overdue ? ' overdue' : clock.sleeping ? ' sleeping' : ''}`}
            data-testid="nap-tile"
            data-child={child.id}
            data-state={clock.overdue ? 'overdue' : clock.sleeping ? 'sleeping' : 'awake'}
          >
            <h3>{child.name}</h3>
            <p class="nap-clock" role={clock.overdue ? 'alert' : undefined}>
              {!clock.sleeping ? (
                <span class="muted">{w('napAwake')}</span>
              ) : clock.remainingMs == null ? (
                <span>{w('napNoInterval')}</span>
              ) : clock.overdue ? (
                <strong>
                  <Icon name="alert" /> {w('napOverdue', { time: formatCountdown(clock.remainingMs) })}
                </strong>
              ) : (
                <span>
                  <Icon name="clock" /> {w('napNext', { time: formatCountdown(clock.remainingMs) })}
                </span>
              )}
              {clock.lastCheckAt && <span class="small"> {w('napLast', { time: formatTime(clock.lastCheckAt) })}</span>}
            </p>
            {!clock.sleeping && <p class="muted small">{w('napStart')}</p>}
            <div class="nap-actions">
              {POSITIONS.map((p) => (
                <button
                  key={p}
                  class={p === 'FRONT' ? 'btn danger-outline' : 'btn'}
                  aria-label={w('napRecordAs', { name: child.name, position: w(`nap${p}`) })}
                  onClick={() => (p === 'FRONT' ? setConfirm({ child, kind: 'FRONT' }) : check(child, p, true))}
                >
                  {w(`nap${p}`)}
                </button>
              ))}
            </div>
            <div class="nap-actions">
              <button class="btn small danger-outline" onClick={() => setConfirm({ child, kind: 'BREATHING' })}>
                {w('napBreathing')}
              </button>
              {clock.sleeping && (
                <button class="btn small" onClick={() => void record(child, 'NAP_END', { childId: child.id })}>
                  {w('napWake')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {confirm && (
        <ConfirmDialog
          title={w(confirm.kind === 'FRONT' ? 'napFrontTitle' : 'napBreathTitle')}
          body={w(confirm.kind === 'FRONT' ? 'napFrontBody' : 'napBreathBody', { name: confirm.child.name })}
          action={w(confirm.kind === 'FRONT' ? 'napFrontConfirm' : 'napBreathConfirm')}
          onConfirm={() => (confirm.kind === 'FRONT' ? check(confirm.child, 'FRONT', true) : check(confirm.child, 'BACK', false))}
          onClose={() => setConfirm(null)}
        />
      )}
    </>
  );
}

export function ConfirmDialog({ title, body, action, onConfirm, onClose }: { title: string; body: string; action: string; onConfirm: () => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} class="dialog" onClose={onClose} aria-labelledby="confirm-title" data-testid="confirm">
      <h2 id="confirm-title">
        <Icon name="alert" /> {title}
      </h2>
      <p>{body}</p>
      <div class="dialog-actions">
        <button type="button" class="btn" onClick={onClose}>
          {t('cancel')}
        </button>
        <button
          type="button"
          class="btn danger"
          onClick={() => {
            onConfirm();
            onClose();
          }}
        >
          {action}
        </button>
      </div>
    </dialog>
  );
}
