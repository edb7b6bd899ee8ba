/*
 * Named scenarios: one event per state a widget must show, built relative to a clock so the
 * data is always consistent with it. The event id of a scenario is its name.
 */
import type { WebinarData } from '../src/adapters/memory.ts';
import { MILLISECONDS_PER_DAY, type WebinarEvent } from '../src/core/index.ts';
import { generateWebinarData, REFERENCE_NOW, type GeneratedWebinar, type GenerateOptions } from './generate.ts';
import { seedOf } from './random.ts';

export const SCENARIO_NAMES = ['upcoming', 'just-ended', 'mid-window', 'closing-soon', 'closed', 'no-views', 'huge', 'bad-records'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}

interface ScenarioShape extends Omit<GenerateOptions, 'seed' | 'endsAt' | 'now' | 'id'> {
  /** When the live session ended, in days before the clock (negative: in the future). */
  endedDaysAgo: number;
}

const AMSTERDAM = 'Europe/Amsterdam';
const NEW_YORK = 'America/New_York';

// Zones are picked so that, at REFERENCE_NOW, every window contains a DST change (see generate.ts).
const SHAPES: Record<ScenarioName, ScenarioShape> = {
  upcoming: { endedDaysAgo: -2, timeZone: AMSTERDAM, name: 'Spring product launch', registrants: 240, noShowRate: 0.45 },
  'just-ended': { endedDaysAgo: 1, timeZone: AMSTERDAM, name: 'Partner onboarding live Q&A', registrants: 260, noShowRate: 0.5 },
  'mid-window': { endedDaysAgo: 12, timeZone: NEW_YORK, name: 'Quarterly roadmap webinar', registrants: 400, noShowRate: 0.45 },
  'closing-soon': { endedDaysAgo: 27, timeZone: NEW_YORK, name: 'Security best practices', registrants: 350, noShowRate: 0.5 },
  closed: { endedDaysAgo: 40, timeZone: NEW_YORK, name: 'Year-end customer summit', registrants: 300, noShowRate: 0.4 },
  'no-views': { endedDaysAgo: 3, timeZone: AMSTERDAM, name: 'Compliance update (no on-demand views yet)', registrants: 120, noShowRate: 0.5, watchRate: 0, rewatchRate: 0 },
  // ~130 000 visitors × 7.7 visits ≈ 1 000 000 views.
  huge: { endedDaysAgo: 12, timeZone: NEW_YORK, name: 'Global all-hands (200 000 registrants)', registrants: 200_000, noShowRate: 0.5, watchRate: 0.8, rewatchRate: 0.5, viewsPerVisitor: 7.7 },
  'bad-records': { endedDaysAgo: 12, timeZone: NEW_YORK, name: 'Imported from a legacy export', registrants: 120, noShowRate: 0.45, badRecords: true },
};

/** Options of a scenario build. */
export interface ScenarioOptions {
  /** The clock the scenario is built around. Default `REFERENCE_NOW`. */
  now?: Date;
}

/**
 * Builds a scenario: its event ends relative to `now` (upcoming: in 2 days; just-ended: 1 day
 * ago; mid-window: 12 days ago; closing-soon: 27 days ago, 3 days left; closed: 40 days ago).
 * The same name and clock always give the same data.
 *
 * @example
 * const midWindow = buildScenario('mid-window');
 * midWindow.attendanceAt(REFERENCE_NOW).reportedThrough // '2026-03-18'
 */
export function buildScenario(name: ScenarioName, options: ScenarioOptions = {}): GeneratedWebinar {
  const now = options.now ?? REFERENCE_NOW;
  const { endedDaysAgo, ...shape } = SHAPES[name];
  return generateWebinarData({ ...shape, id: name, seed: seedOf(name), endsAt: new Date(endsAtOf(endedDaysAgo, now)), now });
}

/** Sessions end on a quarter hour, as scheduled events do. */
function endsAtOf(endedDaysAgo: number, now: Date): number {
  return Math.floor((now.getTime() - endedDaysAgo * MILLISECONDS_PER_DAY) / 900_000) * 900_000;
}

/**
 * A scenario's event alone, without generating its attendance (which takes a second or two for
 * `huge`): the same as `buildScenario(name, options).event`. The demo places its clock by it.
 */
export function scenarioEvent(name: ScenarioName, options: ScenarioOptions = {}): WebinarEvent {
  const { endedDaysAgo, name: title, timeZone } = SHAPES[name];
  const endsAt = endsAtOf(endedDaysAgo, options.now ?? REFERENCE_NOW);
  return { id: name, name: title ?? 'Product webinar', startsAt: new Date(endsAt - 60 * 60_000).toISOString(), endsAt: new Date(endsAt).toISOString(), timeZone: timeZone ?? 'America/New_York' };
}

/**
 * A scenario as a backend serves it at `now` (built around the same clock): ready for
 * `createMemoryAdapter({ events: [scenarioData('mid-window')] })`.
 */
export function scenarioData(name: ScenarioName, options: ScenarioOptions = {}): WebinarData {
  const now = options.now ?? REFERENCE_NOW;
  const built = buildScenario(name, { now });
  return { event: built.event, attendance: built.attendanceAt(now) };
}
