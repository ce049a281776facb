import { useEffect, useState } from 'preact/hooks';

import { ApiError, gql } from '../api/http';
import { ChildGrowthDocument, type ChildGrowthQuery } from '../gql/graphql';
import { locale, t } from '../i18n';
import { formatDate } from '../time';
import { Shell } from '../ui/shell';
import type { HomeChild } from './store';

type Record_ = NonNullable<ChildGrowthQuery['child']>['growth'][number];

const W = 340;
const H = 220;
const PAD = { left: 36, right: 36, top: 12, bottom: 28 };

/** A value range with some room, rounded to whole steps. */
export function niceRange(values: number[], step: number): [number, number] {
  const lo = Math.floor(Math.min(...values) / step) * step;
  const hi = Math.ceil(Math.max(...values) / step) * step;
  return lo === hi ? [lo - step, hi + step] : [lo, hi];
}

/** Height and weight over time, drawn, with the Kaup index of each measurement. */
export function GrowthView({ child }: { child: HomeChild }) {
  const [records, setRecords] = useState<Record_[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    gql(ChildGrowthDocument, { id: child.id })
      .then((d) => setRecords(d.child?.growth ?? []))
      .catch((err: unknown) => setError(err instanceof ApiError && err.transient ? t('errorOffline') : t('errorGeneric')));
  }, [child.id]);
  const lang = locale.value;
  return (
    <Shell title={t('growth')} back={`/children/${encodeURIComponent(child.id)}`}>
      <p class="form-child">{child.name}</p>
      {error && <p class="error">{error}</p>}
      {!records && !error && <p>{t('loading')}</p>}
      {records && records.length === 0 && <p class="muted">{t('growthEmpty')}</p>}
      {records && records.length > 0 && (
        <>
          <section class="card">
            <Chart records={records} />
            <p class="legend">
              <span class="key height">━ {t('height')} (cm)</span>
              <span class="key weight">╍ {t('weight')} (kg)</span>
            </p>
          </section>
          <section class="card">
            <table class="growth-table">
              <thead>
                <tr>
                  <th scope="col">{t('measuredOn')}</th>
                  <th scope="col">{t('height')}</th>
                  <th scope="col">{t('weight')}</th>
                  <th scope="col">{t('kaup')}</th>
                </tr>
              </thead>
              <tbody>
                {[...records].reverse().map((r) => (
                  <tr key={r.id}>
                    <td>{formatDate(r.measuredOn, lang)}</td>
                    <td>{r.heightCm != null ? `${r.heightCm.toFixed(1)} cm` : '—'}</td>
                    <td>{r.weightKg != null ? `${r.weightKg.toFixed(1)} kg` : '—'}</td>
                    <td data-testid="kaup">{r.kaupIndex != null ? r.kaupIndex.toFixed(1) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p class="muted small">{t('kaupNote')}</p>
          </section>
        </>
      )}
    </Shell>
  );
}

function Chart({ records }: { records: Record_[] }) {
  const times = records.map((r) => Date.parse(`${r.measuredOn}T00:00:00Z`));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (time: number) => PAD.left + ((time - t0) / Math.max(1, t1 - t0)) * (W - PAD.left - PAD.right);
  const heights = records.filter((r) => r.heightCm != null);
  const weights = records.filter((r) => r.weightKg != null);
  const [h0, h1] = niceRange(heights.length ? heights.map((r) => r.heightCm!) : [50, 100], 5);
  const [w0, w1] = niceRange(weights.length ? weights.map((r) => r.weightKg!) : [3, 20], 1);
  const yH = (v: number) => PAD.top + (1 - (v - h0) / (h1 - h0)) * (H - PAD.top - PAD.bottom);
  const yW = (v: number) => PAD.top + (1 - (v - w0) / (w1 - w0)) * (H - PAD.top - PAD.bottom);
  const line = (rs: Record_[], value: (r: Record_) => number, y: (v: number) => number) =>
    rs.map((r, i) => `${i ? 'L' : 'M'}${x(Date.parse(`${r.measuredOn}T00:00:00Z`)).toFixed(1)},${y(value(r)).toFixed(1)}`).join(' ');
  const first = records[0].measuredOn;
  const last = records[records.length - 1].measuredOn;
  const label = `${t('height')} ${heights[0]?.heightCm ?? ''}→${heights[heights.length - 1]?.heightCm ?? ''} cm, ${t('weight')} ${weights[0]?.weightKg ?? ''}→${weights[weights.length - 1]?.weightKg ?? ''} kg`;
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} class="axis" />
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} class="axis" />
      <line x1={W - PAD.right} y1={PAD.top} x2={W - PAD.right} y2={H - PAD.bottom} class="axis" />
      <text x={PAD.left - 4} y={yH(h1) + 4} class="tick end">
        {h1}
      </text>
      <text x={PAD.left - 4} y={yH(h0)} class="tick end">
        {h0}
      </text>
      <text x={W - PAD.right + 4} y={yW(w1) + 4} class="tick">
        {w1}
      </text>
      <text x={W - PAD.right + 4} y={yW(w0)} class="tick">
        {w0}
      </text>
      <text x={PAD.left} y={H - 8} class="tick">
        {first.slice(0, 7)}
      </text>
      <text x={W - PAD.right} y={H - 8} class="tick end">
        {last.slice(0, 7)}
      </text>
      <path d={line(heights, (r) => r.heightCm!, yH)} class="series height" />
      <path d={line(weights, (r) => r.weightKg!, yW)} class="series weight" />
      {heights.map((r) => (
        <circle key={`h${r.id}`} cx={x(Date.parse(`${r.measuredOn}T00:00:00Z`))} cy={yH(r.heightCm!)} r="3" class="dot height" />
      ))}
      {weights.map((r) => (
        <rect key={`w${r.id}`} x={x(Date.parse(`${r.measuredOn}T00:00:00Z`)) - 3} y={yW(r.weightKg!) - 3} width="6" height="6" class="dot weight" />
      ))}
    </svg>
  );
}
