import { describe, expect, it } from 'vitest';

import { latestRecord, mergeEvent, type AttendanceLike } from '../src/day';
import { dayActions, fieldOf, formOf, inputOf, isNamedDay, markOf, weeks } from '../src/staff/calendar-data';
import { laterState, mergeLoaded, type DepartureCheck } from '../src/staff/departures-store';
import { monthDays } from '../src/time';

const ev = (id: string, kind: AttendanceLike['kind'], at: string, corrects: string | null = null): AttendanceLike => ({ id, kind, occurredAt: at, corrects });

describe('undoing a check-in or check-out', () => {
  it('takes back the latest record that still stands', () => {
    const inn = ev('in', 'CHECK_IN', '2026-12-03T08:00:00+09:00');
    const out = ev('out', 'CHECK_OUT', '2026-12-03T17:00:00+09:00');
    expect(latestRecord([out, inn])?.id).toBe('out');
    expect(latestRecord([inn])?.id).toBe('in');
    expect(latestRecord([])).toBeUndefined();
    // Once the check-out is undone, the check-in is next.
    const day = mergeEvent([inn, out], ev('c1', 'CHECK_OUT', '2026-12-03T17:05:00+09:00', 'out'));
    expect(latestRecord(day)?.id).toBe('in');
  });
});

describe("the head's calendar", () => {
  it('lays a month out in Sunday-first weeks', () => {
    const { dates, firstWeekday } = monthDays('2026-11');
    const rows = weeks(dates, firstWeekday);
    expect(firstWeekday).toBe(0);
    expect(rows[0][0]).toBe('2026-11-01');
    expect(rows.every((r) => r.length === 7)).toBe(true);
    expect(rows.flat().filter(Boolean)).toHaveLength(30);
    const dec = weeks(monthDays('2026-12').dates, monthDays('2026-12').firstWeekday);
    expect(dec[0].slice(0, 2)).toEqual([null, null]);
    expect(dec[0][2]).toBe('2026-12-01');
  });

  it('marks and names the days that are not ordinary', () => {
    expect(markOf('OPEN')).toBeNull();
    expect(markOf('CLOSED_WEEKDAY')).toBe('closed');
    expect(markOf('CLOSURE')).toBe('closed');
    expect(markOf('CLOSED_YEAR_END')).toBe('closed');
    expect(markOf('CLOSED_HOLIDAY')).toBe('holiday');
    expect(markOf('SPECIAL_OPEN')).toBe('special');
    expect(isNamedDay('CLOSED_WEEKDAY')).toBe(false);
    expect(isNamedDay('CLOSURE')).toBe(true);
  });

  it('offers what each kind of day allows', () => {
    expect(dayActions('OPEN')).toEqual({ open: false, label: 'closeDay', remove: false });
    expect(dayActions('CLOSED_HOLIDAY')).toEqual({ open: true, label: 'openDay', remove: false });
    expect(dayActions('CLOSURE')).toEqual({ open: false, label: 'saveNote', remove: true });
    expect(dayActions('SPECIAL_OPEN')).toEqual({ open: true, label: 'saveNote', remove: true });
  });

  it('turns the hours form into the API input and back', () => {
    const form = formOf({ openWeekdays: [6, 1, 2, 3, 4, 5], opensAt: '07:00:00', closesAt: '19:00:00', arrivalCheckAt: '09:30:15', lateGraceMinutes: 30 });
    expect(form).toEqual({ openWeekdays: [1, 2, 3, 4, 5, 6], opensAt: '07:00', closesAt: '19:00', arrivalCheckAt: '09:30:15', lateGraceMinutes: '30' });
    expect(inputOf({ ...form, lateGraceMinutes: ' 45 ' }).lateGraceMinutes).toBe(45);
    // Not a number: sent so that the server refuses it on that field.
    expect(inputOf({ ...form, lateGraceMinutes: 'abc' }).lateGraceMinutes).toBe(-1);
    expect(inputOf({ ...form, lateGraceMinutes: '' }).lateGraceMinutes).toBe(-1);
  });

  it("finds the form's field a refusal names", () => {
    expect(fieldOf('arrivalCheckAt')).toBe('arrivalCheckAt');
    expect(fieldOf('input.closesAt')).toBe('closesAt');
    expect(fieldOf('nurseryId')).toBeNull();
    expect(fieldOf(undefined)).toBeNull();
  });
});

describe('left-behind list (降園確認)', () => {
  const check = (id: string, open: boolean, alerts: number) =>
    ({ id, open, alerts, resolution: open ? null : 'CHECKED_OUT', raisedAt: '', alertedAt: '', resolvedAt: null, note: null, child: { id: `c-${id}`, name: id, classroom: { id: 'r', name: 'r' } } }) as DepartureCheck;

  it('keeps the later state of each check and what the load did not yet hold', () => {
    const held = [check('a', true, 1), check('b', true, 3), check('c', true, 1)];
    const loaded = [check('a', false, 1), check('b', true, 2)];
    const merged = mergeLoaded(held, loaded);
    expect(merged.map((c) => [c.id, c.open, c.alerts])).toEqual([
      ['a', false, 1],
      ['b', true, 3],
      ['c', true, 1],
    ]);
    expect(laterState(check('x', false, 1), check('x', true, 5)).open).toBe(false);
  });
});
