import { describe, expect, it } from 'vitest';
import { validateCriteria, WATCH_DATE_OPERATORS, WATCH_DURATION_OPERATORS } from '../../core/index.ts';
import { amsterdamEvent } from '../../../test/fixtures/widget-data.ts';
import {
  defaultDraft,
  draftDefaults,
  fromCriteria,
  readCriteria,
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

/** The codes of core's errors for what a draft stands for. */
const codesOf = (criteria: unknown) => {
  const result = validateCriteria(criteria);
  return result.valid ? [] : result.errors.map((error) => error.code);
};

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
    expect(codesOf(toCriteria(draft))).toEqual(['unknown-field', 'unsupported-version', 'needs-on-demand', 'unknown-field']);
    const cleaned = removeUnsupported(draft);
    expect(codesOf(toCriteria(cleaned))).toEqual(['needs-on-demand']);
    expect(toCriteria(cleaned)).toEqual({ version: 1, kind: 'has-attended', watchDuration: { operator: 'is', minutes: 3 } });
  });

  it('reads criteria given from outside: objects, JSON text, nothing, and what it cannot read', () => {
    const criteria = { version: 1, kind: 'has-attended', eventMode: 'live' };
    expect(readCriteria(criteria)).toEqual({ draft: fromCriteria(criteria), unreadable: undefined });
    expect(readCriteria(JSON.stringify(criteria))).toEqual({ draft: fromCriteria(criteria), unreadable: undefined });
    for (const nothing of [undefined, null, '', '  ']) expect(readCriteria(nothing)).toEqual({ draft: defaultDraft(), unreadable: undefined });
    for (const [input, unreadable] of [['{"version":1, kind', 'not-json'], ['[1]', 'not-an-object'], [7, 'not-an-object']] as const) {
      const read = readCriteria(input);
      expect(read.unreadable).toBe(unreadable);
      expect(toCriteria(read.draft)).toEqual({ version: 1 }); // no kind: the user chooses one
    }
  });

  it("takes today in the event's zone and the window once the event is known", () => {
    const lateEvening = new Date('2026-03-24T23:30:00Z'); // already the 25th in Amsterdam
    expect(draftDefaults(lateEvening, amsterdamEvent)).toEqual({ today: '2026-03-25', ...window });
    expect(draftDefaults(lateEvening, undefined)).toEqual({ today: expect.stringMatching(/^2026-03-2[45]$/) });
  });
});
