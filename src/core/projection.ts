import { sharedAnalysis, type AttendanceAnalysis } from './activity.ts';
import { checkNow, createDayInZone, daysFromTo, isCalendarDay, MILLISECONDS_PER_DAY, type CalendarDay } from './calendar.ts';
import { invalidInput } from './errors.ts';
import type { Attendance, WebinarEvent } from './types.ts';
import { checkWebinarEvent, windowOf } from './window.ts';

/** The projected unique no-show visitors by the window's close (see `projectOnDemandVisitors`). */
export interface OnDemandProjection {
  /** The projection's mean, rounded to whole people. */
  expected: number;
  /** The band: the `(1 − level) / 2` and `(1 + level) / 2` quantiles of the projection. */
  low: number;
  high: number;
  level: number;
  /** Reported days of the window the projection rests on (the event's end day included). */
  basedOnDays: number;
  /**
   * The window's days not reported yet, each with its expected new visitors (people whose first
   * visit falls on that day) and a band at `level`: what a chart draws as the projection's
   * continuation. Empty once the count is final.
   */
  days: ProjectedDay[];
}

/** One day of a projection's continuation (see `OnDemandProjection.days`). */
export interface ProjectedDay {
  day: CalendarDay;
  /** Expected no-show visitors whose first visit is on this day. */
  expected: number;
  low: number;
  high: number;
}

export interface ProjectionOptions {
  /** Probability the band should hold the final count; default 0.8. */
  level?: number;
}

/** Fewer reported days than this say too little about the decay: no projection. */
export const MIN_PROJECTION_DAYS = 3;

/**
 * The decay shapes the projection weighs: daily first visits proportional to `q^(d − 1)`
 * (geometric) or to `d^(−a)` (a power law, slower in the tail), `d` = days since the end day.
 * One free shape parameter each, on a grid; the scale is integrated out in closed form.
 */
const SHAPES: ReadonlyArray<(day: number) => number> = [
  ...Array.from({ length: 36 }, (_, step) => {
    const q = 0.3 + step * 0.02;
    return (day: number) => q ** (day - 1);
  }),
  ...Array.from({ length: 31 }, (_, step) => {
    const a = step * 0.1;
    return (day: number) => day ** -a;
  }),
];

/**
 * A few days of counts say little about their own dispersion: φ is estimated as if
 * `PRIOR_WEIGHT` more days had shown a dispersion of `PRIOR_DISPERSION` (weekday swings do).
 */
const PRIOR_WEIGHT = 2;
const PRIOR_DISPERSION = 3;

/**
 * The extrapolation error: the remaining visitors are multiplied by a log-normal factor with this
 * standard deviation (on the log scale), since no decay shape is the truth. Estimated from
 * backtests on generated events with other seeds than the one README reports (docs/domain.md).
 */
const EXTRAPOLATION_SIGMA = 0.25;
/** Seven-point Gauss–Hermite rule for a standard normal: nodes and weights. */
const NORMAL_NODES = [-3.750439717725742, -2.366759410734541, -1.154405394739968, 0, 1.154405394739968, 2.366759410734541, 3.750439717725742];
const NORMAL_WEIGHTS = [0.000548268855972, 0.030757123967586, 0.240123178605013, 0.457142857142857, 0.240123178605013, 0.030757123967586, 0.000548268855972];

/**
 * Quantiles of `factor × R`, R a mixture of negative binomials (terms walked by recurrence in
 * log space: no gamma function, no underflow) and the factor log-normal with `sigma`.
 */
