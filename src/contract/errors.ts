/*
 * The error body of the REST contract, `{ "error": { "code", "message" } }`: the codes this
 * kit's backends send, the status each code goes with, one builder and one reader. The mock
 * backend and the reference server build every error answer here, so the same mistake gets the
 * same status, code and wording from both; the REST adapter reads error answers here.
 */
// Core's module, not its index (see src/adapters/validate.ts): the REST adapter bundles this file.
import { InvalidInputError } from '../core/errors.ts';
import type { CriteriaError } from '../core/index.ts';

/**
 * Every error code the kit's backends send, with its HTTP status. A code decides its status,
 * so a side cannot answer a known code with another status.
 */
export const ERROR_STATUS = {
  /** A request the contract refuses: a bad `now`, `closingThreshold`, body or path. */
  'invalid-request': 400,
  /** An attendance `cursor` this backend did not give out. */
  'invalid-cursor': 400,
  /** A summary range that is half given, not days, backwards or outside the window. */
  'invalid-range': 400,
  /** Audience criteria that core's `validateCriteria` refuses; the body carries `errors`. */
  'invalid-criteria': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  /** The attendance changed after this cursor was given out: read again from the first page. */
  'stale-cursor': 409,
  'payload-too-large': 413,
  /** A POST body not sent as `application/json`. */
  'unsupported-media-type': 415,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
  timeout: 504,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** An error answer before it is sent: status, code, message, and what in the request is at fault. */
export interface Problem {
  status: number;
  code: ErrorCode;
  /** For people: a widget shows it. Names the parameter or field and the value given. */
  message: string;
  /** The query parameter or body field at fault (`now`, `closingThreshold`, `from`, `criteria`), when one is. */
  field?: string;
  /** With `invalid-criteria`: every problem of the criteria, as core's `validateCriteria` found them. */
  errors?: readonly CriteriaError[];
}

/** What else a `Problem` may say. */
export interface ProblemDetails {
  field?: string | undefined;
  errors?: readonly CriteriaError[] | undefined;
}

/** The wire form of every error answer. `errors` only with `invalid-criteria`. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    errors?: readonly CriteriaError[];
  };
}

/**
 * A `Problem` with the status of its code.
 *
 * @example problem('invalid-range', 'Give both from and to, or neither for the whole window.', { field: 'to' })
 */
export function problem(code: ErrorCode, message: string, details: ProblemDetails = {}): Problem {
  return {
    status: ERROR_STATUS[code],
    code,
    message,
    ...(details.field === undefined ? {} : { field: details.field }),
    ...(details.errors === undefined ? {} : { errors: details.errors }),
  };
}

/** The body to send for a problem: `{ error: { code, message[, errors] } }` (nothing else leaks). */
export function errorBody(answer: { code: string; message: string; errors?: readonly CriteriaError[] | undefined }): ErrorBody {
  const { code, message, errors } = answer;
  return { error: errors === undefined ? { code, message } : { code, message, errors } };
}

/** An error body as a client reads it: text fields as text ('' when missing), field errors as `{ path, message }`. */
export interface ReadError {
  code: string;
  message: string;
  errors: { path: string; message: string }[];
}

/**
 * An error answer's message with every criteria problem after it, as one phrase (no final
 * period): what a developer reads in a widget's technical details.
 *
 * @example problemPhrase({ message: 'The audience criteria are not valid.', errors: [{ path: 'kind', message: 'kind must be …' }] }) // 'The audience criteria are not valid: kind: kind must be …'
 */
export function problemPhrase(problem: { message: string; errors?: readonly { path: string; message: string }[] | undefined }): string {
  const phrase = (text: string) => text.replace(/\.+$/, '');
  return [phrase(problem.message), (problem.errors ?? []).map((item) => (item.path && `${item.path}: `) + phrase(item.message)).join('; ')].filter(Boolean).join(': ');
}

/**
 * Reads an error body from any backend, leniently (a client must not fail on a sloppy error
 * answer): `undefined` when there is no `error` object.
 *
 * @example readErrorBody(JSON.parse(text))?.message
 */
export function readErrorBody(body: unknown): ReadError | undefined {
  const error = (body as { error?: unknown } | null)?.error as Record<string, unknown> | null | undefined;
  if (typeof error !== 'object' || error === null) return undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const items: unknown[] = Array.isArray(error.errors) ? error.errors : [];
  return {
    code: text(error.code),
    message: text(error.message),
    errors: items.map((item) => ({ path: text((item as { path?: unknown } | null)?.path), message: text((item as { message?: unknown } | null)?.message) })),
  };
}

/**
 * Core's refusal of a request value (a range outside the window, a threshold above 30: an
 * `InvalidInputError` of origin `request`) as a problem with `code`. Anything else is rethrown —
 * bad stored data (origin `data`) or a bug is the backend's fault, not a 400.
 *
 * @example
 * try { checkDayRange(range, window) } catch (error) { return answer(inputProblem(error, 'invalid-range')) }
 */
export function inputProblem(error: unknown, code: ErrorCode): Problem {
  if (error instanceof InvalidInputError && error.origin === 'request') return problem(code, error.message, { field: error.field });
  throw error;
}

/** The 404 of every route for an event id the backend does not know. */
export function unknownEventProblem(eventId: string): Problem {
  return problem('not-found', `There is no event "${eventId}".`);
}

/** A parsed request value, or the problem to answer instead. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** A successful `Parsed`. */
export const parsed = <T>(value: T): Parsed<T> => ({ ok: true, value });

/** A failed `Parsed`. */
export const refused = (answer: Problem): Parsed<never> => ({ ok: false, problem: answer });
