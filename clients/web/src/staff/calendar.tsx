// The head's nursery calendar (issue 18): a month of open and closed days (public holidays,
// the year end and the weekly closures marked, the head's own closures and special days with
// their notes); a tap on a day closes it, opens it specially or removes the exception; the
// week's hours and the not-yet-arrived check's time, refused values shown at their field.
// Its own chunk, loaded when the tab is first opened.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

import { ApiError, gql } from '../api/http';
import {
  HeadCalendarDocument,
  SetCalendarDayDocument,
  SetNurseryHoursDocument,
  type CalendarDayFieldsFragment,
  type NurseryHoursFieldsFragment,
} from '../gql/graphql';
import { locale } from '../i18n';
import { s, type SafetyKey } from '../strings-safety';
import { addMonths, formatDate, formatMonth, monthDays, monthOf, today } from '../time';
import { Icon } from '../ui/icons';
import { Shell } from '../ui/shell';
import { dayActions, fieldOf, formOf, inputOf, isNamedDay, markOf, weeks, type DayMark, type HoursField, type HoursForm } from './calendar-data';
import { StaffNav } from './nav';
import { pending } from './store';

type Day = CalendarDayFieldsFragment;
const MARK_KEY: Record<NonNullable<DayMark>, SafetyKey> = { closed: 'markClosed', holiday: 'markHoliday', special: 'markSpecial' };
const SUNDAY_FIRST = [7, 1, 2, 3, 4, 5, 6];

/** `休園（祝日）勤労感謝の日 — メモ`: a day's status in words, with its holiday name and note. */
function describe(day: Day): string {
  const parts = [s(`status${day.status}`)];
  if (day.holiday) parts.push(s('holidayName', { name: day.holiday }));
  if (day.note) parts.push(day.note);
  return parts.join(' — ');
}

