// What a child's day looks like from its records: the state a parent's home card and a
// teacher's roster tile show. Pure, so it is unit-tested without a browser.

export type AttendanceKind = 'CHECK_IN' | 'CHECK_OUT';

export interface AttendanceLike {
  id: string;
  kind: AttendanceKind;
  occurredAt: string;
  pickupBy?: string | null;
  /** On a correction: the id of the check-in or check-out it undoes. */
  corrects?: string | null;
  cursor?: string;
  recordedBy?: { displayName: string } | null;
}

export interface ReportLike {
  id: string;
  kind: 'ABSENCE' | 'LATE' | 'EARLY_PICKUP';
  date: string;
  symptoms: string[];
  reason: string;
  expectedArrival?: string | null;
  acknowledgedAt?: string | null;
}

/** A tap not yet confirmed by the server (queued on the tablet). */
export interface PendingLike {
  op: AttendanceKind;
  occurredAt: string;
  pickupBy?: string | null;
}

export type DayStatus = 'NOT_YET' | 'PRESENT' | 'LEFT' | 'ABSENT' | 'LATE';

export interface DayState {
  status: DayStatus;
  /** Arrival or departure time, or the expected arrival when late. */
  at?: string;
  by?: string;
  pickupBy?: string;
  /** The report that shapes the day (absence, lateness, early pick-up), newest first. */
  report?: ReportLike;
  /** The state comes from a tap the server has not confirmed yet. */
  pending: boolean;
}

function byTime(a: { occurredAt: string }, b: { occurredAt: string }): number {
  return Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
}

export function deriveDay(
  events: readonly AttendanceLike[],
  reports: readonly ReportLike[],
  pending: readonly PendingLike[] = [],
): DayState {
  const confirmed = [...events].sort(byTime);
  const last = confirmed[confirmed.length - 1];
  const tap = pending[pending.length - 1];
  const report = pickReport(reports, last?.kind === 'CHECK_IN' || tap?.op === 'CHECK_IN');
  if (tap) {
    return {
      status: tap.op === 'CHECK_IN' ? 'PRESENT' : 'LEFT',
      at: tap.occurredAt,
      pickupBy: tap.pickupBy ?? undefined,
      report,
      pending: true,
    };
  }
  if (last) {
    return {
      status: last.kind === 'CHECK_IN' ? 'PRESENT' : 'LEFT',
      at: last.occurredAt,
      by: last.recordedBy?.displayName,
      pickupBy: last.pickupBy ?? undefined,
      report,
      pending: false,
    };
  }
  if (report?.kind === 'ABSENCE') return { status: 'ABSENT', report, pending: false };
  if (report?.kind === 'LATE') {
    return { status: 'LATE', at: report.expectedArrival ?? undefined, report, pending: false };
  }
  return { status: 'NOT_YET', report, pending: false };
}

/** Once the child is here an absence no longer shapes the day, but an early pick-up does. */
function pickReport(reports: readonly ReportLike[], arrived: boolean): ReportLike | undefined {
  const relevant = reports.filter((r) => !arrived || r.kind === 'EARLY_PICKUP');
  return relevant[relevant.length - 1];
}

/** Adds an event once (a replay may deliver what a query already returned). */
export function mergeEvent<T extends AttendanceLike>(events: readonly T[], event: T): T[] {
  // A correction undoes the record it names: the day goes on as if it had not been made.
  if (event.corrects) return events.filter((e) => e.id !== event.corrects);
  if (events.some((e) => e.id === event.id)) return events as T[];
  return [...events, event].sort(byTime);
}

/** The record an undo takes back: the latest check-in or check-out that still stands. */
export function latestRecord<T extends AttendanceLike>(events: readonly T[]): T | undefined {
  const standing = events.filter((e) => !e.corrects).sort(byTime);
  return standing[standing.length - 1];
}

/** Replaces or adds a report by id. */
export function mergeReport<T extends { id: string; withdrawnAt?: string | null }>(reports: readonly T[], report: T): T[] {
  // A withdrawn report leaves the list.
  if (report.withdrawnAt) return reports.filter((r) => r.id !== report.id);
  const i = reports.findIndex((r) => r.id === report.id);
  if (i < 0) return [...reports, report];
  const copy = [...reports];
  copy[i] = report;
  return copy;
}

export type MonthMark = 'PRESENT' | 'ABSENT' | 'LATE';

/** Per local date of a month: present (arrived), absent (reported, never came), late. */
export function monthMarks(
  dates: readonly string[],
  attendance: readonly { kind: AttendanceKind; occurredAt: string }[],
  absences: readonly { kind: string; date: string }[],
  localDateOf: (instant: string) => string,
): Record<string, MonthMark | undefined> {
  const arrived = new Set(attendance.filter((e) => e.kind === 'CHECK_IN').map((e) => localDateOf(e.occurredAt)));
  const marks: Record<string, MonthMark | undefined> = {};
  for (const date of dates) {
    const reports = absences.filter((a) => a.date === date);
    if (arrived.has(date)) marks[date] = reports.some((r) => r.kind === 'LATE') ? 'LATE' : 'PRESENT';
    else if (reports.some((r) => r.kind === 'ABSENCE')) marks[date] = 'ABSENT';
  }
  return marks;
}

/** Kaup index (weight g / height cm² × 10), one decimal; the server computes the same. */
export function kaupIndex(heightCm: number, weightKg: number): number {
  return Math.round(((weightKg * 1000) / (heightCm * heightCm)) * 10 * 10) / 10;
}
