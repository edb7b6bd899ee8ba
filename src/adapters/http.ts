/*
 * One JSON request with the behaviour a widget on a busy portal needs: a timeout per attempt,
 * the caller's AbortSignal, retries with exponential back-off and full jitter on 429/502/503/504
 * and network failures (honouring Retry-After), and every failure turned into an AdapterError
 * whose message a portal can show. The REST adapter is built on it; custom adapters may use it.
 */
import { abortedError, sleep as realSleep, throwIfAborted, untilAborted } from './abort.ts';
import { AdapterError, type AdapterErrorKind } from './adapter.ts';
import { invalidResponse } from './validate.ts';
import { problemPhrase, readErrorBody } from '../contract/errors.ts';

/** Headers, or a function returning fresh ones for every attempt (rotating tokens). */
export type HeadersOption = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/** Timeouts and retries. Defaults suit a dashboard: give up after a few seconds, not minutes. */
export interface RetryOptions {
  /** Per attempt, from sending to the last byte of the body; `Infinity` for none. Default 10 000. A timeout is not retried. */
  timeoutMs?: number | undefined;
  /** Extra attempts after a 429/502/503/504 or a network failure. Default 3. */
  retries?: number | undefined;
  /** First back-off; attempt n waits a random time in [0, backoffMs × 2^n). Default 300. */
  backoffMs?: number | undefined;
  /** Cap of one back-off wait. Default 5 000. */
  maxBackoffMs?: number | undefined;
  /** A Retry-After longer than this is not waited for: the call fails at once, saying when to retry. Default 30 000. */
  maxRetryAfterMs?: number | undefined;
  /** The wait between attempts; inject a fake in tests. Must reject when `signal` aborts (it is raced with it anyway). */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** Source of jitter in [0, 1); inject for deterministic tests. Default `Math.random`. */
  random?: (() => number) | undefined;
  /** Clock for Retry-After HTTP dates. Default `Date.now`. */
  clock?: (() => number) | undefined;
}

export interface FetchJsonOptions extends RetryOptions {
  method?: 'GET' | 'POST' | undefined;
  /** Sent as JSON. */
  body?: unknown;
  headers?: HeadersOption | undefined;
  signal?: AbortSignal | undefined;
  /** Default: the global `fetch`, looked up at call time (so test interceptors installed later apply). */
  fetch?: typeof fetch | undefined;
  /** What is asked for, for messages: `event "mid-window"`. */
  what?: string | undefined;
}

const SERVICE = 'The reporting service';

/** "2 seconds", "3 minutes": how long to wait, for people. */
function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const [value, unit] = ms < 90_000 ? [Math.max(1, Math.ceil(ms / 1000)), 'second'] : ms < 5_400_000 ? [Math.round(ms / 60_000), 'minute'] : [Math.round(ms / 3_600_000), 'hour'];
  return `${value} ${unit}${value === 1 ? '' : 's'}`;
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its weekday and month ("Thu, 19 Mar 2026 14:00:09 GMT"); Date.parse alone would take "-5" as a year.
  const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The server's error body (`{ error: { message, errors: [{ path, message }] } }`) as one phrase (no final period); '' when absent. */
function serverDetail(body: string): string {
  let error;
  try {
    error = readErrorBody(JSON.parse(body));
  } catch {
    // Not JSON (a proxy's HTML page): the status says enough.
  }
  return error ? problemPhrase(error) : '';
}

/** A failed attempt: the error to throw, and whether another attempt may help (and after how long the server asked). */
interface Failure {
  error: AdapterError;
  retry: boolean;
  retryAfterMs?: number | undefined;
}

