// The family's today, kept live: loaded once, then `attendanceEvents` from the last cursor.
// After the phone slept or lost the network, the feed replays what happened meanwhile: those
// events update the cards and are listed once as "while you were away".
import { signal } from '@preact/signals';

import { gql } from '../api/http';
import { live } from '../api/live';
import { mergeEvent, mergeReport } from '../day';
import {
  AbsenceUpdatesDocument,
  AttendanceFeedDocument,
  CareAlertFeedDocument,
  GuardianHomeDocument,
  LiveCursorDocument,
  PickupPlanFeedDocument,
  type AttendanceFieldsFragment,
  type GuardianHomeQuery,
} from '../gql/graphql';
import { online } from '../net';
import { localDate, today } from '../time';

export type HomeChild = GuardianHomeQuery['me']['children'][number];

export const children = signal<HomeChild[] | null>(readCache());
export const loadError = signal<string | null>(null);
/** The nursery asking the family to get in touch (a fever recorded there), live. */
export const notices = signal<{ id: string; childId: string; name: string }[]>([]);

export function dismissNotice(id: string): void {
  notices.value = notices.value.filter((n) => n.id !== id);
}

/** Arrivals and departures that happened while the app was asleep or offline. */
export const missed = signal<AttendanceFieldsFragment[]>([]);

const CURSOR = 'tsunagu.cursor';
const CACHE = 'tsunagu.home';
let loadedFor = '';
let stopFeed: (() => void) | null = null;
let poller: ReturnType<typeof setInterval> | null = null;

function readCache(): HomeChild[] | null {
  try {
    const raw = localStorage.getItem(CACHE);
    if (!raw) return null;
    const cached = JSON.parse(raw) as { date: string; children: HomeChild[] };
    return cached.date === today() ? cached.children : null;
  } catch {
    return null;
  }
}

function writeCache(list: HomeChild[]): void {
  try {
    localStorage.setItem(CACHE, JSON.stringify({ date: today(), children: list }));
  } catch {
    /* full or private: the app still works online */
  }
}

function setChildren(list: HomeChild[]): void {
  children.value = list;
  writeCache(list);
}

/** `resumed`: the app came back (network, foreground): what this load finds new was missed. */
export async function loadHome(resumed = false): Promise<void> {
  const date = today();
  try {
    const data = await gql(GuardianHomeDocument, { from: date, to: date });
    const known = new Set((children.value ?? []).flatMap((c) => c.attendance.map((e) => e.id)));
    const firstLoad = loadedFor !== date;
    loadedFor = date;
    // Events this reload found that we had not seen: missed while away (not on a first load).
    if (!firstLoad) {
      for (const child of data.me.children) for (const e of child.attendance) if (!known.has(e.id) && (resumed || Date.parse(e.occurredAt) < Date.now() - 15_000)) noteMissed(e);
    }
    setChildren(data.me.children);
    loadError.value = null;
  } catch (err) {
    loadError.value = err instanceof Error ? err.message : String(err);
  }
}

function noteMissed(event: AttendanceFieldsFragment): void {
  if (missed.value.some((m) => m.id === event.id)) return;
  missed.value = [...missed.value, event];
}

export function dismissMissed(): void {
  missed.value = [];
}

function applyEvent(event: AttendanceFieldsFragment, resumedAt: number | null): void {
  localStorage.setItem(CURSOR, event.cursor);
  const list = children.value;
  if (!list || localDate(event.occurredAt) !== today()) return;
  const child = list.find((c) => c.id === event.child.id);
  if (!child) return;
  if (event.corrects) {
    setChildren(list.map((c) => (c === child ? { ...c, attendance: mergeEvent(c.attendance, event) } : c)));
    return;
  }
  const isNew = !child.attendance.some((e) => e.id === event.id);
  if (!isNew) return;
  // Missed: replayed after a reconnection, or arriving while the phone was offline or the app
  // in the background (a socket can outlive both).
  const away = !online.value || document.visibilityState === 'hidden';
  if (resumedAt !== null ? Date.parse(event.occurredAt) <= resumedAt : away) noteMissed(event);
  setChildren(list.map((c) => (c === child ? { ...c, attendance: mergeEvent(c.attendance, event) } : c)));
}

export function replaceReport(childId: string, report: HomeChild['absences'][number]): void {
  const list = children.value;
  if (!list) return;
  setChildren(list.map((c) => (c.id === childId ? { ...c, absences: mergeReport(c.absences, report) } : c)));
}

export function patchChild(childId: string, patch: (c: HomeChild) => HomeChild): void {
  const list = children.value;
  if (!list) return;
  setChildren(list.map((c) => (c.id === childId ? patch(c) : c)));
}

/** Starts the live feed and the reloads that keep the day fresh; idempotent. */
export function startGuardianLive(): void {
  if (stopFeed) return;
  let stopped = false;
  stopFeed = () => {
    stopped = true;
  };
  // Where the feed stands before the day is read: the subscription replays from there, so an
  // arrival written between the read and the subscription is not lost.
  void gql(LiveCursorDocument)
    .then((d) => localStorage.setItem(CURSOR, d.liveCursor))
    .catch(() => {})
    .then(() => loadHome())
    .then(() => {
      if (!stopped) stopFeed = subscribe();
    });
  // A new day starts with a fresh load.
  poller = setInterval(() => {
    if (document.visibilityState === 'visible' && loadedFor !== today()) void loadHome();
  }, 60_000);
  window.addEventListener('online', onResume);
  document.addEventListener('visibilitychange', onVisible);
}

function subscribe(): () => void {
  const stopAttendance = live(
    AttendanceFeedDocument,
    () => ({ after: localStorage.getItem(CURSOR) }),
    (data, resumedAt) => applyEvent(data.attendanceEvents, resumedAt),
  );
  // A fever recorded at the nursery, or a notebook page published: the day changed.
  const stopCare = live(CareAlertFeedDocument, () => ({}), (data) => {
    const alert = data.careAlerts;
    if (alert.kind === 'FEVER' && !notices.value.some((n) => n.id === alert.id)) {
      notices.value = [...notices.value, { id: alert.id, childId: alert.child.id, name: alert.child.name }];
    }
    void loadHome();
  });
  // Reports as they are made (by the other guardian too) and acknowledged by staff: 確認済み
  // shows the moment it happens. What passed while disconnected comes with the next load.
  const stopReports = live(AbsenceUpdatesDocument, () => ({}), (data) => {
    const report = data.absenceUpdates;
    if (report.date === today()) replaceReport(report.child.id, report);
  });
  // Today's pick-up set or changed by the other guardian (or by staff on the phone).
  const stopPickup = live(PickupPlanFeedDocument, () => ({}), (data) => {
    const update = data.pickupPlanUpdates;
    if (update.date === today()) patchChild(update.child.id, (c) => ({ ...c, pickupPlan: update.plan ?? null }));
  });
  return () => {
    stopAttendance();
    stopCare();
    stopReports();
    stopPickup();
  };
}

function onResume(): void {
  void loadHome(true);
}

function onVisible(): void {
  if (document.visibilityState === 'visible') void loadHome(true);
}

export function stopGuardianLive(): void {
  stopFeed?.();
  stopFeed = null;
  if (poller) clearInterval(poller);
  poller = null;
  window.removeEventListener('online', onResume);
  document.removeEventListener('visibilitychange', onVisible);
  children.value = null;
  missed.value = [];
  notices.value = [];
  loadedFor = '';
}
