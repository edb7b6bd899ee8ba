import { describe, expect, it } from 'vitest';
import { TIME_FRAMES, validateCriteria, WATCH_DATE_OPERATORS, WATCH_DURATION_OPERATORS, type AttendanceCriteria } from '../../core/index.ts';
import { amsterdamEvent } from '../../../test/fixtures/widget-data.ts';
import {
  defaultDraft,
  describeProblems,
  fromCriteria,
  hasUnsupported,
  removeUnsupported,
  setConstraintOn,
  setEventMode,
  setInput,
  setWatchDateOperator,
  setWatchDurationOperator,
  toCriteria,
} from './criteria-draft.ts';

const window = { firstDay: '2026-03-20', lastDay: '2026-04-19' };
const defaults = { today: '2026-03-25', ...window };

function problemsOf(criteria: unknown, withEvent = false) {
  const result = validateCriteria(criteria, withEvent ? { event: amsterdamEvent } : {});
  return result.valid ? [] : describeProblems(result.errors, criteria, withEvent ? window : undefined).map(({ field, code }) => ({ field, code }));
}

describe('criteria draft', () => {
  it('starts as the default criteria', () => {
    expect(toCriteria(defaultDraft())).toEqual({ version: 1, kind: 'has-attended' });
  });

  it('gives back what it was given, valid or not, known or not', () => {
    const inputs: unknown[] = [
      { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'between', date: '2026-03-21', to: '2026-03-23' }, watchDuration: { operator: 'between', minutes: 1, to: 9 } },
      { version: 1, kind: 'has-not-attended', eventMode: 'live', watchDate: { operator: 'in-past', days: 3 } },
      { version: 2, kind: 'whatever', eventMode: 'hybrid', audience: ['x'], watchDuration: { operator: 'at-least', minutes: -1, unit: 'h' } },
      { version: 1, kind: 'attends-event', eventMode: 'on-demand', watchDate: { operator: 'is', date: '2026-03-22', to: '2026-03-30' } },
      { version: 1, kind: 'attends-event', eventMode: 'on-demand', watchDate: { operator: 'during', date: '2026-03-22' } },
      { kind: 'has-attended' },
    ];
    for (const input of inputs) expect(toCriteria(fromCriteria(input))).toEqual(input);
  });

  it('reads a null Event Mode as unset', () => {
    expect(toCriteria(fromCriteria({ version: 1, kind: 'has-attended', eventMode: null }))).toEqual({ version: 1, kind: 'has-attended' });
  });

  it('keeps constraint inputs while the constraint is off, and while switching operators', () => {
    let draft = setEventMode(defaultDraft(), 'on-demand');
    draft = setConstraintOn(draft, 'watchDate', true, defaults);
    draft = setWatchDateOperator(draft, 'between', defaults);
    expect(toCriteria(draft).watchDate).toEqual({ operator: 'between', date: '2026-03-20', to: '2026-03-25' });
    draft = setInput(draft, 'watchDate.to', '2026-03-24');
    draft = setWatchDateOperator(draft, 'in-past', defaults);
    expect(toCriteria(draft).watchDate).toEqual({ operator: 'in-past', days: 7 });
    draft = setWatchDateOperator(draft, 'between', defaults);
    expect(toCriteria(draft).watchDate).toEqual({ operator: 'between', date: '2026-03-20', to: '2026-03-24' });
    draft = setConstraintOn(draft, 'watchDate', false, defaults);
    expect(toCriteria(draft).watchDate).toBeUndefined();
    draft = setConstraintOn(draft, 'watchDate', true, defaults);
    expect(toCriteria(draft).watchDate).toEqual({ operator: 'between', date: '2026-03-20', to: '2026-03-24' });
  });

  it('turning a constraint on fills what its operator lacks, as choosing the operator does', () => {
    let draft = fromCriteria({ version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'between', minutes: 5 } });
    draft = setConstraintOn(draft, 'watchDuration', false, defaults);
    expect(toCriteria(draft).watchDuration).toBeUndefined();
    draft = setConstraintOn(draft, 'watchDuration', true, defaults);
    expect(toCriteria(draft).watchDuration).toEqual({ operator: 'between', minutes: 5, to: 35 });
  });

  it('fills every operator with a valid default', () => {
    for (const operator of WATCH_DATE_OPERATORS) {
      const draft = setWatchDateOperator(setConstraintOn(setEventMode(defaultDraft(), 'on-demand'), 'watchDate', true, defaults), operator, defaults);
      expect(validateCriteria(toCriteria(draft), { event: amsterdamEvent }).valid, operator).toBe(true);
    }
    for (const operator of WATCH_DURATION_OPERATORS) {
      const draft = setWatchDurationOperator(setConstraintOn(setEventMode(defaultDraft(), 'on-demand'), 'watchDuration', true, defaults), operator);
      expect(validateCriteria(toCriteria(draft)).valid, operator).toBe(true);
    }
    const between = setWatchDurationOperator(setInput(defaultDraft(), 'watchDuration.minutes', 15), 'between');
    expect(between.watchDuration).toMatchObject({ minutes: 15, to: 45 });
  });

  it('clamps a default date into the window', () => {
    const late = setWatchDateOperator(setConstraintOn(defaultDraft(), 'watchDate', true, defaults), 'is', { ...defaults, today: '2026-05-01' });
    expect(late.watchDate.date).toBe('2026-04-19');
    const early = setWatchDateOperator(setConstraintOn(defaultDraft(), 'watchDate', true, defaults), 'between', { ...defaults, today: '2026-03-01' });
    expect(early.watchDate).toMatchObject({ date: '2026-03-20', to: '2026-03-20' });
  });

  it('adopts a field it kept as extra when the operator comes to need it', () => {
    let draft = fromCriteria({ version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'is', date: '2026-03-22', to: '2026-03-30' } });
    draft = setWatchDateOperator(draft, 'between', defaults);
    expect(toCriteria(draft).watchDate).toEqual({ operator: 'between', date: '2026-03-22', to: '2026-03-30' });
  });

  it('removes unsupported settings only when asked', () => {
    const draft = fromCriteria({ version: 2, kind: 'has-attended', extra: 1, watchDuration: { operator: 'is', minutes: 3, unit: 'h' } });
    expect(hasUnsupported(draft)).toBe(true);
    const cleaned = removeUnsupported(draft);
    expect(hasUnsupported(cleaned)).toBe(false);
    expect(toCriteria(cleaned)).toEqual({ version: 1, kind: 'has-attended', watchDuration: { operator: 'is', minutes: 3 } });
  });
});