function failureOf(status: number, body: string, retryAfterMs: number | undefined, what: string, maxRetryAfterMs: number): Failure {
  const detail = serverDetail(body);
  const options = { status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  /** Transient failures get advice on when to try again; `retry` says whether we do it ourselves. */
  const transient = (kind: AdapterErrorKind, message: string, retry: boolean): Failure => {
    const advice = retryAfterMs === undefined ? 'try again later' : `try again in ${duration(Math.max(1000, retryAfterMs))}`;
    // A backend asking for a long pause: waiting that long inside a widget helps nobody, so fail now and say when.
    const giveUp = retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs;
    return { error: new AdapterError(kind, `${message}; ${advice}.`, options), retry: retry && !giveUp, retryAfterMs };
  };
  const final = (kind: AdapterErrorKind, message: string): Failure => ({ error: new AdapterError(kind, message, options), retry: false });
  switch (status) {
    case 401:
    case 403:
      return final('unauthorized', `Not allowed to read ${what} (${status})${detail ? `: ${detail}` : ''}. Sign in again or check the access token.`);
    case 404:
      return final('not-found', `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} was not found (404).`);
    case 408:
    case 504:
      return transient('timeout', `${SERVICE} timed out (${status})`, status === 504);
    case 429:
      return transient('rate-limited', `Too many requests to the reporting service (429)`, true);
  }
  if (status >= 400 && status < 500) {
    return final('invalid-request', `${SERVICE} rejected the request for ${what} (${status})${detail ? `: ${detail}` : ''}.`);
  }
  return transient('unavailable', `${SERVICE} is unavailable (${status})`, status === 502 || status === 503);
}

/**
 * One attempt: the parsed body, or a `Failure` saying whether to try again. Rejects only
 * when the caller aborted. The timeout and the caller's signal abort one controller, which
 * also stops the body download.
 */
async function attempt(url: string, options: FetchJsonOptions, what: string, timeoutMs: number, maxRetryAfterMs: number): Promise<{ body: unknown } | Failure> {
  const { signal } = options;
  let headers: Headers;
  try {
    headers = new Headers(typeof options.headers === 'function' ? await options.headers() : options.headers);
  } catch (error) {
    // Only the caller's own code runs here: a token that cannot be refreshed.
    const reason = error instanceof Error ? `: ${error.message}` : '';
    return { error: new AdapterError('unauthorized', `Could not prepare the credentials for ${what}${reason}.`, { cause: error }), retry: false };
  }
  headers.set('accept', 'application/json');
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  throwIfAborted(signal);
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  // setTimeout fires at once for Infinity or anything above 2^31 − 1 ms: those mean "no timeout".
  const timer = timeoutMs > 0 && timeoutMs < 2 ** 31
    ? setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs)
    : undefined;
  let response: Response;
  let text: string;
  try {
    const fetchFunction = options.fetch ?? globalThis.fetch;
    // Called on globalThis: a detached window.fetch throws "Illegal invocation".
    response = await fetchFunction.call(globalThis, url, {
      method: options.method ?? 'GET',
      headers,
      signal: controller.signal,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw abortedError(error);
    if (timedOut) return { error: new AdapterError('timeout', `${SERVICE} did not answer within ${duration(timeoutMs)}.`, { cause: error }), retry: false };
    // fetch rejects with a TypeError when the network fails: worth another attempt.
    const reason = error instanceof Error ? `: ${error.message}` : '';
    return { error: new AdapterError('unavailable', `${SERVICE} cannot be reached${reason}.`, { cause: error }), retry: true };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
  if (!response.ok) {
    const clock = options.clock ?? Date.now;
    return failureOf(response.status, text, parseRetryAfter(response.headers.get('retry-after'), clock()), what, maxRetryAfterMs);
  }
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    const start = text.length === 0 ? 'it is empty' : `it starts with ${JSON.stringify(text.slice(0, 20))}`;
    return { error: invalidResponse(what, `the answer is not JSON (${start})`), retry: false };
  }
}

/**
 * GETs (or POSTs) JSON with timeouts, abort, retries and typed errors. Rejects only with
 * `AdapterError`. The body is returned as parsed, unchecked: validate it before use.
 *
 * @example
 * const event = checkEvent(await fetchJson(`${base}/events/e1`, { signal, what: 'event "e1"', retries: 2 }));
 */
export async function fetchJson<T = unknown>(url: string, options: FetchJsonOptions = {}): Promise<T> {
  const what = options.what ?? `the data at ${url}`;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 300;
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  const random = options.random ?? Math.random;
  const wait = options.sleep ?? realSleep;
  for (let attemptNumber = 0; ; attemptNumber++) {
    throwIfAborted(options.signal);
    const result = await attempt(url, options, what, options.timeoutMs ?? 10_000, maxRetryAfterMs);
    if ('body' in result) return result.body as T;
    if (!result.retry || attemptNumber >= retries) throw result.error;
    const delay = result.retryAfterMs ?? random() * Math.min(maxBackoffMs, backoffMs * 2 ** attemptNumber);
    // Raced with the signal: an abort stops retrying at once, even with a sleep that ignores it.
    await untilAborted(wait(delay, options.signal), options.signal);
  }
}