function quantiles(components: Array<{ weight: number; shape: number; p: number }>, probabilities: number[], sigma: number): number[] {
  const live = components.filter((component) => component.weight > 1e-12 && component.shape > 0);
  const logTerms = live.map((component) => component.shape * Math.log(component.p));
  // Each component's mass lies within its mean + 12 sd.
  const bound = Math.ceil(Math.max(10, ...live.map(({ shape, p }) => (shape * (1 - p)) / p + 12 * Math.sqrt((shape * (1 - p)) / (p * p)) + 10)));
  const cumulative = new Float64Array(bound + 1);
  let sum = 0;
  for (let r = 0; r <= bound; r++) {
    live.forEach((component, index) => {
      sum += component.weight * Math.exp(logTerms[index] as number);
      logTerms[index] = (logTerms[index] as number) + Math.log((component.shape + r) / (r + 1)) + Math.log(1 - component.p);
    });
    cumulative[r] = sum;
  }
  const factors = NORMAL_NODES.map((node) => Math.exp(sigma * node - (sigma * sigma) / 2));
  const distribution = (x: number) =>
    factors.reduce((total, factor, index) => total + (NORMAL_WEIGHTS[index] as number) * (cumulative[Math.min(bound, Math.floor(x / factor))] as number), 0);
  const top = Math.ceil(bound * Math.max(...factors));
  return probabilities.map((probability) => {
    let low = 0;
    let high = top;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (distribution(middle) >= probability) high = middle;
      else low = middle + 1;
    }
    return low;
  });
}

/**
 * Each no-show visitor once, on the day of their first on-demand visit: counts by window day
 * (index 0 = the window's first day), through the day views are reported through. What the
 * projection rests on; a backend can compute the same counts in SQL and call
 * `projectionFromFirstVisits`.
 */
export function firstVisitsOf(analysis: AttendanceAnalysis): number[] {
  const { windowDays, activities, statusOf } = analysis;
  const firstDayOf = new Int16Array(statusOf.length).fill(-1);
  for (let index = 0; index < activities.count; index++) {
    const lead = activities.lead[index] as number;
    const day = activities.day[index] as number;
    if (firstDayOf[lead] === -1 || day < (firstDayOf[lead] as number)) firstDayOf[lead] = day;
  }
  const firstVisits = new Array<number>(windowDays.length).fill(0);
  firstDayOf.forEach((day, lead) => {
    if (day !== -1 && statusOf[lead] !== 'attended') firstVisits[day]! += 1;
  });
  return firstVisits;
}

/** The projection from an analysis (see `projectOnDemandVisitors`). */
export function projectionOf(analysis: AttendanceAnalysis, now: number, options: ProjectionOptions = {}): OnDemandProjection | null {
  return projectionFrom(analysis.event, analysis.windowDays, firstVisitsOf(analysis), analysis.reportedThrough, now, options);
}

/**
 * The projection from first-visit counts (`firstVisitsOf`'s shape: one count per window day,
 * index 0 = the window's first day; days after `reportedThrough` are ignored), for a backend
 * that aggregates them itself. Same result as `projectOnDemandVisitors` on the same data.
 *
 * @example
 * // SQL: no-show visitors by the window day of their first visit → [3, 41, 18, …]
 * const projection = projectionFromFirstVisits(event, counts, '2026-03-27', new Date());
 */
export function projectionFromFirstVisits(
  event: WebinarEvent,
  firstVisits: readonly number[],
  reportedThrough: CalendarDay,
  now: Date,
  options: ProjectionOptions = {},
): OnDemandProjection | null {
  const checked = checkWebinarEvent(event);
  const window = windowOf(checked);
  const windowDays = daysFromTo(window.firstDay, window.lastDay);
  if (!Array.isArray(firstVisits) || firstVisits.length > windowDays.length || !firstVisits.every((count) => Number.isInteger(count) && count >= 0)) {
    throw invalidInput('request', 'firstVisits', `at most ${windowDays.length} whole numbers ≥ 0, one per window day`, firstVisits);
  }
  if (!isCalendarDay(reportedThrough)) throw invalidInput('request', 'reportedThrough', 'a calendar day (YYYY-MM-DD)', reportedThrough);
  return projectionFrom(checked, windowDays, firstVisits, reportedThrough, checkNow(now), options);
}

