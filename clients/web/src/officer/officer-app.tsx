// The city officer's dashboard (desktop): the municipality's nurseries over a period —
// attendance rate, absences by symptom over time (a drawn chart per symptom, a table per
// nursery), nap-check compliance, diary approval, infection alerts live, CSV of the same
// figures. Aggregates only: never a child's name; counts the server withholds are shown as
// withheld, never as zero.
import type { ComponentType, VNode } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';

import { gql } from '../api/http';
import { live } from '../api/live';
import { useLazy } from '../lazy';
import { InfectionAlertFeedDocument, OfficerDashboardDocument, type OfficerDashboardQuery, type Symptom } from '../gql/graphql';
import { locale, t } from '../i18n';
import { path } from '../router';
import { municipalityIdOf, viewer } from '../session';
import { w } from '../strings-work';
import { addDays, formatDate, today } from '../time';
import { Icon } from '../ui/icons';
import { Shell } from '../ui/shell';
import { dashboardCsv, percent, symptomSeries } from './figures';

type Data = OfficerDashboardQuery;
type Alert = Data['infectionAlerts'][number];

// Settings and the account screen load when opened: the dashboard's first load stays small.
const loadSettings = () => import('../ui/settings').then((m) => m.Settings as ComponentType);
const loadAccount = () => import('../ui/account-screens').then((m) => m.AccountScreen as ComponentType<{ path: string }>);

export function OfficerApp() {
  if (path.value === '/settings') return <Later load={loadSettings} />;
  if (path.value === '/account') return <Later load={loadAccount} path={path.value} />;
  return <Dashboard />;
}

function Later<P extends object>({ load, ...props }: { load: () => Promise<ComponentType<P>> } & P) {
  const Component = useLazy(load);
  return Component ? <Component {...(props as unknown as P)} /> : <p class="center">{t('loading')}</p>;
}

