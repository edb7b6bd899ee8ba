import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../core/index.ts';
import { ERROR_STATUS, errorBody, inputProblem, problem, readErrorBody, unknownEventProblem } from './errors.ts';

describe('error body', () => {
  it('gives every code its status', () => {
    expect(problem('invalid-range', 'Backwards.', { field: 'to' })).toEqual({ status: 400, code: 'invalid-range', message: 'Backwards.', field: 'to' });
    expect(unknownEventProblem('nope')).toEqual({ status: 404, code: 'not-found', message: 'There is no event "nope".' });
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(status >= 400 && status < 600).toBe(true);
    }
  });

  it('writes only code, message and (with criteria) errors', () => {
    expect(errorBody(problem('invalid-request', 'Bad now.', { field: 'now' }))).toEqual({ error: { code: 'invalid-request', message: 'Bad now.' } });
    const errors = [{ path: 'kind', message: 'Unknown.' }] as never;
    expect(errorBody(problem('invalid-criteria', 'Not valid.', { errors }))).toEqual({ error: { code: 'invalid-criteria', message: 'Not valid.', errors } });
  });

  it('reads what it writes, and any sloppy error body', () => {
    expect(readErrorBody(errorBody(problem('not-found', 'Gone.')))).toEqual({ code: 'not-found', message: 'Gone.', errors: [] });
    expect(readErrorBody({ error: { message: 7, errors: [{ path: 'a', message: 'b' }, null, { message: 'c' }] } })).toEqual({
      code: '',
      message: '',
      errors: [
        { path: 'a', message: 'b' },
        { path: '', message: '' },
        { path: '', message: 'c' },
      ],
    });
    for (const body of [null, undefined, 'x', 42, {}, { error: 'x' }, { error: null }]) expect(readErrorBody(body)).toBeUndefined();
  });

  it('turns core’s refusal of a request value into a problem, and rethrows anything else', () => {
    expect(inputProblem(new InvalidInputError('range.to', 'range.to is after the window.', 'request'), 'invalid-range')).toEqual({ status: 400, code: 'invalid-range', message: 'range.to is after the window.', field: 'range.to' });
    const bug = new TypeError('x is undefined');
    expect(() => inputProblem(bug, 'invalid-range')).toThrow(bug);
    const badData = new InvalidInputError('event.endsAt', 'event.endsAt must be an instant.', 'data');
    expect(() => inputProblem(badData, 'invalid-range')).toThrow(badData);
  });
});