export function CalendarScreen({ banner, nurseryId }: { banner: ComponentChildren; nurseryId: string; route: string }) {
  const [month, setMonth] = useState(monthOf(today()));
  const [days, setDays] = useState<Day[] | null>(null);
  const [hours, setHours] = useState<NurseryHoursFieldsFragment | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState<Day | null>(null);
  const [notice, setNotice] = useState('');
  const { dates, firstWeekday } = monthDays(month);
  const load = () =>
    gql(HeadCalendarDocument, { nurseryId, from: dates[0], to: dates[dates.length - 1] })
      .then((d) => {
        setFailed(false);
        setDays(d.nurseryCalendar.days);
        setHours(d.nurseryCalendar.hours);
      })
      .catch(() => setFailed(true));
  useEffect(() => {
    setDays(null);
    void load();
  }, [nurseryId, month]);
  const lang = locale.value;
  const byDate = new Map((days ?? []).map((d) => [d.date, d]));
  const named = (days ?? []).filter((d) => isNamedDay(d.status));
  const now = today();
  return (
    <Shell title={s('calendarTitle')} banner={banner} pending={pending.value.length} wide>
      <StaffNav />
      <p class="muted">{s('calendarLead')}</p>
      <p class="ok status-line" role="status" data-testid="calendar-notice">
        {notice}
      </p>
      <div class="cal-layout">
        <section aria-labelledby="cal-month">
          <div class="month-nav">
            <button class="btn small" onClick={() => setMonth(addMonths(month, -1))} aria-label={s('prevMonth')}>
              ‹
            </button>
            <h2 id="cal-month" aria-live="polite">
              {formatMonth(month, lang)}
            </h2>
            <button class="btn small" onClick={() => setMonth(addMonths(month, 1))} aria-label={s('nextMonth')}>
              ›
            </button>
          </div>
          {failed && <p class="error">{s('calendarFailed')}</p>}
          <table class="calendar head-calendar" data-testid="calendar" aria-busy={days === null ? 'true' : 'false'}>
            <caption class="visually-hidden">{s('monthDays', { month: formatMonth(month, lang) })}</caption>
            <thead>
              <tr>
                {SUNDAY_FIRST.map((n) => (
                  <th scope="col" key={n}>
                    {s(`weekday${n}` as SafetyKey)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks(dates, firstWeekday).map((week, i) => (
                <tr key={i}>
                  {week.map((date, j) => {
                    const day = date ? byDate.get(date) : undefined;
                    const mark = day ? markOf(day.status) : null;
                    return (
                      <td key={j} class={day ? `cal-cell${day.open ? '' : ' closed'}` : ''}>
                        {date && (
                          <button
                            class={`cal-day${mark ? ` mark-${mark}` : ''}`}
                            disabled={!day}
                            aria-current={date === now ? 'date' : undefined}
                            onClick={() => day && setOpen(day)}
                            data-testid="cal-day"
                            data-date={date}
                            data-status={day?.status ?? ''}
                          >
                            <span class="day-number">{Number(date.slice(8))}</span>
                            {mark && (
                              <span class="cal-mark" aria-hidden="true">
                                {s(MARK_KEY[mark])}
                              </span>
                            )}
                            {day && <span class="visually-hidden">{`${formatDate(date, lang)} ${describe(day)}`}</span>}
                          </button>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted small-print">{s('legend')}</p>
          <h3>{s('exceptionsTitle')}</h3>
          {days && named.length === 0 && <p class="muted">{s('noExceptions')}</p>}
          <ul class="plain-list cal-list" data-testid="calendar-exceptions">
            {named.map((d) => (
              <li key={d.date} data-date={d.date} data-status={d.status}>
                <strong>{formatDate(d.date, lang)}</strong> {describe(d)}
              </li>
            ))}
          </ul>
        </section>
        {hours && (
          <HoursEditor
            nurseryId={nurseryId}
            hours={hours}
            onSaved={(next) => {
              setHours(next);
              // The week decides which days are open: read the month again.
              void load();
            }}
          />
        )}
      </div>
      {open && (
        <DayDialog
          nurseryId={nurseryId}
          day={open}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            setOpen(null);
            setNotice(s('daySaved', { date: formatDate(saved.date, lang), status: s(`status${saved.status}`) }));
            void load();
          }}
        />
      )}
    </Shell>
  );
}

function DayDialog({ nurseryId, day, onClose, onSaved }: { nurseryId: string; day: Day; onClose: () => void; onSaved: (d: Day) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState(day.note ?? '');
  const [error, setError] = useState<{ field: 'note' | 'other'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const actions = dayActions(day.status);
  const send = async (open: boolean | null) => {
    setBusy(true);
    setError(null);
    try {
      const text = note.trim();
      const data = await gql(SetCalendarDayDocument, { nurseryId, date: day.date, open, note: open === null || !text ? null : text });
      onSaved(data.setCalendarDay);
    } catch (err) {
      const field = err instanceof ApiError ? err.field : undefined;
      if (field === 'note') setError({ field: 'note', text: s('errNote') });
      else if (field === 'date') setError({ field: 'other', text: s('dayOutOfRange') });
      else setError({ field: 'other', text: s('hoursFailed') });
    } finally {
      setBusy(false);
    }
  };
  const lang = locale.value;
  return (
    <dialog ref={dialog} class="dialog" onClose={onClose} aria-labelledby="day-title" data-testid="day-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send(actions.open);
        }}
      >
        <h2 id="day-title">{formatDate(day.date, lang)}</h2>
        <p>
          <strong>{s(`status${day.status}`)}</strong>
        </p>
        {day.holiday && <p class="muted">{s('holidayName', { name: day.holiday })}</p>}
        <div class="field">
          <label for="day-note">{s('dayNote')}</label>
          <input
            id="day-note"
            name="note"
            value={note}
            maxLength={500}
            aria-invalid={error?.field === 'note' ? 'true' : undefined}
            aria-describedby={error ? 'day-error' : undefined}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </div>
        {error && (
          <p id="day-error" class="error" role="alert">
            {error.text}
          </p>
        )}
        <div class="dialog-actions wrap">
          <button type="button" class="btn big" onClick={onClose}>
            {s('cancel')}
          </button>
          {actions.remove && (
            <button type="button" class="btn big" disabled={busy} onClick={() => void send(null)}>
              {s('removeException')}
            </button>
          )}
          <button type="submit" class={actions.open ? 'btn big primary' : 'btn big danger'} disabled={busy}>
            {s(actions.label)}
          </button>
        </div>
      </form>
    </dialog>
  );
}

const TIME_FIELDS: [HoursField & ('opensAt' | 'closesAt' | 'arrivalCheckAt'), SafetyKey | null][] = [
  ['opensAt', null],
  ['closesAt', null],
  ['arrivalCheckAt', 'arrivalCheckHint'],
];
const ERROR_KEY: Record<HoursField, SafetyKey> = {
  openWeekdays: 'errOpenWeekdays',
  opensAt: 'errOpensAt',
  closesAt: 'errClosesAt',
  arrivalCheckAt: 'errArrivalCheckAt',
  lateGraceMinutes: 'errLateGraceMinutes',
};

function HoursEditor({ nurseryId, hours, onSaved }: { nurseryId: string; hours: NurseryHoursFieldsFragment; onSaved: (h: NurseryHoursFieldsFragment) => void }) {
  const [form, setForm] = useState<HoursForm>(() => formOf(hours));
  const [error, setError] = useState<{ field: HoursField | null; text: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<HoursForm>) => {
    setForm({ ...form, ...patch });
    setSaved(false);
  };
  const toggleDay = (n: number) => set({ openWeekdays: form.openWeekdays.includes(n) ? form.openWeekdays.filter((d) => d !== n) : [...form.openWeekdays, n] });
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const data = await gql(SetNurseryHoursDocument, { nurseryId, input: inputOf(form) });
      setSaved(true);
      onSaved(data.setNurseryHours);
    } catch (err) {
      const field = err instanceof ApiError && err.code === 'BAD_USER_INPUT' ? fieldOf(err.field) : null;
      const empty = (field === 'opensAt' || field === 'closesAt' || field === 'arrivalCheckAt') && !form[field].trim();
      setError({ field, text: field ? s(empty ? 'errTimeNeeded' : ERROR_KEY[field]) : s('hoursFailed') });
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (field: HoursField) =>
    error?.field === field ? (
      <p id={`err-${field}`} class="error" role="alert" data-testid={`error-${field}`}>
        {error.text}
      </p>
    ) : null;
  const invalid = (field: HoursField) => (error?.field === field ? { 'aria-invalid': 'true' as const, 'aria-describedby': `err-${field}` } : {});
  return (
    <section class="card hours" aria-labelledby="hours-title" data-testid="hours">
      <h2 id="hours-title">{s('hoursTitle')}</h2>
      <form onSubmit={save} noValidate>
        <fieldset class="choices">
          <legend>{s('openWeekdays')}</legend>
          <div class="chips weekdays">
            {[1, 2, 3, 4, 5, 6, 7].map((n) => (
              <button type="button" key={n} class={form.openWeekdays.includes(n) ? 'chip on' : 'chip'} aria-pressed={form.openWeekdays.includes(n)} onClick={() => toggleDay(n)}>
                {s(`weekday${n}` as SafetyKey)}
              </button>
            ))}
          </div>
          {fieldError('openWeekdays')}
        </fieldset>
        <div class="hours-times">
          {TIME_FIELDS.map(([field, hint]) => (
            <div class="field" key={field}>
              <label for={`hours-${field}`}>{s(field)}</label>
              <input
                id={`hours-${field}`}
                name={field}
                type="time"
                step={form[field].length > 5 ? 1 : 60}
                value={form[field]}
                onInput={(e) => set({ [field]: e.currentTarget.value })}
                {...invalid(field)}
              />
              {hint && <span class="hint muted">{s(hint)}</span>}
              {fieldError(field)}
            </div>
          ))}
          <div class="field">
            <label for="hours-lateGraceMinutes">{s('lateGraceMinutes')}</label>
            <input
              id="hours-lateGraceMinutes"
              name="lateGraceMinutes"
              inputMode="numeric"
              value={form.lateGraceMinutes}
              onInput={(e) => set({ lateGraceMinutes: e.currentTarget.value })}
              {...invalid('lateGraceMinutes')}
            />
            <span class="hint muted">{s('lateGraceHint')}</span>
            {fieldError('lateGraceMinutes')}
          </div>
        </div>
        {error && !error.field && (
          <p class="error" role="alert">
            {error.text}
          </p>
        )}
        <button type="submit" class="btn big primary wide" disabled={busy}>
          <Icon name="check" /> {s('saveHours')}
        </button>
        <p class="ok status-line" role="status" data-testid="hours-status">
          {saved ? s('hoursSaved') : ''}
        </p>
      </form>
    </section>
  );
}
