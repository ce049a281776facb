import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';

import { deriveDay, kaupIndex, mergeEvent, monthMarks, type AttendanceLike } from '../src/day';
import { TapQueue, type QueuedTap } from '../src/queue';
import { translate } from '../src/strings';
import { addMonths, ageOn, formatDate, formatDateTime, formatTime, instantAt, localDate, monthDays } from '../src/time';

describe('dates in the nursery calendar (+09:00), whatever the device zone', () => {
  it('formats as people write them', () => {
    expect(formatDateTime('2020-11-29T23:02:00Z', 'ja')).toBe('11月30日(月) 8:02');
    expect(formatDateTime('2020-11-29T23:02:00Z', 'en')).toBe('Mon 30 Nov, 8:02');
    expect(formatTime('2020-11-30T08:30:00Z')).toBe('17:30');
    expect(formatDate('2026-01-01', 'ja')).toBe('1月1日(木)');
  });
  it('takes the local date across midnight UTC', () => {
    expect(localDate('2020-11-30T15:00:00Z')).toBe('2020-12-01');
    expect(localDate('2020-11-30T14:59:59Z')).toBe('2020-11-30');
    expect(instantAt('2020-12-01', '09:30')).toBe('2020-12-01T09:30:00+09:00');
  });
  it('walks months and ages', () => {
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(monthDays('2024-02')).toEqual(expect.objectContaining({ firstWeekday: 4 }));
    expect(monthDays('2024-02').dates).toHaveLength(29);
    expect(ageOn('2022-05-10', '2024-08-09')).toEqual({ years: 2, months: 2 });
  });
});

describe('a child’s day', () => {
  const checkIn = { id: 'a', kind: 'CHECK_IN' as const, occurredAt: '2025-11-30T23:02:00Z', recordedBy: { displayName: '大塚' } };
  const checkOut = { id: 'b', kind: 'CHECK_OUT' as const, occurredAt: '2025-12-01T08:30:00Z', pickupBy: '祖母' };
  const absence = { id: 'r', kind: 'ABSENCE' as const, date: '2025-12-01', symptoms: ['FEVER'], reason: 'ILLNESS' };
  const late = { id: 'l', kind: 'LATE' as const, date: '2025-12-01', symptoms: [], reason: 'FAMILY', expectedArrival: '2025-12-01T00:30:00Z' };

  it('is not yet, present, left', () => {
    expect(deriveDay([], []).status).toBe('NOT_YET');
    expect(deriveDay([checkIn], [])).toMatchObject({ status: 'PRESENT', by: '大塚', pending: false });
    expect(deriveDay([checkOut, checkIn], [])).toMatchObject({ status: 'LEFT', pickupBy: '祖母' });
  });
  it('shows reported absence and lateness until the child arrives', () => {
    expect(deriveDay([], [absence])).toMatchObject({ status: 'ABSENT', report: absence });
    expect(deriveDay([], [late])).toMatchObject({ status: 'LATE', at: late.expectedArrival });
    expect(deriveDay([checkIn], [late]).status).toBe('PRESENT');
  });
  it('shows a queued tap as pending', () => {
    expect(deriveDay([], [], [{ op: 'CHECK_IN', occurredAt: checkIn.occurredAt }])).toMatchObject({ status: 'PRESENT', pending: true });
  });
  it('merges a replayed event once', () => {
    expect(mergeEvent<AttendanceLike>(mergeEvent<AttendanceLike>([checkIn], checkIn), checkOut).map((e) => e.id)).toEqual(['a', 'b']);
  });
  it('takes a corrected record out of the day: a correction undoes what it names', () => {
    const undo: AttendanceLike = { ...checkOut, id: 'c', corrects: 'b' };
    const day = mergeEvent<AttendanceLike>([checkIn, checkOut], undo);
    expect(day.map((e) => e.id)).toEqual(['a']);
    expect(deriveDay(day, []).status).toBe('PRESENT');
  });
  it('marks a month', () => {
    const marks = monthMarks(['2025-12-01', '2025-12-02', '2025-12-03'], [checkIn], [{ kind: 'ABSENCE', date: '2025-12-02' }], localDate);
    expect(marks).toEqual({ '2025-12-01': 'PRESENT', '2025-12-02': 'ABSENT' });
  });
  it('computes the Kaup index like the server', () => {
    expect(kaupIndex(90, 13)).toBe(16);
  });
});

