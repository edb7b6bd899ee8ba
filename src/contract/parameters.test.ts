import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, type Parsed } from './errors.ts';
import {
  checkJsonContentType,
  parseAudienceCountBody,
  parseAudienceCountRequest,
  parseClosingThreshold,
  parseDayRange,
  parseFunnelQuery,
  parseLevel,
  parseNow,
  parseProjectionQuery,
  parseStatisticsQuery,
  parseSummaryQuery,
} from './parameters.ts';

/** The problem of a refused result, as `[status, code, field]`. */
function refusal(result: Parsed<unknown>): [number, string, string | undefined] {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  expect(result.problem.status).toBe(ERROR_STATUS[result.problem.code]);
  return [result.problem.status, result.problem.code, result.problem.field];
}

function value<T>(result: Parsed<T>): T {
  if (!result.ok) throw new Error(`expected a value, got ${result.problem.message}`);
  return result.value;
}

const criteria = { version: 1, kind: 'has-attended' } as const;

describe('parseNow', () => {
  it.each([
    ['2026-03-19T14:00:00Z', '2026-03-19T14:00:00.000Z'],
    ['2026-03-19t14:00z', '2026-03-19T14:00:00.000Z'],
    ['2026-03-19T15:00:00+01:00', '2026-03-19T14:00:00.000Z'],
    ['2026-03-19T09:30:00.5-0430', '2026-03-19T14:00:00.500Z'],
    // The year 99, not 1999 (the Date.UTC two-digit-year trap): the clock check then refuses it.
    ['0099-05-01T00:00:00Z', '0099-05-01T00:00:00.000Z'],
  ])('reads %s with core’s instant parser', (text, iso) => {
    expect(value(parseNow(text))?.toISOString()).toBe(iso);
  });

  it('leaves an absent now to the backend’s clock', () => {
    expect(value(parseNow(undefined))).toBeUndefined();
  });

  it.each([
    ['text', 'yesterday'],
    ['no offset', '2026-03-19T14:00:00'],
    ['a bare day', '2026-03-19'],
    ['a day that does not exist', '2026-02-30T10:00:00Z'],
    ['an hour out of range', '2026-03-19T24:00:00Z'],
    ['empty', ''],
    ['a number', 1_773_928_800_000],
    ['null', null],
    ['an object', { at: '2026-03-19T14:00:00Z' }],
  ])('refuses %s as 400 invalid-request naming now', (_name, given) => {
    expect(refusal(parseNow(given))).toEqual([400, 'invalid-request', 'now']);
  });

  it('says what was given', () => {
    const result = parseNow('2026-03-19T14:00:00');
    expect(!result.ok && result.problem.message).toBe('now must be an ISO-8601 instant with an offset (…Z or …+01:00), got "2026-03-19T14:00:00".');
  });
});

describe('parseClosingThreshold', () => {
  it.each([
    ['0', 0],
    ['5', 5],
    ['30', 30],
    ['05', 5],
    // Form only: the range (at most 30) is core's rule, checked where the statistics are computed.
    ['31', 31],
    ['99999999999999999999', 1e20],
  ])('reads %j as %d', (text, expected) => {
    expect(value(parseClosingThreshold(text))).toBe(expected);
  });

  it('leaves an absent threshold to core’s default', () => {
    expect(value(parseClosingThreshold(null))).toBeUndefined();
    expect(value(parseClosingThreshold(undefined))).toBeUndefined();
  });

  it.each(['', '0x5', '1e1', '-1', '+1', '5.5', '5.', ' 5', '5 ', 'abc', 'Infinity', '٥'])('refuses %j as 400 invalid-request naming closingThreshold', (text) => {
    expect(refusal(parseClosingThreshold(text))).toEqual([400, 'invalid-request', 'closingThreshold']);
  });
});