function projectionFrom(
  event: { endsAt: number; timeZone: string },
  windowDays: readonly CalendarDay[],
  firstVisitCounts: readonly number[],
  reportedThrough: CalendarDay,
  now: number,
  options: ProjectionOptions,
): OnDemandProjection | null {
  const level = options.level ?? 0.8;
  if (!(level > 0 && level < 1)) throw invalidInput('request', 'level', 'a probability between 0 and 1 (exclusive)', level);
  if (now <= event.endsAt) return null;
  const lastIndex = windowDays.length - 1;
  const reportedIndex = Math.min(lastIndex, windowDays.filter((day) => day <= reportedThrough).length - 1);
  const basedOnDays = reportedIndex + 1;
  // Days after the reported one are unknown, not zero: whatever a backend sent for them is ignored.
  const firstVisits = windowDays.map((_, day) => (day <= reportedIndex ? (firstVisitCounts[day] ?? 0) : 0));
  const visitors = firstVisits.reduce((sum, count) => sum + count, 0);
  const final = { expected: visitors, low: visitors, high: visitors, level, basedOnDays, days: [] };

  const closesAt = event.endsAt + 30 * MILLISECONDS_PER_DAY;
  if (now >= closesAt || reportedIndex >= lastIndex) return final;
  if (basedOnDays < MIN_PROJECTION_DAYS) return null;

  // The window's last day is partial: the close falls mid-day. Find its local midnight by bisection.
  const dayOf = createDayInZone(event.timeZone);
  let before = closesAt - 2 * MILLISECONDS_PER_DAY;
  let after = closesAt;
  while (after - before > 60_000) {
    const middle = (before + after) / 2;
    if (dayOf(middle) === windowDays[lastIndex]) after = middle;
    else before = middle;
  }
  const lastDayShare = Math.min(1, Math.max(0, (closesAt - after) / MILLISECONDS_PER_DAY));
  /** The weight of a window day in a shape: the last day counts for the part of it inside the window. */
  const exposure = (day: number) => (day === lastIndex ? lastDayShare : 1);

  // Fit on the full days reported (1 … reportedIndex); the end day itself is partial and is what it is.
  let seen = 0;
  for (let day = 1; day <= reportedIndex; day++) seen += firstVisits[day] as number;
  // Nobody came after the end day: no decay to extrapolate, nobody more to expect.
  if (seen === 0) return final;
  const components = SHAPES.map((shape) => {
    let fitted = 0;
    let logLikelihood = 0;
    for (let day = 1; day <= reportedIndex; day++) fitted += shape(day);
    for (let day = 1; day <= reportedIndex; day++) {
      const count = firstVisits[day] as number;
      if (count > 0) logLikelihood += count * Math.log(shape(day) / fitted);
    }
    let remaining = 0;
    for (let day = reportedIndex + 1; day <= lastIndex; day++) remaining += shape(day) * exposure(day);
    return { shapeOf: shape, fitted, logLikelihood, shape: seen, p: fitted / (fitted + remaining), mean: (seen * remaining) / fitted };
  });
  // Daily counts vary more than chance alone (weekends, reminders): the dispersion φ of the
  // best fit's Pearson residuals tempers the evidence (quasi-likelihood) and widens the band.
  const best = components.reduce((winner, component) => (component.logLikelihood > winner.logLikelihood ? component : winner));
  let pearson = 0;
  for (let day = 1; day <= reportedIndex; day++) {
    const expected = (seen * best.shapeOf(day)) / best.fitted;
    if (expected > 0) pearson += ((firstVisits[day] as number) - expected) ** 2 / expected;
  }
  const dispersion = Math.max(1, (pearson + PRIOR_WEIGHT * PRIOR_DISPERSION) / (reportedIndex - 2 + PRIOR_WEIGHT));
  // Equal prior weight per family, spread over its grid; posterior ∝ prior × likelihood^(1/φ).
  const weights = components.map((component, index) => Math.exp((component.logLikelihood - best.logLikelihood) / dispersion) / (index < 36 ? 36 : 31));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const mixture = components.map((component, index) => ({ ...component, shape: component.shape / dispersion, weight: (weights[index] as number) / total }));
  const mean = mixture.reduce((sum, component) => sum + component.weight * component.mean, 0);
  // R ≈ φ × NegBin(S / φ, p): the same mean, φ times the variance.
  const band = (components: typeof mixture) =>
    quantiles(components, [(1 - level) / 2, (1 + level) / 2], EXTRAPOLATION_SIGMA).map((quantile) => Math.round(quantile * dispersion));
  const [low = 0, high = 0] = band(mixture);
  // Each unreported day alone: the same mixture with that day's share of the remaining exposure.
  const days = windowDays.slice(reportedIndex + 1).map((day, offset) => {
    const index = reportedIndex + 1 + offset;
    const perDay = mixture.map((component) => {
      const weight = component.shapeOf(index) * exposure(index);
      return { ...component, p: component.fitted / (component.fitted + weight), mean: (seen * weight) / component.fitted };
    });
    const [dayLow = 0, dayHigh = 0] = band(perDay);
    return { day, mean: perDay.reduce((sum, component) => sum + component.weight * component.mean, 0), low: dayLow, high: dayHigh };
  });
  // The days' means add up to the total's; rounded one by one they would not (eighteen days of
  // 0.6 people show as 18, not 11). Whole people by largest remainder, each day kept inside its
  // own band, so a chart's days add up to the card's figure.
  const remaining = Math.round(mean);
  const whole = days.map((day) => Math.min(day.high, Math.max(day.low, Math.floor(day.mean))));
  for (let gap = remaining - whole.reduce((sum, count) => sum + count, 0); gap !== 0; gap -= Math.sign(gap)) {
    const step = Math.sign(gap);
    // Up: the day furthest below its mean that may still grow; down: the one furthest above.
    // When no day's band has room (two people more expected over 28 days that each expect 0.1),
    // the furthest day takes the person anyway and its band widens to hold it: a wider band
    // still holds the day's count with at least `level` probability.
    let chosen = -1;
    let furthest = -Infinity;
    days.forEach((day, index) => {
      const count = whole[index] as number;
      const rest = step * (day.mean - count) - ((step > 0 ? count >= day.high : count <= day.low) ? 1e9 : 0);
      if (rest > furthest) {
        furthest = rest;
        chosen = index;
      }
    });
    if (chosen === -1) break; // no unreported day at all
    whole[chosen]! += step;
  }
  // A skewed mixture's mean can sit outside a narrow band (one visitor in, level 0.5: mean 2 more,
  // both quartiles 0); widened to hold it, the band still holds the final count with ≥ `level`.
  return {
    expected: visitors + remaining,
    low: visitors + Math.min(low, remaining),
    high: visitors + Math.max(high, remaining),
    level,
    basedOnDays,
    days: days.map(({ day, low: dayLow, high: dayHigh }, index) => {
      const expected = whole[index] as number;
      return { day, expected, low: Math.min(dayLow, expected), high: Math.max(dayHigh, expected) };
    }),
  };
}

/**
 * How many unique no-show visitors the event will have when its on-demand window closes, if
 * nothing changes: a projection with a band at `level` (0.8 by default), or `null` before the
 * event ends and while fewer than 3 days are reported. Once the window has closed, or every day
 * is reported, `expected`, `low` and `high` are the final count. The model is in docs/domain.md.
 *
 * @example
 * const projection = projectOnDemandVisitors(event, attendance, new Date());
 * if (projection) `Expected by the close: ${projection.expected} (${projection.low}–${projection.high})`;
 */
export function projectOnDemandVisitors(event: WebinarEvent, attendance: Attendance, now: Date, options: ProjectionOptions = {}): OnDemandProjection | null {
  const time = checkNow(now);
  return projectionOf(sharedAnalysis(event, attendance), time, options);
}