describe('describeProblems', () => {
  const onDemand = { version: 1, kind: 'has-attended', eventMode: 'on-demand' } as const;

  it('places each of core’s errors on its field', () => {
    expect(problemsOf({ ...onDemand, watchDate: { operator: 'between', date: '2026-03-25', to: '2026-03-21' } })).toEqual([{ field: 'watchDate.to', code: 'date-order' }]);
    expect(problemsOf({ ...onDemand, watchDate: { operator: 'is', date: '2026-01-01' } }, true)).toEqual([{ field: 'watchDate.date', code: 'date-outside-window' }]);
    expect(problemsOf({ ...onDemand, watchDate: { operator: 'is' } })).toEqual([{ field: 'watchDate.date', code: 'date-missing' }]);
    expect(problemsOf({ ...onDemand, watchDate: { operator: 'in-past' } })).toEqual([{ field: 'watchDate.days', code: 'days-invalid' }]);
    expect(problemsOf({ ...onDemand, watchDate: { operator: 'in-time-frame', frame: 'fortnight' } })).toEqual([{ field: 'watchDate.frame', code: 'frame-invalid' }]);
    expect(problemsOf({ ...onDemand, watchDate: { operator: 'soon' } })).toEqual([{ field: 'watchDate.operator', code: 'choose-operator' }]);
    expect(problemsOf({ ...onDemand, watchDuration: { operator: 'at-least', minutes: -5 } })).toEqual([{ field: 'watchDuration.minutes', code: 'minutes-invalid' }]);
    expect(problemsOf({ ...onDemand, watchDuration: { operator: 'between', minutes: 30, to: 5 } })).toEqual([{ field: 'watchDuration.to', code: 'minutes-order' }]);
    expect(problemsOf({ ...onDemand, watchDuration: 'long' })).toEqual([{ field: 'watchDuration', code: 'constraint-not-an-object' }]);
    expect(problemsOf({ version: 1, kind: 'x', eventMode: 'hybrid' })).toEqual([
      { field: 'kind', code: 'choose-kind' },
      { field: 'eventMode', code: 'choose-event-mode' },
    ]);
    expect(problemsOf({ version: 3, kind: 'has-attended', color: 'red' })).toEqual([
      { field: 'general', code: 'unknown-field' },
      { field: 'general', code: 'unsupported-version' },
    ]);
    expect(problemsOf({ ...onDemand, watchDate: { operator: 'is', date: '2026-03-22', to: '2026-03-30' } })).toEqual([{ field: 'general', code: 'unknown-field' }]);
  });

  it('names the constraint that needs Event Mode On-Demand, for live and for unset', () => {
    for (const eventMode of ['live', undefined]) {
      const criteria = { version: 1, kind: 'has-attended', eventMode, watchDate: { operator: 'in-past', days: 2 }, watchDuration: { operator: 'is', minutes: 2 } };
      expect(problemsOf(criteria)).toEqual([
        { field: 'watchDate', code: 'needs-on-demand' },
        { field: 'watchDuration', code: 'needs-on-demand' },
      ]);
    }
    expect(problemsOf({ version: 1, kind: 'has-attended', eventMode: 'live', watchDuration: 7 })).toEqual([
      { field: 'watchDuration', code: 'needs-on-demand' },
      { field: 'watchDuration', code: 'constraint-not-an-object' },
    ]);
  });

  it('every time frame and operator of valid criteria gives no problem', () => {
    const valid: AttendanceCriteria[] = [
      ...TIME_FRAMES.map((frame) => ({ ...onDemand, watchDate: { operator: 'in-time-frame' as const, frame } })),
      ...WATCH_DURATION_OPERATORS.map((operator) => ({ ...onDemand, watchDuration: operator === 'between' ? { operator, minutes: 1, to: 2 } : { operator, minutes: 1 } })),
    ];
    for (const criteria of valid) expect(problemsOf(criteria, true)).toEqual([]);
  });
});
