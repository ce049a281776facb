// The tablet's view of the nursery today: the roster (loaded, then live), today's absence
// reports (live), care alerts (live), and the taps waiting in the offline queue. A tap shows
// at once (pending), goes to IndexedDB with its idempotency key, then to the server.
import { signal } from '@preact/signals';

import { ApiError, gql } from '../api/http';
import { live } from '../api/live';
import { mergeEvent, mergeReport } from '../day';
import {
  AbsenceFeedDocument,
  AcknowledgeAbsenceDocument,
  AttendanceFeedDocument,
  CareAlertFeedDocument,
  CheckInDocument,
  CheckOutDocument,
  CorrectAttendanceDocument,
  GrowthRecordDocument,
  LiveCursorDocument,
  NapCheckRecordDocument,
  NapEndDocument,
  StaffHealthCheckDocument,
  StaffMealDocument,
  StaffNurseryDocument,
  StaffReportsDocument,
  type AbsenceFieldsFragment,
  type AttendanceFieldsFragment,
  type CareAlertFeedSubscription,
  type StaffNurseryQuery,
} from '../gql/graphql';
import { followDepartures } from './departures-store';
import { newKey, TapQueue, type QueuedTap, type Refusal, type SendOutcome } from '../queue';
import { localDate, today } from '../time';

export type StaffNursery = NonNullable<StaffNurseryQuery['nursery']>;
export type RosterChild = StaffNursery['classrooms'][number]['children'][number];
export type CareAlert = CareAlertFeedSubscription['careAlerts'];

export const nursery = signal<StaffNursery | null>(null);
export const reports = signal<AbsenceFieldsFragment[]>([]);
export const alerts = signal<CareAlert[]>([]);
export const pending = signal<QueuedTap[]>([]);
export const refusals = signal<Refusal[]>([]);
export const loadFailed = signal(false);

const queue = new TapQueue();
const CACHE = 'tsunagu.nursery';
const CURSOR = 'tsunagu.staffCursor';
let nurseryId = '';
let loadedFor = '';
const stops: (() => void)[] = [];
let timer: ReturnType<typeof setInterval> | null = null;

function cacheKey(): string {
  return `${CACHE}.${nurseryId}`;
}

function setNursery(next: StaffNursery): void {
  nursery.value = next;
  try {
    localStorage.setItem(cacheKey(), JSON.stringify({ date: today(), nursery: next, reports: reports.value }));
  } catch {
    /* ignore */
  }
}

function readCache(): void {
  try {
    const raw = localStorage.getItem(cacheKey());
    if (!raw) return;
    const cached = JSON.parse(raw) as { date: string; nursery: StaffNursery; reports: AbsenceFieldsFragment[] };
    if (cached.date !== today()) return;
    nursery.value = cached.nursery;
    reports.value = cached.reports;
  } catch {
    /* ignore */
  }
}

export async function loadNursery(): Promise<void> {
  const date = today();
  try {
    const [roster, todays] = await Promise.all([
      gql(StaffNurseryDocument, { nurseryId, date }),
      gql(StaffReportsDocument, { nurseryId, date }),
    ]);
    loadedFor = date;
    reports.value = todays.absenceReports;
    if (roster.nursery) setNursery(roster.nursery);
    loadFailed.value = false;
  } catch (err) {
    if (!nursery.value) loadFailed.value = !(err instanceof ApiError && err.transient);
  }
}

function updateChild(childId: string, patch: (c: RosterChild) => RosterChild): void {
  const n = nursery.value;
  if (!n) return;
  setNursery({
    ...n,
    classrooms: n.classrooms.map((room) =>
      room.children.some((c) => c.id === childId) ? { ...room, children: room.children.map((c) => (c.id === childId ? patch(c) : c)) } : room,
    ),
  });
}

function applyEvent(event: AttendanceFieldsFragment): void {
  if (event.cursor) localStorage.setItem(CURSOR, event.cursor);
  if (localDate(event.occurredAt) !== today()) return;
  updateChild(event.child.id, (c) => ({ ...c, attendance: mergeEvent(c.attendance, event) }));
}

