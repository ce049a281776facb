// The officer dashboard's figures, pure so they are unit-tested: percentages, a symptom's
// daily series over the period, the CSV of the period summaries (withheld counts stay empty
// and are marked, never written as zero).

export function percent(rate: number | null | undefined): string {
  return rate == null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

interface DayLike {
  date: string;
  absencesBySymptom: { symptom: string; count: number }[];
}

/** Children absent with `symptom` per date of `from..=to` (0 on days without figures), summed over nurseries. */
export function symptomSeries(days: readonly DayLike[], symptom: string, from?: string, to?: string): { date: string; count: number }[] {
  const byDate = new Map<string, number>();
  if (from && to) {
    for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to && byDate.size < 400; d.setUTCDate(d.getUTCDate() + 1)) byDate.set(d.toISOString().slice(0, 10), 0);
  }
  for (const d of days) {
    const n = d.absencesBySymptom.find((s) => s.symptom === symptom)?.count ?? 0;
    byDate.set(d.date, (byDate.get(d.date) ?? 0) + n);
  }
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, count]) => ({ date, count }));
}

interface PeriodLike {
  nursery: { name: string };
  openDays: number;
  enrolledChildDays: number;
  presentChildDays: number;
  absentChildDays: number;
  lateArrivals: number;
  attendanceRate?: number | null;
  napChecksRequired: number;
  napChecksOnTime: number;
  classroomDays: number;
  diariesApproved: number;
  absencesBySymptom: { symptom: string; count: number }[];
  ageBands: { ageBand: number; enrolled?: number | null; present?: number | null; absent?: number | null; suppressed: boolean }[];
}

function cell(value: string | number | null | undefined): string {
  const text = value == null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line per nursery (and per age band), the same figures the screen shows. */
export function dashboardCsv(rows: readonly PeriodLike[], from: string, to: string): string {
  const symptoms = [...new Set(rows.flatMap((r) => r.absencesBySymptom.map((s) => s.symptom)))].sort();
  const head = ['from', 'to', 'nursery', 'ageBand', 'openDays', 'enrolledChildDays', 'presentChildDays', 'absentChildDays', 'lateArrivals', 'attendanceRate', 'napChecksRequired', 'napChecksOnTime', 'classroomDays', 'diariesApproved', 'suppressed', ...symptoms.map((s) => `absent_${s}`)];
  const lines = [head.join(',')];
  for (const r of rows) {
    lines.push(
      [from, to, r.nursery.name, 'all', r.openDays, r.enrolledChildDays, r.presentChildDays, r.absentChildDays, r.lateArrivals, r.attendanceRate ?? '', r.napChecksRequired, r.napChecksOnTime, r.classroomDays, r.diariesApproved, 'false', ...symptoms.map((s) => r.absencesBySymptom.find((x) => x.symptom === s)?.count ?? 0)]
        .map(cell)
        .join(','),
    );
    for (const b of r.ageBands) {
      lines.push([from, to, r.nursery.name, b.ageBand, '', b.enrolled, b.present, b.absent, '', '', '', '', '', '', b.suppressed ? 'true' : 'false', ...symptoms.map(() => '')].map(cell).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
