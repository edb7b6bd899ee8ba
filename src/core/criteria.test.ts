import { describe, expect, it } from 'vitest';
import { amsterdamEvent } from '../../test/fixtures/core-fixtures.ts';
import {
  CRITERIA_ERROR_CODES,
  CRITERIA_KINDS,
  EVENT_MODES,
  TIME_FRAMES,
  validateCriteria,
  WATCH_DATE_OPERATORS,
  WATCH_DURATION_OPERATORS,
  type AttendanceCriteria,
  type CriteriaErrorCode,
} from './criteria.ts';
import type { CriteriaError } from './errors.ts';

const onDemand = { version: 1, kind: 'has-attended', eventMode: 'on-demand' } as const;

describe('validateCriteria accepts every kind, mode and operator', () => {
  const watchDates = [
    ...(['is', 'is-not', 'before', 'after', 'on-or-before', 'on-or-after'] as const).map((operator) => ({ operator, date: '2026-03-25' })),
    { operator: 'between', date: '2026-03-21', to: '2026-03-28' },
    { operator: 'in-past', days: 7 },
    ...(['today', 'yesterday', 'this-week', 'last-week', 'this-month', 'last-month'] as const).map((frame) => ({ operator: 'in-time-frame', frame })),
  ];
  const watchDurations = [
    ...(['is', 'is-not', 'greater-than', 'less-than', 'at-least', 'at-most'] as const).map((operator) => ({ operator, minutes: 10 })),
    { operator: 'between', minutes: 10, to: 20 },
  ];
  const cases: AttendanceCriteria[] = [];
  for (const kind of ['has-attended', 'has-not-attended', 'attends-event'] as const) {
    cases.push({ version: 1, kind }, { version: 1, kind, eventMode: 'live' }, { version: 1, kind, eventMode: 'on-demand' });
    for (const watchDate of watchDates) cases.push({ version: 1, kind, eventMode: 'on-demand', watchDate } as AttendanceCriteria);
    for (const watchDuration of watchDurations) cases.push({ version: 1, kind, eventMode: 'on-demand', watchDuration } as AttendanceCriteria);
  }

  it('covers all operators', () => {
    expect(new Set(watchDates.map((constraint) => constraint.operator))).toEqual(new Set(WATCH_DATE_OPERATORS));
    expect(new Set(watchDurations.map((constraint) => constraint.operator))).toEqual(new Set(WATCH_DURATION_OPERATORS));
  });

  it.each(cases.map((criteria) => [JSON.stringify(criteria), criteria]))('%s round-trips through JSON', (json) => {
    expect(validateCriteria(JSON.parse(json))).toEqual({ valid: true, criteria: JSON.parse(json) });
  });

  it('reads a null Event Mode as unset (live or on-demand)', () => {
    expect(validateCriteria({ version: 1, kind: 'has-attended', eventMode: null })).toEqual({ valid: true, criteria: { version: 1, kind: 'has-attended' } });
  });
});

