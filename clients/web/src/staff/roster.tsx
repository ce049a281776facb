import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

import { deriveDay, type DayState } from '../day';
import type { Symptom } from '../gql/graphql';
import { t } from '../i18n';
import { isHead, viewer } from '../session';
import { formatTime } from '../time';
import { isAttendanceTap } from '../queue';
import { Icon, type IconName } from '../ui/icons';
import { Shell } from '../ui/shell';
import { CheckOutDialog } from './checkout';
import { StaffNav } from './nav';
import { PickupWarningsBanner, TilePickup } from './pickup-tile';
import { chooseClassroom, classroomChoice } from './picker';
import { dismissRefusal, loadFailed, nursery, pending, refusals, reports, tap, type RosterChild } from './store';
import { undoable, UndoButton, UndoDialog } from './undo';

function tileView(state: DayState): { cls: string; icon: IconName; text: string } {
  const at = state.at ? formatTime(state.at) : '';
  switch (state.status) {
    case 'PRESENT':
      return { cls: 'st-present', icon: 'check', text: t('stPresent', { time: at }) };
    case 'LEFT':
      return { cls: 'st-left', icon: 'home', text: t('stLeft', { time: at }) };
    case 'ABSENT':
      return { cls: 'st-absent', icon: 'cross', text: t('stAbsent') };
    case 'LATE':
      return { cls: 'st-late', icon: 'clock', text: t('stLate', { time: at }) };
    default:
      return { cls: 'st-none', icon: 'dash', text: t('stNotYet') };
  }
}

export function Roster({ banner }: { banner: ComponentChildren }) {
  const n = nursery.value;
  const head = isHead(viewer.value);
  const choice = classroomChoice.value ?? '';
  const rooms = n?.classrooms ?? [];
  const shown = choice ? rooms.filter((r) => r.id === choice) : rooms;
  const children = shown.flatMap((r) => r.children);
  const [checkingOut, setCheckingOut] = useState<RosterChild | null>(null);
  const [undoing, setUndoing] = useState<RosterChild | null>(null);
  const [notice, setNotice] = useState('');
  const queued = pending.value;
  const states = new Map(children.map((c) => [c.id, deriveDay(c.attendance, c.absences, queued.filter(isAttendanceTap).filter((p) => p.childId === c.id))]));
  const count = (s: DayState['status']) => [...states.values()].filter((x) => x.status === s).length;
  const open = reports.value.filter((r) => !r.acknowledgedAt).length;
  const title = shown.length === 1 ? shown[0].name : (n?.name ?? t('roster'));
  return (
    <Shell
      title={title}
      pending={queued.length}
      banner={banner}
      wide
      nav={
        <a class="bar-link" href="/reports">
          <Icon name="message" /> {t('reports')}
          {open > 0 && <span class="count">{open}</span>}
        </a>
      }
    >
      <StaffNav />
      <Refusals />
      <PickupWarningsBanner />
      {(head || rooms.length > 1) && head && (
        <nav class="tabs" aria-label={t('pickClassroom')}>
          <button class={choice === '' ? 'tab on' : 'tab'} aria-pressed={choice === ''} onClick={() => chooseClassroom('')}>
            {t('allClassrooms')}
          </button>
          {rooms.map((r) => (
            <button key={r.id} class={choice === r.id ? 'tab on' : 'tab'} aria-pressed={choice === r.id} onClick={() => chooseClassroom(r.id)}>
              {r.name}
            </button>
          ))}
        </nav>
      )}
      {!n && <p>{loadFailed.value ? t('errorGeneric') : t('loading')}</p>}
      {n && (
        <p class="counts" data-testid="counts">
          {t('counts', {
            present: count('PRESENT'),
            notYet: count('NOT_YET') + count('LATE'),
            absent: count('ABSENT'),
            left: count('LEFT'),
          })}
        </p>
      )}
      <p class="ok status-line" role="status" data-testid="roster-notice">
        {notice}
      </p>
      <ul class="roster" data-testid="roster">
        {children.map((child) => (
          <Tile key={child.id} child={child} state={states.get(child.id)!} onCheckOut={setCheckingOut} onUndo={setUndoing} />
        ))}
      </ul>
      {checkingOut && <CheckOutDialog child={checkingOut} onClose={() => setCheckingOut(null)} />}
      {undoing && undoable(undoing) && <UndoDialog child={undoing} event={undoable(undoing)!} onClose={() => setUndoing(null)} onDone={setNotice} />}
    </Shell>
  );
}

function Tile({ child, state, onCheckOut, onUndo }: { child: RosterChild; state: DayState; onCheckOut: (c: RosterChild) => void; onUndo: (c: RosterChild) => void }) {
  const view = tileView(state);
  const symptoms = state.report?.symptoms ?? [];
  const action = state.status === 'PRESENT' ? t('checkOutAction') : state.status === 'LEFT' ? '' : t('checkInAction');
  const onTap = () => {
    if (state.status === 'PRESENT') onCheckOut(child);
    else if (state.status !== 'LEFT') void tap(child, 'CHECK_IN');
  };
  // Only a record the server has can be undone (not a tap still waiting in the queue).
  const last = state.pending ? undefined : undoable(child);
  return (
    <li class="roster-item">
      <button
        class={`tile ${view.cls}${state.pending ? ' pending' : ''}`}
        onClick={onTap}
        disabled={state.status === 'LEFT'}
        data-testid="tile"
        data-child={child.id}
        data-status={state.status}
        data-pending={state.pending ? 'true' : 'false'}
      >
        <span class="tile-name">{child.name}</span>
        <span class="tile-state">
          <Icon name={state.pending ? 'sync' : view.icon} size={20} />
          {view.text}
          {state.pending && <span class="pending-mark">（{t('stPending')}）</span>}
        </span>
        {state.status === 'ABSENT' && symptoms.length > 0 && (
          <span class="tile-note">{symptoms.map((s) => t(`symptom${s as Symptom}`)).join('・')}</span>
        )}
        {state.report?.kind === 'EARLY_PICKUP' && state.report.expectedArrival && (
          <span class="tile-note">{t('stEarly', { time: formatTime(state.report.expectedArrival) })}</span>
        )}
        <TilePickup childId={child.id} />
        {child.allergies.length > 0 && <span class="tile-note allergy">{t('allergies', { list: child.allergies.join('・') })}</span>}
        {action && <span class="visually-hidden">{action}</span>}
      </button>
      {last && <UndoButton child={child} event={last} onOpen={() => onUndo(child)} />}
    </li>
  );
}

export function Refusals() {
  const list = refusals.value;
  if (!list.length) return null;
  return (
    <section class="refusals" role="alert" data-testid="refusals">
      <h2>
        <Icon name="alert" /> {t('refusedTitle')}
      </h2>
      <ul>
        {list.map((r) => (
          <li key={r.tap.key}>
            <span>
              {t('refusedItem', {
                name: r.tap.childName,
                action: t(r.tap.op === 'CHECK_IN' ? 'actionCheckIn' : r.tap.op === 'CHECK_OUT' ? 'actionCheckOut' : `action${r.tap.op}`),
                reason: r.code === 'CONFLICT' ? t('refusedConflict') : `${t('refusedOther')} (${r.message})`,
              })}
            </span>
            <button class="btn small" onClick={() => dismissRefusal(r.tap.key)}>
              {t('dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
