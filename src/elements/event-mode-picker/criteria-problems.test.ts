import { describe, expect, it } from 'vitest';
import { CRITERIA_ERROR_CODES, TIME_FRAMES, validateCriteria, WATCH_DURATION_OPERATORS, type AttendanceCriteria } from '../../core/index.ts';
import { amsterdamEvent } from '../../../test/fixtures/widget-data.ts';
import { defaultDraft, fromCriteria, setInput } from './criteria-draft.ts';
import { changeDetail, checkDraft, lastCheck, problemOf } from './criteria-problems.ts';
import { eventModePickerStrings } from './event-mode-picker.strings.ts';
import nl from './event-mode-picker.strings.nl.ts';

const onDemand = { version: 1, kind: 'has-attended', eventMode: 'on-demand' } as const;

/** Core's errors for `criteria`, as the picker shows them. */
function placed(criteria: unknown, withEvent = false) {
  const result = validateCriteria(criteria, withEvent ? { event: amsterdamEvent } : {});
  return (result.valid ? [] : result.errors).map((error) => ({ error, ...problemOf(error, criteria as Record<string, unknown>) }));
}

const problemsOf = (criteria: unknown, withEvent = false) => placed(criteria, withEvent).map(({ field, key }) => ({ field, key }));

describe('the picker places core’s errors by their code', () => {
  it('puts each of core’s errors on its field, with the picker’s message for it', () => {
    expect(problemsOf({ ...onDemand, watchDate: { operator: 'between', date: '2026-03-25', to: '2026-03-21' } })).toEqual([{ field: 'watchDate.to', key: 'date-order' }]);
    expect(problemsOf({ ...onDemand, watchDate: { operator: 'is', date: '2026-01-01' } }, true)).toEqual([{ field: 'watchDate.date', key: 'date-outside-window' }]);
    expect(problemsOf({ ...onDemand, watchDate: { operator: 'is' } })).toEqual([{ field: 'watchDate.date', key: 'date-missing' }]);
    expect(problemsOf({ ...onDemand, watchDate: { operator: 'in-past' } })).toEqual([{ field: 'watchDate.days', key: 'days-invalid' }]);
    expect(problemsOf({ ...onDemand, watchDate: { operator: 'in-time-frame', frame: 'fortnight' } })).toEqual([{ field: 'watchDate.frame', key: 'frame-invalid' }]);
    expect(problemsOf({ ...onDemand, watchDate: { operator: 'soon' } })).toEqual([{ field: 'watchDate.operator', key: 'choose-operator' }]);
    expect(problemsOf({ ...onDemand, watchDuration: { operator: 'at-least', minutes: -5 } })).toEqual([{ field: 'watchDuration.minutes', key: 'minutes-invalid' }]);
    expect(problemsOf({ ...onDemand, watchDuration: { operator: 'between', minutes: 30, to: 5 } })).toEqual([{ field: 'watchDuration.to', key: 'minutes-order' }]);
    expect(problemsOf({ ...onDemand, watchDuration: 'long' })).toEqual([{ field: 'watchDuration', key: 'constraint-not-an-object' }]);
    expect(problemsOf({ version: 1, kind: 'x', eventMode: 'hybrid' })).toEqual([
      { field: 'kind', key: 'choose-kind' },
      { field: 'eventMode', key: 'choose-event-mode' },
    ]);
    expect(problemsOf({ version: 3, kind: 'has-attended', color: 'red' })).toEqual([
      { field: 'general', key: 'unknown-field' },
      { field: 'general', key: 'unsupported-version' },
    ]);
    expect(problemsOf({ ...onDemand, watchDate: { operator: 'is', date: '2026-03-22', to: '2026-03-30' } })).toEqual([{ field: 'general', key: 'unknown-field' }]);
  });

  it('names the constraint that needs Event Mode On-Demand, for live and for unset', () => {
    for (const eventMode of ['live', undefined]) {
      const criteria = { version: 1, kind: 'has-attended', eventMode, watchDate: { operator: 'in-past', days: 2 }, watchDuration: { operator: 'is', minutes: 2 } };
      expect(problemsOf(criteria)).toEqual([
        { field: 'watchDate', key: 'needs-on-demand' },
        { field: 'watchDuration', key: 'needs-on-demand' },
      ]);
    }
    expect(problemsOf({ version: 1, kind: 'has-attended', eventMode: 'live', watchDuration: 7 })).toEqual([
      { field: 'watchDuration', key: 'needs-on-demand' },
      { field: 'watchDuration', key: 'constraint-not-an-object' },
    ]);
  });

  it('has words of its own for every code of core (in English and Dutch)', () => {
    const inputs: [unknown, boolean][] = [
      [{ ...onDemand, watchDuration: 'long' }, false],
      [{ version: 2, kind: 'has-attended', color: 'red' }, false],
      [{ version: 1, kind: 'x' }, false],
      [{ ...onDemand, watchDate: { operator: 'in-past', days: 0 } }, false],
      [{ ...onDemand, watchDate: { operator: 'between', date: '2026-03-19', to: 'soon' } }, true],
      [{ ...onDemand, watchDate: { operator: 'between', date: '2026-03-25', to: '2026-03-21' } }, false],
      [{ version: 1, kind: 'has-attended', watchDate: { operator: 'in-past', days: 2 } }, false],
    ];
    const seen = new Set<string>();
    for (const [criteria, withEvent] of inputs) {
      for (const { error, key } of placed(criteria, withEvent)) {
        seen.add(error.code);
        expect(key, `${error.code} at ${error.path}`).not.toBe('other');
        expect(eventModePickerStrings.en.problems[key]).not.toContain('{message}');
        expect(nl.problems[key]).not.toBe(eventModePickerStrings.en.problems[key]);
      }
    }
    expect(seen).toEqual(new Set(CRITERIA_ERROR_CODES));
  });

  it('hands on what a message needs from core’s params: the bound, the window, the versions', () => {
    const values = (criteria: unknown, withEvent = false) => placed(criteria, withEvent)[0]?.values;
    expect(values({ ...onDemand, watchDate: { operator: 'in-past', days: 0 } })).toMatchObject({ least: 1 });
    expect(values({ ...onDemand, watchDuration: { operator: 'is', minutes: -1 } })).toMatchObject({ least: 0 });
    expect(values({ ...onDemand, watchDate: { operator: 'is', date: '2026-01-01' } }, true)).toMatchObject({ first: '2026-03-20', last: '2026-04-19' });
    expect(values({ version: 2, kind: 'has-attended' })).toMatchObject({ version: '2', supported: 1 });
    expect(values({ version: 1, kind: 'has-attended', audience: 3 })).toMatchObject({ field: 'audience' });
  });

  it('puts what it cannot read first, and is never valid then', () => {
    const check = checkDraft(defaultDraft(), undefined, 'not-json');
    expect(check.problems).toEqual([{ field: 'general', key: 'not-json', values: {} }]);
    expect(check.criteria).toBeUndefined();
  });

  it('every time frame and operator of valid criteria gives no problem', () => {
    const valid: AttendanceCriteria[] = [
      ...TIME_FRAMES.map((frame) => ({ ...onDemand, watchDate: { operator: 'in-time-frame' as const, frame } })),
      ...WATCH_DURATION_OPERATORS.map((operator) => ({ ...onDemand, watchDuration: operator === 'between' ? { operator, minutes: 1, to: 2 } : { operator, minutes: 1 } })),
    ];
    for (const criteria of valid) expect(problemsOf(criteria, true)).toEqual([]);
  });
});