describe('validateCriteria rejects with the field named', () => {
  it.each<[string, unknown, string, RegExp]>([
    ['not an object', 'has-attended', '', /must be an object/],
    ['an unknown version', { version: 2, kind: 'has-attended' }, 'version', /^version must be 1, the criteria version this kit reads, got 2\.$/],
    ['an unknown kind', { version: 1, kind: 'watched' }, 'kind', /"has-attended", "has-not-attended", "attends-event"/],
    ['an unknown mode', { version: 1, kind: 'has-attended', eventMode: 'both' }, 'eventMode', /left out for both/],
    ['an unknown field', { version: 1, kind: 'has-attended', audience: 3 }, 'audience', /Unknown field "audience"/],
    ['Watch Date with mode live', { version: 1, kind: 'has-attended', eventMode: 'live', watchDate: { operator: 'in-past', days: 3 } }, 'watchDate', /only available when Event Mode is On-Demand \(Event Mode is "live"\)/],
    ['Watch Duration with mode unset', { version: 1, kind: 'attends-event', watchDuration: { operator: 'at-least', minutes: 3 } }, 'watchDuration', /only available when Event Mode is On-Demand \(Event Mode is unset/],
    ['an unknown date operator', { ...onDemand, watchDate: { operator: 'around', date: '2026-03-21' } }, 'watchDate.operator', /must be one of/],
    ['a missing date', { ...onDemand, watchDate: { operator: 'is' } }, 'watchDate.date', /^watchDate.date must be a calendar day YYYY-MM-DD, got undefined\.$/],
    ['an impossible date', { ...onDemand, watchDate: { operator: 'before', date: '2026-02-30' } }, 'watchDate.date', /got "2026-02-30"/],
    ['between without end', { ...onDemand, watchDate: { operator: 'between', date: '2026-03-21' } }, 'watchDate.to', /^watchDate.to must be a calendar day YYYY-MM-DD/],
    ['between reversed', { ...onDemand, watchDate: { operator: 'between', date: '2026-03-28', to: '2026-03-21' } }, 'watchDate.to', /^watchDate.to must not be less than watchDate.date\.$/],
    ['in past without N', { ...onDemand, watchDate: { operator: 'in-past' } }, 'watchDate.days', /at least 1/],
    ['in past 0 days', { ...onDemand, watchDate: { operator: 'in-past', days: 0 } }, 'watchDate.days', /at least 1/],
    ['in past 2.5 days', { ...onDemand, watchDate: { operator: 'in-past', days: 2.5 } }, 'watchDate.days', /whole number/],
    ['an unknown time frame', { ...onDemand, watchDate: { operator: 'in-time-frame', frame: 'this-year' } }, 'watchDate.frame', /"today"/],
    ['a field of another operator', { ...onDemand, watchDate: { operator: 'is', date: '2026-03-21', days: 3 } }, 'watchDate.days', /Unknown field "days" for Watch Date operator "is"/],
    ['negative minutes', { ...onDemand, watchDuration: { operator: 'at-least', minutes: -1 } }, 'watchDuration.minutes', /at least 0/],
    ['fractional minutes', { ...onDemand, watchDuration: { operator: 'is', minutes: 1.5 } }, 'watchDuration.minutes', /whole number/],
    ['minutes as text', { ...onDemand, watchDuration: { operator: 'is', minutes: '5' } }, 'watchDuration.minutes', /got "5"/],
    ['between without maximum', { ...onDemand, watchDuration: { operator: 'between', minutes: 5 } }, 'watchDuration.to', /whole number/],
    ['between reversed', { ...onDemand, watchDuration: { operator: 'between', minutes: 9, to: 5 } }, 'watchDuration.to', /^watchDuration.to must not be less than watchDuration.minutes\.$/],
    ['an unknown duration operator', { ...onDemand, watchDuration: { operator: 'about', minutes: 5 } }, 'watchDuration.operator', /must be one of/],
    ['a constraint that is not an object', { ...onDemand, watchDuration: 5 }, 'watchDuration', /must be an object/],
  ])('%s', (_, input, path, message) => {
    const result = validateCriteria(input);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.errors).toEqual([expect.objectContaining({ path, message: expect.stringMatching(message) })]);
  });

  it('reports every problem, not only the first', () => {
    const result = validateCriteria({ version: 1, kind: 'nope', eventMode: 'live', watchDuration: { operator: 'is', minutes: -3 } });
    expect(result.valid ? [] : result.errors.map((error) => error.path)).toEqual(['kind', 'watchDuration', 'watchDuration.minutes']);
  });

  it("checks Watch Date days against the event's window when given the event", () => {
    const input = { ...onDemand, watchDate: { operator: 'between', date: '2026-03-19', to: '2026-04-20' } };
    expect(validateCriteria(input).valid).toBe(true);
    const result = validateCriteria(input, { event: amsterdamEvent });
    const params = { firstDay: '2026-03-20', lastDay: '2026-04-19' };
    expect(result.valid ? [] : result.errors).toEqual([
      { path: 'watchDate.date', code: 'outside-window', params, message: 'watchDate.date 2026-03-19 is outside the on-demand window 2026-03-20 … 2026-04-19.' },
      { path: 'watchDate.to', code: 'outside-window', params, message: 'watchDate.to 2026-04-20 is outside the on-demand window 2026-03-20 … 2026-04-19.' },
    ]);
  });
});

