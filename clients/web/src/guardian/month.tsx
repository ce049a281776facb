import { useEffect, useState } from 'preact/hooks';

import { ApiError, gql } from '../api/http';
import { monthMarks, type MonthMark } from '../day';
import { ChildMonthDocument, type ChildMonthQuery } from '../gql/graphql';
import { locale, t } from '../i18n';
import { addMonths, formatMonth, localDate, monthDays, monthOf, today } from '../time';
import { Icon, type IconName } from '../ui/icons';
import { Shell } from '../ui/shell';
import type { HomeChild } from './store';

const MARK: Record<MonthMark, { icon: IconName; cls: string; key: 'present' | 'absent' | 'late' }> = {
  PRESENT: { icon: 'check', cls: 'st-present', key: 'present' },
  ABSENT: { icon: 'cross', cls: 'st-absent', key: 'absent' },
  LATE: { icon: 'clock', cls: 'st-late', key: 'late' },
};

/** A month of attendance and absences, as a calendar. */
export function MonthView({ child }: { child: HomeChild }) {
  const [month, setMonth] = useState(monthOf(today()));
  const [data, setData] = useState<ChildMonthQuery['child'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { dates, firstWeekday } = monthDays(month);
  useEffect(() => {
    setData(null);
    gql(ChildMonthDocument, { id: child.id, from: dates[0], to: dates[dates.length - 1] })
      .then((d) => setData(d.child))
      .catch((err: unknown) => setError(err instanceof ApiError && err.transient ? t('errorOffline') : t('errorGeneric')));
  }, [child.id, month]);
  const marks = data ? monthMarks(dates, data.attendance, data.absences, localDate) : {};
  const count = (m: MonthMark) => Object.values(marks).filter((x) => x === m).length;
  const lang = locale.value;
  const weekdays = lang === 'ja' ? ['日', '月', '火', '水', '木', '金', '土'] : ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const isCurrent = month >= monthOf(today());
  return (
    <Shell title={t('monthView')} back={`/children/${encodeURIComponent(child.id)}`}>
      <p class="form-child">{child.name}</p>
      <div class="month-nav">
        <button class="btn small" onClick={() => setMonth(addMonths(month, -1))} aria-label={t('prevMonth')}>
          ‹
        </button>
        <h2 aria-live="polite">{formatMonth(month, lang)}</h2>
        <button class="btn small" onClick={() => setMonth(addMonths(month, 1))} aria-label={t('nextMonth')} disabled={isCurrent}>
          ›
        </button>
      </div>
      {error && <p class="error">{error}</p>}
      <p class="muted" data-testid="month-summary">
        {data ? t('monthSummary', { present: count('PRESENT') + count('LATE'), absent: count('ABSENT'), late: count('LATE') }) : t('loading')}
      </p>
      <table class="calendar">
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th scope="col" key={w}>
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks(dates, firstWeekday).map((week, i) => (
            <tr key={i}>
              {week.map((date, j) => {
                const mark = date ? marks[date] : undefined;
                const view = mark ? MARK[mark] : null;
                return (
                  <td key={j} class={view ? view.cls : ''}>
                    {date && (
                      <>
                        <span class="day-number">{Number(date.slice(8))}</span>
                        {view && (
                          <span class="day-mark">
                            <Icon name={view.icon} size={16} />
                            <span class="mark-text">{t(view.key)}</span>
                          </span>
                        )}
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Shell>
  );
}

function weeks(dates: string[], firstWeekday: number): (string | null)[][] {
  const cells: (string | null)[] = [...Array<null>(firstWeekday).fill(null), ...dates];
  while (cells.length % 7) cells.push(null);
  const rows: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(cells.slice(i, i + 7));
  return rows;
}