describe('strings', () => {
  it('fills parameters in both languages', () => {
    expect(translate('ja', 'pushArrivalBody', { name: 'はな', time: '8:02' })).toBe('はなさんが登園しました（8:02）');
    expect(translate('en', 'pushArrivalBody', { name: 'Hana', time: '8:02' })).toBe('Hana arrived at nursery (8:02)');
  });
});

describe('the offline queue', () => {
  const tap = (key: string): QueuedTap => ({ key, op: 'CHECK_IN', childId: key, childName: key, occurredAt: '2025-12-01T00:00:00Z', queuedAt: 0 });

  it('keeps taps across instances (a reload) and never twice', async () => {
    const store = createStore('q1', 'queue');
    await new TapQueue(store).enqueue(tap('a'));
    await new TapQueue(store).enqueue(tap('a'));
    await new TapQueue(store).enqueue(tap('b'));
    expect((await new TapQueue(store).list()).map((t) => t.key)).toEqual(['a', 'b']);
  });

  it('replays in order, stops when offline, reports refusals', async () => {
    const queue = new TapQueue(createStore('q2', 'queue'));
    for (const k of ['a', 'b', 'c']) await queue.enqueue(tap(k));
    const sent: string[] = [];
    const refused: string[] = [];
    let online = false;
    const send = async (t: QueuedTap) => {
      if (!online) return { kind: 'retry' as const };
      sent.push(t.key);
      return t.key === 'b' ? { kind: 'refused' as const, code: 'CONFLICT', message: 'already' } : { kind: 'done' as const };
    };
    await queue.replay(send, (r) => refused.push(r.tap.key));
    expect((await queue.list()).length).toBe(3);
    online = true;
    await queue.replay(send, (r) => refused.push(r.tap.key));
    expect(sent).toEqual(['a', 'b', 'c']);
    expect(refused).toEqual(['b']);
    expect(await queue.list()).toEqual([]);
  });
});

import { formatCountdown, growthJump, isFever, mergeSections, napClock, padInput, parseTemperature } from '../src/care';

describe('nap countdown (午睡チェック)', () => {
  const start = '2025-06-01T04:00:00Z';
  const nap = { id: 'n1', startedAt: start, endedAt: null, checkIntervalSeconds: 300 };
  const t0 = Date.parse(start);
  it('counts down from the last check and turns overdue', () => {
    const checks = [{ checkedAt: '2025-06-01T04:00:00Z', napId: 'n1' }, { checkedAt: '2025-06-01T04:05:00Z', napId: 'n1' }];
    const at = napClock([nap], checks, [], t0 + 6 * 60_000);
    expect(at).toMatchObject({ sleeping: true, overdue: false, remainingMs: 4 * 60_000 });
    const late = napClock([nap], checks, [], t0 + 11 * 60_000);
    expect(late.overdue).toBe(true);
    expect(formatCountdown(late.remainingMs!)).toBe('-1:00');
  });
  it('counts a check still in the offline queue', () => {
    const at = napClock([nap], [], ['2025-06-01T04:04:00Z'], t0 + 6 * 60_000);
    expect(at.remainingMs).toBe(3 * 60_000);
  });
  it('an awake child has no countdown; a nap without required checks none either', () => {
    expect(napClock([{ ...nap, endedAt: '2025-06-01T05:00:00Z' }], [], [], t0).sleeping).toBe(false);
    expect(napClock([{ ...nap, checkIntervalSeconds: null }], [], [], t0).remainingMs).toBeNull();
  });
  it('formats what is left', () => {
    expect(formatCountdown(65_000)).toBe('1:05');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-12_000)).toBe('-0:12');
  });
});