describe('parseDayRange', () => {
  it('reads both days, or neither for the whole window', () => {
    expect(value(parseDayRange('2026-03-20', '2026-03-22'))).toEqual({ from: '2026-03-20', to: '2026-03-22' });
    expect(value(parseDayRange(null, null))).toBeUndefined();
    expect(value(parseDayRange(undefined, undefined))).toBeUndefined();
    // Backwards or outside the window: core's checkDayRange decides, with the event's window.
    expect(value(parseDayRange('2026-03-22', '2026-03-20'))).toEqual({ from: '2026-03-22', to: '2026-03-20' });
  });

  it.each<[string, string | null, string | null, string]>([
    ['from without to', '2026-03-20', null, 'to'],
    ['to without from', null, '2026-03-20', 'from'],
    ['from not a day', 'soon', '2026-03-20', 'from'],
    ['to not a day', '2026-03-20', 'later', 'to'],
    ['a day that does not exist', '2026-02-30', '2026-03-02', 'from'],
    ['an empty day', '', '2026-03-02', 'from'],
    ['an instant for a day', '2026-03-20', '2026-03-22T00:00:00Z', 'to'],
  ])('refuses %s as 400 invalid-range naming the parameter', (_name, from, to, field) => {
    expect(refusal(parseDayRange(from, to))).toEqual([400, 'invalid-range', field]);
  });

  it('reads a query string', () => {
    expect(value(parseSummaryQuery(new URLSearchParams('from=2026-03-20&to=2026-03-21')))).toEqual({ from: '2026-03-20', to: '2026-03-21' });
    expect(value(parseSummaryQuery(new URLSearchParams('')))).toBeUndefined();
    expect(refusal(parseSummaryQuery(new URLSearchParams('from=2026-03-20')))).toEqual([400, 'invalid-range', 'to']);
  });
});

describe('parseStatisticsQuery', () => {
  it('reads now and closingThreshold, each optional', () => {
    expect(value(parseStatisticsQuery(new URLSearchParams('now=2026-03-19T14%3A00%3A00Z&closingThreshold=3')))).toEqual({ now: new Date('2026-03-19T14:00:00Z'), closingThreshold: 3 });
    expect(value(parseStatisticsQuery(new URLSearchParams('')))).toEqual({ now: undefined, closingThreshold: undefined });
  });

  it.each([
    ['now=later', 'now'],
    ['now=', 'now'],
    ['now=2026-03-19T14:00:00Z&closingThreshold=1e1', 'closingThreshold'],
    ['closingThreshold=', 'closingThreshold'],
  ])('refuses %s naming %s', (query, field) => {
    expect(refusal(parseStatisticsQuery(new URLSearchParams(query)))).toEqual([400, 'invalid-request', field]);
  });
});

describe('checkJsonContentType', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8', ' application/json '])('accepts %j', (type) => {
    expect(checkJsonContentType(type).ok).toBe(true);
  });

  it.each([null, undefined, '', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/jsonp', 'application/json-patch+json'])('refuses %j as 415', (type) => {
    expect(refusal(checkJsonContentType(type))).toEqual([415, 'unsupported-media-type', 'content-type']);
  });
});

describe('parseAudienceCountBody', () => {
  it('reads the criteria (normalized by core) and now', () => {
    expect(value(parseAudienceCountBody({ criteria, now: '2026-03-19T14:00:00Z' }))).toEqual({ criteria: expect.objectContaining(criteria), now: new Date('2026-03-19T14:00:00Z') });
    expect(value(parseAudienceCountBody({ criteria })).now).toBeUndefined();
  });

  it.each<[string, unknown, string, string | undefined]>([
    ['not an object', 'criteria', 'invalid-request', undefined],
    ['null', null, 'invalid-request', undefined],
    ['an array', [criteria], 'invalid-request', undefined],
    ['no criteria', {}, 'invalid-criteria', 'criteria'],
    ['invalid criteria', { criteria: { version: 1, kind: 'has-attended', eventMode: 'live', watchDuration: { operator: 'at-least', minutes: 5 } } }, 'invalid-criteria', 'criteria'],
    ['now without an offset', { criteria, now: '2026-03-19T14:00:00' }, 'invalid-request', 'now'],
    ['now as a number', { criteria, now: 1_773_928_800_000 }, 'invalid-request', 'now'],
    ['now null', { criteria, now: null }, 'invalid-request', 'now'],
    ['now not a date', { criteria, now: 'never' }, 'invalid-request', 'now'],
  ])('refuses %s', (_name, body, code, field) => {
    expect(refusal(parseAudienceCountBody(body))).toEqual([400, code, field]);
  });

  it('carries every criteria error, checking the criteria before now', () => {
    const result = parseAudienceCountBody({ criteria: { version: 2, kind: 'has-attended', audience: 3 }, now: 'never' });
    expect(!result.ok && result.problem.code).toBe('invalid-criteria');
    expect(!result.ok && result.problem.errors?.map((error) => error.path)).toEqual(expect.arrayContaining(['version', 'audience']));
  });
});

