import { describe, expect, it } from 'vitest';
import { rejection } from '../../test/fixtures/adapter-rejection.ts';
import { fetchJson, parseRetryAfter, type FetchJsonOptions } from './http.ts';

const URL_ = 'https://api.example.test/x';

/** A fetch that answers from a script, one entry per call; records what it was asked. */
function scriptedFetch(script: (() => Response | Promise<Response>)[]) {
  const requests: { method: string; headers: Headers; body: unknown; self: unknown }[] = [];
  const fetch = function (this: unknown, _input: RequestInfo | URL, init?: RequestInit) {
    requests.push({ method: init?.method ?? 'GET', headers: new Headers(init?.headers), body: init?.body, self: this });
    const next = script[Math.min(requests.length, script.length) - 1];
    if (!next) throw new Error('script exhausted');
    return Promise.resolve().then(next);
  } as typeof globalThis.fetch;
  return { fetch, requests };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => () => new Response(JSON.stringify(body), { status, headers });

function options(fetch: typeof globalThis.fetch, extra: FetchJsonOptions = {}) {
  const sleeps: number[] = [];
  return { sleeps, options: { fetch, random: () => 0.5, sleep: async (ms: number) => void sleeps.push(ms), ...extra } satisfies FetchJsonOptions };
}

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-19T14:00:00Z');
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 19 Mar 2026 14:00:09 GMT', now)).toBe(9000);
    expect(parseRetryAfter('Thu, 19 Mar 2026 13:00:00 GMT', now)).toBe(0);
  });
  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('fetchJson', () => {
  it('returns parsed JSON, calling fetch on globalThis (a detached window.fetch would throw)', async () => {
    const { fetch, requests } = scriptedFetch([json({ ok: 1 })]);
    expect(await fetchJson(URL_, { fetch })).toEqual({ ok: 1 });
    expect(requests[0]?.self).toBe(globalThis);
    expect(requests[0]?.headers.get('accept')).toBe('application/json');
  });

  it('POSTs a JSON body', async () => {
    const { fetch, requests } = scriptedFetch([json({ count: 2 })]);
    await fetchJson(URL_, { fetch, method: 'POST', body: { criteria: { version: 1 } } });
    expect(requests[0]).toMatchObject({ method: 'POST', body: '{"criteria":{"version":1}}' });
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('retries network failures (fetch TypeError), then answers', async () => {
    const { fetch, requests } = scriptedFetch([
      () => Promise.reject(new TypeError('fetch failed')),
      json({ ok: true }),
    ]);
    const { options: o, sleeps } = options(fetch);
    expect(await fetchJson(URL_, o)).toEqual({ ok: true });
    expect(requests).toHaveLength(2);
    expect(sleeps).toEqual([150]);
  });

  it('ends with "unavailable" when the network stays down', async () => {
    const { fetch } = scriptedFetch([() => Promise.reject(new TypeError('fetch failed'))]);
    const error = await rejection(fetchJson(URL_, { ...options(fetch).options, what: 'event "e1"' }));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toBe('The reporting service cannot be reached: fetch failed.');
  });

  it('full jitter: random × min(cap, base × 2^attempt)', async () => {
    const { fetch } = scriptedFetch([() => new Response(null, { status: 503 })]);
    const draws = [0.999, 0.999, 0.999, 0.25];
    const { options: o, sleeps } = options(fetch, { backoffMs: 300, maxBackoffMs: 1000, retries: 4, random: () => draws.shift() ?? 0 });
    await rejection(fetchJson(URL_, o));
    expect(sleeps.map(Math.round)).toEqual([300, 599, 999, 250]);
  });

  it.each([
    [500, 'unavailable', 1],
    [418, 'invalid-request', 1],
    [408, 'timeout', 1],
    [404, 'not-found', 1],
    [401, 'unauthorized', 1],
    [502, 'unavailable', 4],
    [504, 'timeout', 4],
    [429, 'rate-limited', 4],
  ])('status %i → "%s" after %i request(s)', async (status, kind, count) => {
    const { fetch, requests } = scriptedFetch([() => new Response('<html>oops</html>', { status })]);
    const error = await rejection(fetchJson(URL_, options(fetch).options));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(requests).toHaveLength(count);
  });

  it('a 503 asking to wait longer than the cap fails at once, saying when', async () => {
    const { fetch, requests } = scriptedFetch([json({ error: { message: 'Maintenance' } }, 503, { 'retry-after': '90' })]);
    const error = await rejection(fetchJson(URL_, { ...options(fetch).options, maxRetryAfterMs: 60_000 }));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toBe('The reporting service is unavailable (503); try again in 2 minutes.');
    expect(error.retryAfterMs).toBe(90_000);
    expect(requests).toHaveLength(1);
  });

  it('a 400 carries the server message and the field errors', async () => {
    const body = { error: { code: 'invalid-criteria', message: 'Bad criteria.', errors: [{ path: 'watchDate.to', message: 'The end date must be on or after the start date.' }] } };
    const { fetch } = scriptedFetch([json(body, 400)]);
    const error = await rejection(fetchJson(URL_, { ...options(fetch).options, what: 'event "e1"' }));
    expect(error.message).toBe('The reporting service rejected the request for event "e1" (400): Bad criteria: watchDate.to: The end date must be on or after the start date.');
  });

  it('the timeout covers the body download too', async () => {
    const fetch = ((_input: RequestInfo | URL, init?: RequestInit) => {
      // Headers arrive at once; the body never does until the request is aborted.
      const body = new ReadableStream({
        start(controller) {
          init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return Promise.resolve(new Response(body));
    }) as typeof globalThis.fetch;
    const error = await rejection(fetchJson(URL_, { ...options(fetch).options, timeoutMs: 30 }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('The reporting service did not answer within 30 ms.');
  });

  it('a headers function that throws is "unauthorized" and sends nothing', async () => {
    const { fetch, requests } = scriptedFetch([json({})]);
    const error = await rejection(
      fetchJson(URL_, {
        fetch,
        what: 'event "e1"',
        headers: () => {
          throw new Error('session expired');
        },
      }),
    );
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toBe('Could not prepare the credentials for event "e1": session expired.');
    expect(requests).toHaveLength(0);
  });

  it('an empty or non-JSON 200 body is "invalid-response"', async () => {
    const { fetch } = scriptedFetch([() => new Response('')]);
    const error = await rejection(fetchJson(URL_, { fetch, what: 'event "e1"' }));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toBe('The reporting service sent data the widgets cannot read: event "e1": the answer is not JSON (it is empty).');
  });
});

describe('fetchJson timeouts', () => {
  it('timeoutMs Infinity means no timeout (setTimeout would otherwise fire at once)', async () => {
    const fetch = (() => new Promise<Response>((resolve) => setTimeout(() => resolve(new Response('{"late":true}')), 30))) as typeof globalThis.fetch;
    expect(await fetchJson(URL_, { fetch, timeoutMs: Number.POSITIVE_INFINITY })).toEqual({ late: true });
  });
});