function applyReport(report: AbsenceFieldsFragment): void {
  if (report.date !== today()) return;
  reports.value = mergeReport(reports.value, report);
  updateChild(report.child.id, (c) => ({ ...c, absences: mergeReport(c.absences, report) }));
}

async function refreshPending(): Promise<void> {
  pending.value = await queue.list();
}

/** What a care record's send returned, for the screen that shows it (health, meals, naps). */
type SentListener = (tap: QueuedTap, result: unknown) => void;
const sentListeners = new Set<SentListener>();
export function onSent(listener: SentListener): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

/** A care record (health check, meal, nap check, growth): queued with its idempotency key like a tap. */
export async function record(child: { id: string; name: string }, op: Exclude<QueuedTap['op'], 'CHECK_IN' | 'CHECK_OUT'>, input: Record<string, unknown>): Promise<QueuedTap> {
  const item: QueuedTap = { key: newKey(), op, childId: child.id, childName: child.name, occurredAt: new Date().toISOString(), queuedAt: Date.now(), input };
  pending.value = [...pending.value, item];
  await queue.enqueue(item);
  void flush();
  return item;
}

async function sendCare(item: QueuedTap, late: boolean): Promise<unknown> {
  const input = item.input ?? {};
  const key = item.key;
  // Late replays keep the time the teacher recorded; fresh ones take the server's clock.
  switch (item.op) {
    case 'HEALTH':
      return (await gql(StaffHealthCheckDocument, { input: { ...(input as { childId: string }), recordedAt: late ? item.occurredAt : null, idempotencyKey: key } }))
        .recordHealthCheck;
    case 'MEAL':
      return (await gql(StaffMealDocument, { input: { ...(input as { childId: string; date: string; meal: string; amount: 'ALL' }), idempotencyKey: key } })).recordMeal;
    case 'GROWTH':
      return (await gql(GrowthRecordDocument, { input: { ...(input as { childId: string; measuredOn: string }), idempotencyKey: key } })).recordGrowth;
    case 'NAP_CHECK':
      return (
        await gql(NapCheckRecordDocument, {
          input: { ...(input as { childId: string; position: 'BACK'; breathingOk: boolean }), checkedAt: late ? item.occurredAt : null, idempotencyKey: key },
        })
      ).recordNapCheck;
    default:
      return (await gql(NapEndDocument, { childId: item.childId, endedAt: late ? item.occurredAt : null })).endNap;
  }
}

/** One tap: shown at once, kept in IndexedDB, sent when the network allows. */
export async function tap(child: { id: string; name: string }, op: QueuedTap['op'], pickupBy?: string, pickupPersonId?: string): Promise<void> {
  const item: QueuedTap = {
    key: newKey(),
    op,
    childId: child.id,
    childName: child.name,
    occurredAt: new Date().toISOString(),
    pickupBy: pickupBy?.trim() || undefined,
    pickupPersonId,
    queuedAt: Date.now(),
  };
  pending.value = [...pending.value, item];
  await queue.enqueue(item);
  await flush();
}

async function send(item: QueuedTap): Promise<SendOutcome> {
  // A tap sent within two minutes takes the server's clock (a tablet's clock may run ahead);
  // an older one keeps the time the teacher tapped.
  const late = Date.now() - item.queuedAt > 120_000;
  const occurredAt = late ? item.occurredAt : null;
  try {
    if (item.op !== 'CHECK_IN' && item.op !== 'CHECK_OUT') {
      const result = await sendCare(item, late);
      for (const listener of sentListeners) listener(item, result);
      return { kind: 'done' };
    }
    const event =
      item.op === 'CHECK_IN'
        ? (await gql(CheckInDocument, { input: { childId: item.childId, occurredAt, idempotencyKey: item.key } })).checkIn
        : (await gql(CheckOutDocument, { input: { childId: item.childId, occurredAt, pickupBy: item.pickupBy ?? null, pickupPersonId: item.pickupPersonId ?? null, idempotencyKey: item.key } }))
            .checkOut;
    applyEvent(event);
    return { kind: 'done' };
  } catch (err) {
    if (err instanceof ApiError && !err.transient) return { kind: 'refused', code: err.code, message: err.message };
    return { kind: 'retry' };
  }
}

