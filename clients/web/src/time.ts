// Dates and times in the nursery's calendar (+09:00), whatever the device's zone: the server
// speaks RFC 3339 instants and YYYY-MM-DD local dates; people read `11月30日(月) 8:02`.
import type { Locale } from './strings';

export const JST_OFFSET_MS = 9 * 3600 * 1000;
const JA_WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A Date whose UTC fields are the nursery's wall clock. */
function jst(instant: string | number | Date): Date {
  return new Date(new Date(instant).getTime() + JST_OFFSET_MS);
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `8:02` */
export function formatTime(instant: string | number | Date): string {
  const d = jst(instant);
  return `${d.getUTCHours()}:${pad(d.getUTCMinutes())}`;
}

/** A local date `YYYY-MM-DD` as `11月30日(月)` / `Mon 30 Nov`. */
export function formatDate(date: string, locale: Locale): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  const weekday = d.getUTCDay();
  return locale === 'ja'
    ? `${d.getUTCMonth() + 1}月${day}日(${JA_WEEKDAYS[weekday]})`
    : `${EN_WEEKDAYS[weekday]} ${day} ${EN_MONTHS[d.getUTCMonth()]}`;
}

/** `11月30日(月) 8:02` / `Mon 30 Nov, 8:02` */
export function formatDateTime(instant: string | number | Date, locale: Locale): string {
  const date = localDate(instant);
  return locale === 'ja'
    ? `${formatDate(date, locale)} ${formatTime(instant)}`
    : `${formatDate(date, locale)}, ${formatTime(instant)}`;
}

/** `2025年11月` / `November 2025` for a month `YYYY-MM`. */
export function formatMonth(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number);
  const long = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return locale === 'ja' ? `${y}年${m}月` : `${long[m - 1]} ${y}`;
}

/** The nursery's date of an instant: `YYYY-MM-DD`. */
export function localDate(instant: string | number | Date = Date.now()): string {
  return jst(instant).toISOString().slice(0, 10);
}

/** Today in the nursery's calendar. */
export function today(now: number = Date.now()): string {
  return localDate(now);
}

/** `HH:MM` in the nursery's clock. */
export function localClock(instant: string | number | Date): string {
  const d = jst(instant);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The instant of a wall-clock time on a local date: `2025-11-30T09:30:00+09:00`. */
export function instantAt(date: string, clock: string): string {
  return `${date}T${clock}:00+09:00`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `YYYY-MM` of a local date, and the month before or after. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

/** Every date of a month, and the weekday (0 = Sunday) its first day falls on. */
export function monthDays(month: string): { dates: string[]; firstWeekday: number } {
  const [y, m] = month.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1, 1));
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const dates = Array.from({ length: count }, (_, i) => `${month}-${pad(i + 1)}`);
  return { dates, firstWeekday: first.getUTCDay() };
}

/** Whole years and months between a birth date and a date: `2歳3か月` / `2 y 3 m`. */
export function ageOn(birthDate: string, date: string): { years: number; months: number } {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  let months = (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
  if (months < 0) months = 0;
  return { years: Math.floor(months / 12), months: months % 12 };
}
