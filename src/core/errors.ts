/**
 * Thrown when input is structurally wrong (not a recoverable bad record): an attendance
 * payload that is not an object, an event without a valid `endsAt`, an unknown IANA zone.
 * `field` names the offending field in dotted form, e.g. `event.endsAt`.
 *
 * @example
 * try { onDemandWindow(event) } catch (error) {
 *   if (error instanceof InvalidInputError) console.warn(error.field, error.message);
 * }
 */
export class InvalidInputError extends Error {
  override readonly name: string = 'InvalidInputError';
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

/** One problem found in audience criteria; `path` is dotted (`watchDate.to`). */
export interface CriteriaError {
  path: string;
  message: string;
}

/** Thrown by functions that need valid criteria and were given invalid ones. */
export class InvalidCriteriaError extends InvalidInputError {
  override readonly name = 'InvalidCriteriaError';
  readonly errors: readonly CriteriaError[];

  constructor(errors: readonly CriteriaError[]) {
    const first = errors[0];
    super(
      first === undefined || first.path === '' ? 'criteria' : `criteria.${first.path}`,
      `Invalid criteria: ${errors.map((error) => (error.path ? `${error.path}: ${error.message}` : error.message)).join('; ')}`,
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

/** An `InvalidInputError` naming `field`, worded by `mustBe`. */
export function invalidInput(field: string, expected: string, ...got: [value: unknown] | []): InvalidInputError {
  return new InvalidInputError(field, mustBe(field, expected, ...got));
}