describe('lastCheck', () => {
  it('checks a draft once, again when the draft, the event or the readability changes', () => {
    const check = lastCheck();
    const draft = fromCriteria({ ...onDemand, watchDate: { operator: 'is', date: '2026-01-01' } });
    const first = check(draft, undefined, undefined);
    expect(check(draft, undefined, undefined)).toBe(first);
    expect(first.criteria).toBeDefined();
    const withEvent = check(draft, amsterdamEvent, undefined);
    expect(withEvent).not.toBe(first);
    expect(withEvent.criteria).toBeUndefined(); // outside the window
    expect(check(draft, amsterdamEvent, 'not-json')).not.toBe(withEvent);
    expect(check(setInput(draft, 'watchDate.date', '2026-03-22'), amsterdamEvent, undefined).criteria).toBeDefined();
  });

  it('hands out change details that are copies', () => {
    const check = checkDraft(fromCriteria(onDemand), undefined, undefined);
    const detail = changeDetail(check);
    expect(detail).toEqual({ valid: true, criteria: onDemand, errors: [] });
    (detail.criteria as { kind: string }).kind = 'mutated';
    expect(check.criteria?.kind).toBe('has-attended');
    const invalid = changeDetail(checkDraft(fromCriteria({ ...onDemand, watchDuration: { operator: 'is', minutes: -1 } }), undefined, undefined));
    expect(invalid).toMatchObject({ valid: false, criteria: { ...onDemand, watchDuration: { operator: 'is', minutes: -1 } }, errors: [{ path: 'watchDuration.minutes', code: 'not-a-whole-number', params: { least: 0 } }] });
  });
});
