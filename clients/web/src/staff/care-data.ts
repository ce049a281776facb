// The classroom's care records today (health checks, meals, naps and nap checks), for the
// care screens: loaded, merged with what this tablet sends, refreshed when another tablet
// records something (the `careRecords` feed) or a care alert arrives. Every 15 s only while
// the socket is down, and once when it is back (events missed meanwhile are not replayed).
import { signal } from '@preact/signals';

import { gql } from '../api/http';
import { live, liveConnected } from '../api/live';
import { CareClassDocument, CareRecordFeedDocument, type CareClassQuery } from '../gql/graphql';
import { today } from '../time';
import { classroomChoice } from './picker';
import { alerts, nursery, onSent, pending } from './store';
import { deriveDay } from '../day';
import { isAttendanceTap } from '../queue';

export type CareNursery = NonNullable<CareClassQuery['nursery']>;
export type CareChild = CareNursery['classrooms'][number]['children'][number];

export const care = signal<CareNursery | null>(null);
/** Ticks every second: the nap countdowns read it. */
export const now = signal(Date.now());

let nurseryId = '';
let users = 0;
let poll: ReturnType<typeof setInterval> | null = null;
let tick: ReturnType<typeof setInterval> | null = null;
let stopSent: (() => void) | null = null;
let stopAlerts: (() => void) | null = null;
let stopRecords: (() => void) | null = null;
let stopConnected: (() => void) | null = null;
let soon: ReturnType<typeof setTimeout> | null = null;

/** One reload for a burst of records ("everyone ate all" on another tablet is one per child). */
function reloadSoon(): void {
  if (soon) return;
  soon = setTimeout(() => {
    soon = null;
    void loadCare();
  }, 300);
}

const CACHE = 'tsunagu.care';

export async function loadCare(): Promise<void> {
  if (!nurseryId) return;
  try {
    const data = await gql(CareClassDocument, { nurseryId, date: today() });
    if (data.nursery) {
      care.value = data.nursery;
      try {
        localStorage.setItem(`${CACHE}.${nurseryId}`, JSON.stringify({ date: today(), care: data.nursery }));
      } catch {
        /* ignore */
      }
    }
  } catch {
    /* offline: keep what we have */
  }
}

function patchChild(childId: string, patch: (c: CareChild) => CareChild): void {
  const n = care.value;
  if (!n) return;
  care.value = {
    ...n,
    classrooms: n.classrooms.map((r) => (r.children.some((c) => c.id === childId) ? { ...r, children: r.children.map((c) => (c.id === childId ? patch(c) : c)) } : r)),
  };
}

/** Mounts the care data for a screen; the returned function unmounts it. */
export function useCareData(id: string): () => void {
  users += 1;
  if (nurseryId !== id) {
    nurseryId = id;
    try {
      const raw = localStorage.getItem(`${CACHE}.${id}`);
      const cached = raw ? (JSON.parse(raw) as { date: string; care: CareNursery }) : null;
      if (cached?.date === today()) care.value = cached.care;
    } catch {
      /* ignore */
    }
  }
  void loadCare();
  if (users === 1) {
    poll = setInterval(() => {
      if (!liveConnected.value) void loadCare();
    }, 15_000);
    stopRecords = live(CareRecordFeedDocument, () => ({}), () => reloadSoon());
    let wasConnected = liveConnected.value;
    stopConnected = liveConnected.subscribe((up) => {
      if (up && !wasConnected) reloadSoon();
      wasConnected = up;
    });
    tick = setInterval(() => (now.value = Date.now()), 1000);
    stopSent = onSent((tap, result) => {
      const r = result as Record<string, unknown> & { id: string };
      patchChild(tap.childId, (c) => {
        switch (tap.op) {
          case 'HEALTH':
            return { ...c, healthChecks: [...c.healthChecks.filter((h) => h.id !== r.id), r as unknown as CareChild['healthChecks'][number]] };
          case 'MEAL':
            return { ...c, meals: [...c.meals.filter((m) => m.id !== r.id && m.meal !== r.meal), r as unknown as CareChild['meals'][number]] };
          case 'GROWTH':
            return c;
          case 'NAP_CHECK':
            return { ...c, napChecks: [...c.napChecks.filter((x) => x.id !== r.id), r as unknown as CareChild['napChecks'][number]] };
          default:
            return { ...c, naps: [...c.naps.filter((x) => x.id !== r.id), r as unknown as CareChild['naps'][number]] };
        }
      });
      // A first nap check opened a nap on the server: learn its interval.
      if (tap.op === 'NAP_CHECK') void loadCare();
    });
    let seen = alerts.value.length;
    stopAlerts = alerts.subscribe((list) => {
      if (list.length > seen) void loadCare();
      seen = list.length;
    });
  }
  return () => {
    users -= 1;
    if (users > 0) return;
    for (const timer of [poll, tick]) if (timer) clearInterval(timer);
    stopSent?.();
    stopAlerts?.();
    stopRecords?.();
    stopConnected?.();
  };
}

/** The classroom this tablet shows (the first one for a head who chose "all"). */
export function careRoom(): CareNursery['classrooms'][number] | null {
  const rooms = care.value?.classrooms ?? [];
  const choice = classroomChoice.value;
  return rooms.find((r) => r.id === choice) ?? rooms[0] ?? null;
}

/** Children of the room here now (checked in, not gone home), from the live roster. */
export function presentIds(): Set<string> {
  const ids = new Set<string>();
  const queued = pending.value.filter(isAttendanceTap);
  for (const room of nursery.value?.classrooms ?? []) {
    for (const c of room.children) {
      const state = deriveDay(c.attendance, c.absences, queued.filter((p) => p.childId === c.id));
      if (state.status === 'PRESENT') ids.add(c.id);
    }
  }
  return ids;
}