describe('parseAudienceCountRequest', () => {
  const json = 'application/json';

  it('reads a JSON body sent as application/json', () => {
    expect(value(parseAudienceCountRequest(json, JSON.stringify({ criteria })))).toEqual({ criteria: expect.objectContaining(criteria), now: undefined });
  });

  it.each<[string, string | null, string, number, string]>([
    ['the media type first', 'text/plain;charset=UTF-8', '{ nope', 415, 'unsupported-media-type'],
    ['no media type', null, JSON.stringify({ criteria }), 415, 'unsupported-media-type'],
    ['a body that is not JSON', json, '{ nope', 400, 'invalid-request'],
    ['an empty body', json, '', 400, 'invalid-request'],
    ['JSON that is not an object', json, '42', 400, 'invalid-request'],
    ['no criteria', json, '{}', 400, 'invalid-criteria'],
  ])('refuses %s', (_name, type, text, status, code) => {
    expect(refusal(parseAudienceCountRequest(type, text)).slice(0, 2)).toEqual([status, code]);
  });
});

describe('parseLevel', () => {
  it.each<[string | null, number | undefined]>([
    [null, undefined],
    ['0.8', 0.8],
    ['0.95', 0.95],
    ['0.5', 0.5],
    // What String(level) writes for a tiny level.
    ['1e-7', 1e-7],
    ['0.999', 0.999],
  ])('reads %j as %j', (text, expected) => {
    expect(value(parseLevel(text))).toBe(expected);
  });

  it.each(['', '0', '1', '1.0', '-0.5', '80%', '.8', '0.8 ', 'NaN', 'Infinity', '0x1', '2'])('refuses %j with 400 naming level', (text) => {
    expect(refusal(parseLevel(text))).toEqual([400, 'invalid-request', 'level']);
  });
});

describe('parseFunnelQuery and parseProjectionQuery', () => {
  it('read now and level, undefined when absent', () => {
    expect(value(parseFunnelQuery(new URLSearchParams()))).toEqual({ now: undefined });
    expect(value(parseFunnelQuery(new URLSearchParams({ now: '2026-03-19T14:00:00Z' })))).toEqual({ now: new Date('2026-03-19T14:00:00Z') });
    expect(value(parseProjectionQuery(new URLSearchParams()))).toEqual({ now: undefined, level: undefined });
    expect(value(parseProjectionQuery(new URLSearchParams({ now: '2026-03-19T15:00:00+01:00', level: '0.95' })))).toEqual({ now: new Date('2026-03-19T14:00:00Z'), level: 0.95 });
  });

  it('refuse a bad now before a bad level, naming the field', () => {
    expect(refusal(parseFunnelQuery(new URLSearchParams({ now: '2026-03-19' })))).toEqual([400, 'invalid-request', 'now']);
    expect(refusal(parseProjectionQuery(new URLSearchParams({ now: 'soon', level: '2' })))).toEqual([400, 'invalid-request', 'now']);
    expect(refusal(parseProjectionQuery(new URLSearchParams({ level: '1' })))).toEqual([400, 'invalid-request', 'level']);
  });
});
