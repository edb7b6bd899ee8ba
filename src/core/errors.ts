import type { CriteriaErrorCode, CriteriaErrorParams } from './criteria.ts';

/**
 * Who supplied a wrong value: `data` — the event or its attendance, what a backend serves
 * (`event.*`, `attendance.*`); `request` — the caller's own parameters (a day range, `now`, a
 * closing threshold, criteria, options). A backend answers the first with "my data is broken",
 * the second with "your request is wrong", without reading field names.
 */
export type InputOrigin = 'data' | 'request';

/**
 * Thrown when input is structurally wrong (not a recoverable bad record): an attendance
 * payload that is not an object, an event without a valid `endsAt`, an unknown IANA zone.
 * `field` names the offending field in dotted form, e.g. `event.endsAt`; `origin` says whether
 * the data or the request is at fault.
 *
 * @example
 * try { onDemandWindow(event) } catch (error) {
 *   if (error instanceof InvalidInputError) console.warn(error.origin, error.field, error.message);
 * }
 */
export class InvalidInputError extends Error {
  override readonly name: string = 'InvalidInputError';
  readonly field: string;
  readonly origin: InputOrigin;

  /** `origin` defaults to `request` so that code written before it existed keeps compiling. */
  constructor(field: string, message: string, origin: InputOrigin = 'request') {
    super(message);
    this.field = field;
    this.origin = origin;
  }
}

/**
 * One problem found in audience criteria, of one rule (`code`, see `CriteriaErrorParams`).
 *
 * @example
 * { path: 'watchDate.days', code: 'not-a-whole-number', params: { least: 1 },
 *   message: 'watchDate.days must be a whole number of at least 1, got 0.' }
 */
export interface CriteriaErrorOf<Code extends CriteriaErrorCode> {
  /** The field, dotted (`watchDate.to`); `''` for the criteria as a whole. */
  path: string;
  /** The rule broken: stable, for code and for messages in other languages. */
  code: Code;
  /** What a message needs besides the path (the allowed values, a bound, the window…). */
  params: CriteriaErrorParams[Code];
  /** The problem in English, naming the field and the value given. */
  message: string;
}

/** Any criteria error; narrow on `code` to read its `params`. */
export type CriteriaError = { [Code in CriteriaErrorCode]: CriteriaErrorOf<Code> }[CriteriaErrorCode];

/** Thrown by functions that need valid criteria and were given invalid ones; criteria are always the request's. */
export class InvalidCriteriaError extends InvalidInputError {
  override readonly name = 'InvalidCriteriaError';
  declare readonly origin: 'request';
  readonly errors: readonly CriteriaError[];

  constructor(errors: readonly CriteriaError[]) {
    const first = errors[0];
    super(
      first === undefined || first.path === '' ? 'criteria' : `criteria.${first.path}`,
      `Invalid criteria: ${errors.map((error) => (error.path ? `${error.path}: ${error.message}` : error.message)).join('; ')}`,
      'request',
    );
    this.errors = errors;
  }
}

/**
 * Untrusted input as text for a message, whatever it is: JSON where it can be, else String(),
 * else its type tag. (JSON.stringify throws for a BigInt; String() for an object whose own
 * "toString" is not a function, which JSON.parse can produce.)
 */
export function describeValue(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    try {
      return String(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
}

/** True for a plain object (not null, not an array): the shape every record and payload must have. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The wording of every input problem: "`subject` must be `expected`, got `value`." The value
 * is left out when there is none worth quoting (a whole payload of the wrong shape).
 */
export function mustBe(subject: string, expected: string, ...got: [value: unknown] | []): string {
  return `${subject} must be ${expected}${got.length === 0 ? '' : `, got ${describeValue(got[0])}`}.`;
}

/** An `InvalidInputError` naming `field`, worded by `mustBe`; every throw site says whose value it was. */
export function invalidInput(origin: InputOrigin, field: string, expected: string, ...got: [value: unknown] | []): InvalidInputError {
  return new InvalidInputError(field, mustBe(field, expected, ...got), origin);
}

