// The head's calendar screen, its pure part (unit-tested without a browser): the month as
// weeks, what a day's exception allows, the hours form to the API's input and back, and which
// field a refusal belongs to.
import type { CalendarDayStatus, NurseryHoursFieldsFragment, NurseryHoursInput } from '../gql/graphql';

/** The dates of a month in Sunday-first weeks, blanks (null) before the 1st and after the last. */
export function weeks(dates: readonly string[], firstWeekday: number): (string | null)[][] {
  const cells: (string | null)[] = [...Array<null>(firstWeekday).fill(null), ...dates];
  while (cells.length % 7) cells.push(null);
  const rows: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(cells.slice(i, i + 7));
  return rows;
}

/** A day's short mark on the month grid: closed, public holiday, specially open, or none. */
export type DayMark = 'closed' | 'holiday' | 'special' | null;

export function markOf(status: CalendarDayStatus): DayMark {
  if (status === 'SPECIAL_OPEN') return 'special';
  if (status === 'CLOSED_HOLIDAY') return 'holiday';
  if (status === 'OPEN') return null;
  return 'closed';
}

/** Days the month's list names: everything but ordinary open days and the weekly closures. */
export function isNamedDay(status: CalendarDayStatus): boolean {
  return status !== 'OPEN' && status !== 'CLOSED_WEEKDAY';
}

/**
 * What a tap on a day may do: an ordinary open day can be closed, a day the week, a holiday
 * or the year end closes can be opened specially, and the head's own exception keeps its
 * kind (its note edited) or is removed. `open` is what the main button sends.
 */
export function dayActions(status: CalendarDayStatus): { open: boolean; label: 'closeDay' | 'openDay' | 'saveNote'; remove: boolean } {
  switch (status) {
    case 'OPEN':
      return { open: false, label: 'closeDay', remove: false };
    case 'CLOSURE':
      return { open: false, label: 'saveNote', remove: true };
    case 'SPECIAL_OPEN':
      return { open: true, label: 'saveNote', remove: true };
    default:
      return { open: true, label: 'openDay', remove: false };
  }
}

/** The form's values: times as the inputs hold them (`HH:MM`), the grace as typed. */
export interface HoursForm {
  openWeekdays: number[];
  opensAt: string;
  closesAt: string;
  arrivalCheckAt: string;
  lateGraceMinutes: string;
}

/** `07:00:00` → `07:00` (a time input shows seconds only when there are some). */
function clock(time: string): string {
  return time.length === 8 && time.endsWith(':00') ? time.slice(0, 5) : time;
}

export function formOf(hours: NurseryHoursFieldsFragment): HoursForm {
  return {
    openWeekdays: [...hours.openWeekdays].sort((a, b) => a - b),
    opensAt: clock(hours.opensAt),
    closesAt: clock(hours.closesAt),
    arrivalCheckAt: clock(hours.arrivalCheckAt),
    lateGraceMinutes: String(hours.lateGraceMinutes),
  };
}

/**
 * The API's input from the form. The server judges the values (and names the field at
 * fault); a grace that is not a whole number is sent as -1 so its refusal lands on that field.
 */
export function inputOf(form: HoursForm): NurseryHoursInput {
  const grace = form.lateGraceMinutes.trim();
  return {
    openWeekdays: [...form.openWeekdays].sort((a, b) => a - b),
    opensAt: form.opensAt.trim(),
    closesAt: form.closesAt.trim(),
    arrivalCheckAt: form.arrivalCheckAt.trim(),
    lateGraceMinutes: /^\d{1,4}$/.test(grace) ? Number(grace) : -1,
  };
}

export type HoursField = keyof HoursForm;
const FIELDS: readonly HoursField[] = ['openWeekdays', 'opensAt', 'closesAt', 'arrivalCheckAt', 'lateGraceMinutes'];

/** The form field a BAD_USER_INPUT names (`input.closesAt`, `closesAt`…), if it is one of ours. */
export function fieldOf(apiField: string | undefined): HoursField | null {
  if (!apiField) return null;
  const last = apiField.split('.').pop() as HoursField;
  return FIELDS.includes(last) ? last : null;
}