let refusedAny = false;

/** Sends what is queued, in order; refusals are kept for the teacher to see. */
export async function flush(): Promise<void> {
  refusedAny = false;
  await queue.replay(
    send,
    (refusal) => {
      refusedAny = true;
      refusals.value = [...refusals.value, refusal];
    },
    () => {},
  );
  await refreshPending();
  // A refusal means another tablet knew better: take the server's state.
  if (refusedAny) await loadNursery();
}

/** How an undo ended, for the dialog to say. */
export type UndoOutcome = { kind: 'done' } | { kind: 'conflict' } | { kind: 'offline' } | { kind: 'failed'; message: string };

/**
 * Undoes a child's check-in or check-out of today (a mistaken tap), with the teacher's reason.
 * Sent at once, not queued: it names a record the server has, and the teacher must see it
 * took. The key makes a retry after a lost answer harmless.
 */
export async function undo(event: AttendanceFieldsFragment, reason: string, key: string): Promise<UndoOutcome> {
  try {
    const data = await gql(CorrectAttendanceDocument, { attendanceId: event.id, reason, idempotencyKey: key });
    applyEvent(data.correctAttendance);
    return { kind: 'done' };
  } catch (err) {
    if (err instanceof ApiError && err.transient) return { kind: 'offline' };
    // Already undone, or a later record stands on it: another tablet knew better.
    if (err instanceof ApiError && (err.code === 'CONFLICT' || err.code === 'NOT_FOUND')) {
      await loadNursery();
      return { kind: 'conflict' };
    }
    return { kind: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
}

export function dismissRefusal(key: string): void {
  refusals.value = refusals.value.filter((r) => r.tap.key !== key);
}

export async function acknowledge(id: string): Promise<void> {
  const data = await gql(AcknowledgeAbsenceDocument, { id });
  applyReport(data.acknowledgeAbsence);
}

export function dismissAlert(id: string): void {
  alerts.value = alerts.value.filter((a) => a.id !== id);
}

export function startStaff(id: string): void {
  if (nurseryId === id) return;
  nurseryId = id;
  readCache();
  void refreshPending();
  // The feed's position before the roster is read: the subscription replays from there.
  void gql(LiveCursorDocument)
    .then((d) => localStorage.setItem(CURSOR, d.liveCursor))
    .catch(() => {})
    .then(() => loadNursery())
    .then(() => {
      if (nurseryId !== id) return;
      stops.push(live(AttendanceFeedDocument, () => ({ after: localStorage.getItem(CURSOR) }), (data) => applyEvent(data.attendanceEvents)));
      return flush();
    });
  stops.push(
    // Reports as they are made, changed, withdrawn and acknowledged (by another teacher too).
    live(AbsenceFeedDocument, () => ({}), (data) => applyReport(data.absenceUpdates)),
    live(CareAlertFeedDocument, () => ({}), (data) => {
      if (!alerts.value.some((a) => a.id === data.careAlerts.id)) alerts.value = [...alerts.value, data.careAlerts];
    }),
    followDepartures(id),
  );
  const retry = () => void flush();
  window.addEventListener('online', retry);
  stops.push(() => window.removeEventListener('online', retry));
  timer = setInterval(() => {
    if (pending.value.length) void flush();
    if (loadedFor && loadedFor !== today()) void loadNursery();
  }, 10_000);
}

export function stopStaff(): void {
  for (const stop of stops.splice(0)) stop();
  if (timer) clearInterval(timer);
  nurseryId = '';
  nursery.value = null;
}