describe('fever flag and the temperature pad', () => {
  it('flags at or above the threshold', () => {
    expect(isFever(37.5, 37.5)).toBe(true);
    expect(isFever(37.4, 37.5)).toBe(false);
    expect(isFever(null, 37.5)).toBe(false);
    expect(isFever(38.0, 38.0)).toBe(true);
  });
  it('types a temperature with digits only', () => {
    let text = '';
    for (const key of ['3', '8', '6']) text = padInput(text, key);
    expect(text).toBe('38.6');
    expect(padInput(text, '7')).toBe('38.6');
    expect(padInput(text, 'back')).toBe('38.');
    expect(parseTemperature('38.6')).toBe(38.6);
    expect(parseTemperature('3')).toBeNull();
    expect(parseTemperature('43')).toBeNull();
  });
});

describe('growth: a value far from the last gets a second look', () => {
  const prev = { measuredOn: '2025-05-10', heightCm: 92, weightKg: 13 };
  it('flags shrinking, a big jump and a weight swing', () => {
    expect(growthJump(prev, { measuredOn: '2025-06-10', heightCm: 92.6, weightKg: 13.2 })).toBe(false);
    expect(growthJump(prev, { measuredOn: '2025-06-10', heightCm: 90.5, weightKg: 13.2 })).toBe(true);
    expect(growthJump(prev, { measuredOn: '2025-06-10', heightCm: 98, weightKg: 13.2 })).toBe(true);
    expect(growthJump(prev, { measuredOn: '2025-06-10', heightCm: 92.5, weightKg: 19 })).toBe(true);
    expect(growthJump(undefined, { measuredOn: '2025-06-10', heightCm: 50 })).toBe(false);
  });
});

describe('journal conflict merge', () => {
  it('keeps both sides’ edits, both texts where both changed', () => {
    const base = { activities: 'a', meals: 'm', naps: '' };
    const mine = { activities: 'a (mine)', meals: 'm', naps: '' };
    const theirs = { activities: 'a', meals: 'm (theirs)', naps: 'n' };
    expect(mergeSections(base, mine, theirs)).toEqual({ activities: 'a (mine)', meals: 'm (theirs)', naps: 'n' });
    expect(mergeSections(base, { ...base, naps: 'x' }, { ...base, naps: 'y' }).naps).toBe('x\ny');
  });
});

import { dashboardCsv, percent, symptomSeries } from '../src/officer/figures';

describe('officer figures', () => {
  it('sums a symptom per day over nurseries, in date order', () => {
    const days = [
      { date: '2025-06-02', absencesBySymptom: [{ symptom: 'FEVER', count: 2 }] },
      { date: '2025-06-01', absencesBySymptom: [{ symptom: 'COUGH', count: 1 }] },
      { date: '2025-06-02', absencesBySymptom: [{ symptom: 'FEVER', count: 1 }] },
    ];
    expect(symptomSeries(days, 'FEVER')).toEqual([
      { date: '2025-06-01', count: 0 },
      { date: '2025-06-02', count: 3 },
    ]);
    expect(symptomSeries(days, 'COUGH', '2025-05-31', '2025-06-02').map((p) => p.count)).toEqual([0, 1, 0]);
    expect(percent(0.9123)).toBe('91.2%');
    expect(percent(null)).toBe('—');
  });
  it('writes withheld counts empty and marked, never as zero', () => {
    const csv = dashboardCsv(
      [
        {
          nursery: { name: 'つなぐ保育園, 本園' },
          openDays: 2,
          enrolledChildDays: 10,
          presentChildDays: 9,
          absentChildDays: 1,
          lateArrivals: 0,
          attendanceRate: 0.9,
          napChecksRequired: 4,
          napChecksOnTime: 3,
          classroomDays: 2,
          diariesApproved: 1,
          absencesBySymptom: [{ symptom: 'FEVER', count: 1 }],
          ageBands: [{ ageBand: 2, enrolled: null, present: null, absent: null, suppressed: true }],
        },
      ],
      '2025-06-01',
      '2025-06-02',
    );
    const lines = csv.trim().split('\n');
    expect(lines[1]).toBe('2025-06-01,2025-06-02,"つなぐ保育園, 本園",all,2,10,9,1,0,0.9,4,3,2,1,false,1');
    expect(lines[2]).toBe('2025-06-01,2025-06-02,"つなぐ保育園, 本園",2,,,,,,,,,,,true,');
  });
});
