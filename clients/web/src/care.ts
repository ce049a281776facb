// The care screens' rules, pure so they are unit-tested without a browser: the nap countdown,
// the fever flag, the growth "second look" flag (the server's rule, so the teacher sees it
// before saving), the number pad's input, journal merging.

export interface NapLike {
  id: string;
  startedAt: string;
  endedAt?: string | null;
  checkIntervalSeconds?: number | null;
}

export interface NapCheckLike {
  checkedAt: string;
  napId?: string | null;
}

export interface NapClock {
  /** The open nap (null: awake). */
  sleeping: boolean;
  /** Milliseconds until the next check is due; negative once overdue; null when none is required. */
  remainingMs: number | null;
  overdue: boolean;
  lastCheckAt: string | null;
}

/**
 * Where a child's nap stands at `now`: the next check is due one interval after the last
 * check (or the nap's start). Checks still in the tablet's queue count: the countdown runs
 * offline.
 */
export function napClock(naps: readonly NapLike[], checks: readonly NapCheckLike[], queuedChecks: readonly string[], now: number, fallbackIntervalSeconds: number | null = null): NapClock {
  const open = [...naps].filter((n) => !n.endedAt).sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))[0];
  const sinceStart = open ? checks.filter((c) => (c.napId ? c.napId === open.id : Date.parse(c.checkedAt) >= Date.parse(open.startedAt))).map((c) => c.checkedAt) : [];
  const times = [...sinceStart, ...queuedChecks].map((x) => Date.parse(x)).filter((x) => !Number.isNaN(x));
  const sleeping = !!open || queuedChecks.length > 0;
  if (!sleeping) return { sleeping: false, remainingMs: null, overdue: false, lastCheckAt: null };
  const last = times.length ? Math.max(...times) : Date.parse(open!.startedAt);
  const interval = open?.checkIntervalSeconds ?? fallbackIntervalSeconds;
  if (!interval) return { sleeping: true, remainingMs: null, overdue: false, lastCheckAt: new Date(last).toISOString() };
  const remainingMs = last + interval * 1000 - now;
  return { sleeping: true, remainingMs, overdue: remainingMs <= 0, lastCheckAt: new Date(last).toISOString() };
}

/** `4:05` left, or `-0:12` past due. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.abs(ms) / 1000);
  const text = `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
  return ms <= 0 && total > 0 ? `-${text}` : text;
}

/** At or above the nursery's threshold (the server's rule: `fever` on the record). */
export function isFever(temperatureC: number | null | undefined, thresholdC: number): boolean {
  return temperatureC != null && Math.round(temperatureC * 10) >= Math.round(thresholdC * 10);
}

/** The number pad's text after one key: digits and one decimal point, at most `36.5`-like. */
export function padInput(current: string, key: string): string {
  if (key === 'back') return current.slice(0, -1);
  if (key === 'clear') return '';
  if (key === '.') return current.includes('.') || current === '' ? current : `${current}.`;
  const [whole, decimals] = current.split('.');
  if (decimals !== undefined) return decimals.length >= 1 ? current : current + key;
  if (whole.length >= 2) return `${whole}.${key}`;
  return current + key;
}

/** A temperature the server accepts (34.0–42.5), or null. */
export function parseTemperature(text: string): number | null {
  const value = Number(text);
  if (!text || Number.isNaN(value) || value < 34 || value > 42.5) return null;
  return Math.round(value * 10) / 10;
}

export interface GrowthLike {
  measuredOn: string;
  heightCm?: number | null;
  weightKg?: number | null;
}

/**
 * Children do not shrink, and rarely grow more than 2 cm or change weight by more than 15 %
 * (plus 0.5 kg a month) between measurements: such a value gets a second look.
 */
export function growthJump(previous: GrowthLike | undefined, next: GrowthLike): boolean {
  if (!previous) return false;
  const days = (Date.parse(`${next.measuredOn}T00:00:00Z`) - Date.parse(`${previous.measuredOn}T00:00:00Z`)) / 86_400_000;
  const months = Math.max(days / 30, 1);
  const h0 = previous.heightCm;
  const h1 = next.heightCm;
  const w0 = previous.weightKg;
  const w1 = next.weightKg;
  const heightOff = h0 != null && h1 != null && (h1 < h0 - 1 || h1 > h0 + 2 * months);
  const weightOff = w0 != null && w1 != null && Math.abs(w1 - w0) > w0 * 0.15 + 0.5 * months;
  return heightOff || weightOff;
}

export type Sections = Record<string, string>;

/**
 * Merging two versions of a journal after a conflict: per section, the text both agree on, or
 * the one that changed from the base, or — when both changed — both, mine first.
 */
export function mergeSections(base: Sections, mine: Sections, theirs: Sections): Sections {
  const out: Sections = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])) {
    const b = base[key] ?? '';
    const m = mine[key] ?? '';
    const t = theirs[key] ?? '';
    if (m === t || t === b) out[key] = m;
    else if (m === b) out[key] = t;
    else out[key] = `${m}\n${t}`;
  }
  return out;
}