describe('validateCriteria names the rule broken: a stable code with the params a message needs', () => {
  const live = { version: 1, kind: 'has-attended', eventMode: 'live' } as const;
  // One row per code (more where a code has more than one kind of place): input → path, code, params.
  const rows: [CriteriaErrorCode, unknown, Pick<CriteriaError, 'path' | 'code' | 'params'>][] = [
    ['not-an-object', null, { path: '', code: 'not-an-object', params: {} }],
    ['not-an-object', { ...onDemand, watchDate: 'today' }, { path: 'watchDate', code: 'not-an-object', params: {} }],
    ['unknown-field', { version: 1, kind: 'has-attended', audience: 3 }, { path: 'audience', code: 'unknown-field', params: { field: 'audience' } }],
    ['unknown-field', { ...onDemand, watchDate: { operator: 'is', date: '2026-03-21', days: 3 } }, { path: 'watchDate.days', code: 'unknown-field', params: { field: 'days', operator: 'is' } }],
    ['unsupported-version', { version: 2, kind: 'has-attended' }, { path: 'version', code: 'unsupported-version', params: { supported: 1 } }],
    ['not-one-of', { version: 1, kind: 'watched' }, { path: 'kind', code: 'not-one-of', params: { allowed: [...CRITERIA_KINDS] } }],
    ['not-one-of', { version: 1, kind: 'has-attended', eventMode: 'both' }, { path: 'eventMode', code: 'not-one-of', params: { allowed: [...EVENT_MODES] } }],
    ['not-one-of', { ...onDemand, watchDate: { operator: 'around' } }, { path: 'watchDate.operator', code: 'not-one-of', params: { allowed: [...WATCH_DATE_OPERATORS] } }],
    ['not-one-of', { ...onDemand, watchDuration: { operator: 'about', minutes: 5 } }, { path: 'watchDuration.operator', code: 'not-one-of', params: { allowed: [...WATCH_DURATION_OPERATORS] } }],
    ['not-one-of', { ...onDemand, watchDate: { operator: 'in-time-frame', frame: 'this-year' } }, { path: 'watchDate.frame', code: 'not-one-of', params: { allowed: [...TIME_FRAMES] } }],
    ['not-a-whole-number', { ...onDemand, watchDate: { operator: 'in-past', days: 0 } }, { path: 'watchDate.days', code: 'not-a-whole-number', params: { least: 1 } }],
    ['not-a-whole-number', { ...onDemand, watchDuration: { operator: 'is', minutes: 1.5 } }, { path: 'watchDuration.minutes', code: 'not-a-whole-number', params: { least: 0 } }],
    ['not-a-whole-number', { ...onDemand, watchDuration: { operator: 'between', minutes: 5 } }, { path: 'watchDuration.to', code: 'not-a-whole-number', params: { least: 0 } }],
    ['not-a-calendar-day', { ...onDemand, watchDate: { operator: 'before', date: '2026-02-30' } }, { path: 'watchDate.date', code: 'not-a-calendar-day', params: {} }],
    ['not-a-calendar-day', { ...onDemand, watchDate: { operator: 'between', date: '2026-03-21' } }, { path: 'watchDate.to', code: 'not-a-calendar-day', params: {} }],
    ['outside-window', { ...onDemand, watchDate: { operator: 'is', date: '2026-04-20' } }, { path: 'watchDate.date', code: 'outside-window', params: { firstDay: '2026-03-20', lastDay: '2026-04-19' } }],
    ['range-reversed', { ...onDemand, watchDate: { operator: 'between', date: '2026-03-28', to: '2026-03-21' } }, { path: 'watchDate.to', code: 'range-reversed', params: { from: 'watchDate.date' } }],
    ['range-reversed', { ...onDemand, watchDuration: { operator: 'between', minutes: 9, to: 5 } }, { path: 'watchDuration.to', code: 'range-reversed', params: { from: 'watchDuration.minutes' } }],
    ['needs-on-demand', { ...live, watchDate: { operator: 'in-past', days: 3 } }, { path: 'watchDate', code: 'needs-on-demand', params: { eventMode: 'live' } }],
    ['needs-on-demand', { version: 1, kind: 'attends-event', eventMode: null, watchDuration: { operator: 'at-least', minutes: 3 } }, { path: 'watchDuration', code: 'needs-on-demand', params: { eventMode: null } }],
  ];

  it('has a row for every code', () => {
    expect(new Set(rows.map(([code]) => code))).toEqual(new Set(CRITERIA_ERROR_CODES));
  });

  it.each(rows)('%s: %j', (_code, input, expected) => {
    const result = validateCriteria(input, { event: amsterdamEvent });
    expect(result.valid ? [] : result.errors.map(({ path, code, params }) => ({ path, code, params }))).toEqual([expected]);
  });

  it('keeps the English message beside the code', () => {
    const result = validateCriteria({ ...onDemand, watchDate: { operator: 'in-past', days: 0 } });
    expect(result.valid ? undefined : result.errors[0]?.message).toBe('watchDate.days must be a whole number of at least 1, got 0.');
  });

  it('serializes: codes and params survive JSON, as a backend sends them', () => {
    const result = validateCriteria({ ...live, watchDuration: { operator: 'between', minutes: 9, to: 5 } });
    expect(result.valid ? [] : JSON.parse(JSON.stringify(result.errors))).toEqual(result.valid ? [] : result.errors);
  });
});