function Dashboard() {
  const municipalityId = municipalityIdOf(viewer.value) ?? '';
  const [to, setTo] = useState(today());
  const [from, setFrom] = useState(addDays(today(), -29));
  const [data, setData] = useState<Data | null>(null);
  const [period, setPeriod] = useState({ from, to });
  const [failed, setFailed] = useState(false);
  const [liveAlerts, setLiveAlerts] = useState<Alert[]>([]);
  const load = () =>
    gql(OfficerDashboardDocument, { municipalityId, from, to })
      .then((d) => {
        setData(d);
        setPeriod({ from, to });
        setFailed(false);
      })
      .catch(() => setFailed(true));
  const reload = useRef(load);
  reload.current = load;
  useEffect(() => void load(), [municipalityId]);
  useEffect(
    () =>
      live(InfectionAlertFeedDocument, () => ({ municipalityId }), (d) => {
        setLiveAlerts((list) => [d.infectionAlerts, ...list.filter((a) => a.id !== d.infectionAlerts.id)]);
        // The absences behind the alert change the figures too.
        void reload.current();
      }),
    [municipalityId],
  );
  const lang = locale.value;
  const alerts = [...liveAlerts, ...(data?.infectionAlerts ?? []).filter((a) => !liveAlerts.some((l) => l.id === a.id))];
  // The CSV is made when asked for: a city's figures are large, and the dashboard re-renders
  // on every keystroke in the period fields.
  const downloadCsv = (e: Event) => {
    if (!data) return;
    (e.currentTarget as HTMLAnchorElement).href = `data:text/csv;charset=utf-8,${encodeURIComponent(dashboardCsv(data.nurseryPeriodSummaries, period.from, period.to))}`;
  };
  return (
    <Shell title={w('officerTitle')} wide>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <label class="field inline">
          <span>{w('periodFrom')}</span>
          <input type="date" name="from" value={from} max={to} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label class="field inline">
          <span>{w('periodTo')}</span>
          <input type="date" name="to" value={to} min={from} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        <button class="btn primary" type="submit">
          {w('periodShow')}
        </button>
        {data && (
          <a class="btn" href="#csv" onClick={downloadCsv} download={`tsunagu-${period.from}-${period.to}.csv`} data-testid="csv">
            {w('downloadCsv')}
          </a>
        )}
      </form>
      <p class="muted small">{w('noName')}</p>
      {failed && <p class="error">{t('errorGeneric')}</p>}
      <section class="card alerts-card" data-testid="infection-alerts" aria-live="polite">
        <h2>
          <Icon name="alert" /> {w('alertsTitle')}
        </h2>
        {alerts.length === 0 ? (
          <p class="muted">{w('alertsNone')}</p>
        ) : (
          <ul>
            {alerts.map((a) => (
              <li key={a.id} data-testid="infection-alert">
                {w('alertItem', {
                  nursery: a.nursery.name,
                  classroom: a.classroomName,
                  symptom: t(`symptom${a.symptom}`),
                  n: a.children,
                  from: formatDate(a.windowStart, lang),
                  to: formatDate(a.windowEnd, lang),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      {!data ? (
        !failed && <p>{t('loading')}</p>
      ) : data.nurseryPeriodSummaries.length === 0 ? (
        <p class="muted">{w('noData')}</p>
      ) : (
        <Figures data={data} from={period.from} to={period.to} />
      )}
    </Shell>
  );
}

/** Age-band rows drawn per task: a city's 60 nurseries × 6 bands stay out of one long task. */
const BAND_ROWS_PER_TASK = 60;

/**
 * How many of `total` pieces to draw: the first at once, then one more per task (a timer
 * between them lets the browser paint and answer input). A city's figures are thousands of
 * elements; drawn in one go they blocked the main thread for seconds on a phone.
 */
function useReveal(total: number, key: unknown): number {
  const [shown, setShown] = useState(1);
  useEffect(() => {
    setShown(1);
    let n = 1;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const next = () => {
      n += 1;
      setShown(n);
      if (n < total) timer = setTimeout(next, 0);
    };
    if (total > 1) timer = setTimeout(next, 0);
    return () => {
      if (timer) clearTimeout(timer);
    };
  }, [key, total]);
  return shown;
}

function Figures({ data, from, to }: { data: Data; from: string; to: string }) {
  const rows = data.nurseryPeriodSummaries;
  const symptoms = useMemo(() => [...new Set(rows.flatMap((r) => r.absencesBySymptom.map((s) => s.symptom)))] as Symptom[], [rows]);
  const bands = useMemo(() => [...new Set(rows.flatMap((r) => r.ageBands.map((b) => b.ageBand)))].sort(), [rows]);
  const bandRows = useMemo(() => rows.flatMap((r) => bands.map((band) => ({ r, b: r.ageBands.find((x) => x.ageBand === band) })).filter((x) => x.b)), [rows, bands]);
  const bandTasks = Math.max(1, Math.ceil(bandRows.length / BAND_ROWS_PER_TASK));
  // Pieces: the summary table, each chart, the table by symptom, then the age bands in parts.
  const shown = useReveal(2 + symptoms.length + bandTasks, data);
  const withheld = (n: number | null | undefined, suppressed: boolean) => (n == null && suppressed ? <span class="suppressed">{w('suppressed')}</span> : (n ?? '—'));
  // Each piece is made once per data: a later step does not diff the earlier ones again.
  const summary = useMemo(() => <SummaryTable rows={rows} />, [rows]);
  const charts = useMemo(() => symptoms.map((s) => <SymptomChart key={s} symptom={s} data={data} from={from} to={to} />), [data, symptoms, from, to]);
  const bySymptom = useMemo(() => <SymptomTable rows={rows} symptoms={symptoms} />, [rows, symptoms]);
  const bandParts = useMemo(() => {
    const parts: VNode[] = [];
    for (let i = 0; i < bandRows.length; i += BAND_ROWS_PER_TASK) {
      parts.push(
        <>
          {bandRows.slice(i, i + BAND_ROWS_PER_TASK).map(({ r, b }) => (
            <tr key={`${r.nursery.id}-${b!.ageBand}`} data-suppressed={b!.suppressed ? 'true' : 'false'}>
              <th scope="row">{r.nursery.name}</th>
              <td>{w('ageBand', { n: b!.ageBand })}</td>
              <td>{withheld(b!.enrolled, b!.suppressed)}</td>
              <td>{withheld(b!.present, b!.suppressed)}</td>
              <td>{withheld(b!.absent, b!.suppressed)}</td>
              <td>{b!.attendanceRate == null && b!.suppressed ? <span class="suppressed">{w('suppressed')}</span> : percent(b!.attendanceRate)}</td>
            </tr>
          ))}
        </>,
      );
    }
    return parts;
  }, [bandRows]);
  const chartsShown = Math.max(0, Math.min(symptoms.length, shown - 1));
  const bandsShown = Math.max(0, shown - 2 - symptoms.length);
  return (
    <>
      {summary}
      <section class="card">
        <h2>{w('symptomChart')}</h2>
        {symptoms.length === 0 ? <p class="muted">{w('noData')}</p> : <div class="chart-grid">{charts.slice(0, chartsShown)}</div>}
      </section>
      {symptoms.length > 0 && shown >= 2 + symptoms.length && bySymptom}
      <section class="card">
        <h2>{w('ageBandTitle')}</h2>
        <div class="table-wrap" tabIndex={0}>
          <table class="data-table" data-testid="age-bands" data-complete={bandsShown >= bandTasks ? 'true' : 'false'}>
            <thead>
              <tr>
                <th scope="col">{w('nurseryCol')}</th>
                <th scope="col">{w('ageBand', { n: '' }).trim()}</th>
                <th scope="col">{w('enrolledCol')}</th>
                <th scope="col">{w('presentCol')}</th>
                <th scope="col">{w('absentCol')}</th>
                <th scope="col">{w('attendanceRate')}</th>
              </tr>
            </thead>
            <tbody>{bandParts.slice(0, bandsShown)}</tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function SummaryTable({ rows }: { rows: Data['nurseryPeriodSummaries'] }) {
  return (
      <section class="card">
        <div class="table-wrap" tabIndex={0}>
          <table class="data-table" data-testid="officer-table">
            <thead>
              <tr>
                <th scope="col">{w('nurseryCol')}</th>
                <th scope="col">{w('openDays')}</th>
                <th scope="col">{w('attendanceRate')}</th>
                <th scope="col">{w('absentDays')}</th>
                <th scope="col">{w('lateCount')}</th>
                <th scope="col">{w('napCompliance')}</th>
                <th scope="col">{w('diaryApproval')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.nursery.id} data-testid="officer-row" data-nursery={r.nursery.id}>
                  <th scope="row">{r.nursery.name}</th>
                  <td data-field="openDays">{r.openDays}</td>
                  <td data-field="attendanceRate">{percent(r.attendanceRate)}</td>
                  <td data-field="absentChildDays">{r.absentChildDays}</td>
                  <td data-field="lateArrivals">{r.lateArrivals}</td>
                  <td data-field="napCheckCompliance">
                    {percent(r.napCheckCompliance)} <span class="muted small">({r.napChecksOnTime}/{r.napChecksRequired})</span>
                  </td>
                  <td data-field="diaryApprovalRate">
                    {percent(r.diaryApprovalRate)} <span class="muted small">({r.diariesApproved}/{r.classroomDays})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
  );
}

function SymptomTable({ rows, symptoms }: { rows: Data['nurseryPeriodSummaries']; symptoms: Symptom[] }) {
  return (
        <section class="card">
          <h2>{w('symptomByNursery')}</h2>
          <div class="table-wrap" tabIndex={0}>
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">{w('nurseryCol')}</th>
                  {symptoms.map((s) => (
                    <th scope="col" key={s}>
                      {t(`symptom${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.nursery.id}>
                    <th scope="row">{r.nursery.name}</th>
                    {symptoms.map((s) => (
                      <td key={s}>{r.absencesBySymptom.find((x) => x.symptom === s)?.count ?? 0}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
  );
}

/** Bars per day for one symptom, summed over the municipality's nurseries. */
function SymptomChart({ symptom, data, from, to }: { symptom: Symptom; data: Data; from: string; to: string }) {
  const series = symptomSeries(data.nurseryDaySummaries, symptom, from, to);
  const max = Math.max(1, ...series.map((p) => p.count));
  const total = series.reduce((s, p) => s + p.count, 0);
  const width = 300;
  const height = 110;
  const bar = series.length ? (width - 30) / series.length : 0;
  const label = w('chartLabel', { symptom: t(`symptom${symptom}`), n: total });
  return (
    <figure class="symptom-chart" data-testid="symptom-chart" data-symptom={symptom}>
      <figcaption>{label}</figcaption>
      <svg class="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <line class="axis" x1="26" y1={height - 16} x2={width} y2={height - 16} />
        <text class="tick end" x="22" y="14">
          {max}
        </text>
        <text class="tick end" x="22" y={height - 18}>
          0
        </text>
        {series.map((p, i) => {
          const h = ((height - 30) * p.count) / max;
          return <rect key={p.date} class="bar" x={28 + i * bar} y={height - 16 - h} width={Math.max(1, bar - 2)} height={h} />;
        })}
        {series.length > 0 && (
          <>
            <text class="tick" x="28" y={height - 2}>
              {series[0].date.slice(5)}
            </text>
            <text class="tick end" x={width} y={height - 2}>
              {series[series.length - 1].date.slice(5)}
            </text>
          </>
        )}
      </svg>
    </figure>
  );
}
