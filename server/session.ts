/*
 * One request's use of the database, safe under load and faults:
 *
 *   admission   at most `pool.max` requests hold a connection; at most `maxWaiting` more wait for
 *               one, each at most `waitTimeoutMs` — beyond that the request is refused at once
 *               (503 with Retry-After) instead of queueing without end;
 *   deadline    the request's whole database work must finish within `requestTimeoutMs`
 *               (503 when the database did not answer in time);
 *   cancelling  when the deadline passes or the client goes away, the running statement is
 *               cancelled in PostgreSQL (a protocol CancelRequest, which needs no pool slot), and
 *               a connection that does not come back is destroyed, not reused;
 *   snapshot    a request's statements run in one read-only transaction (REPEATABLE READ): an
 *               answer never mixes data from before and after a load or an append;
 *   failures    every connection-level failure — refused, reset, terminated unexpectedly (a
 *               crashed server), a connection timeout, the server shutting down — is
 *               `DatabaseUnavailableError` (503), whatever the driver calls it.
 */
import pg from 'pg';
import type { Pool, PoolClient, Queryable } from './db.ts';

/** The database cannot be used right now: down, restarting, unreachable, or it did not answer in time (503). */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/** Too many requests are waiting for a connection already, or this one waited too long (503 with Retry-After). */
export class ServerBusyError extends Error {
  override readonly name = 'ServerBusyError';
}

/** The client closed the connection before the answer: nothing to send. */
export class ClientGoneError extends Error {
  override readonly name = 'ClientGoneError';
}

export interface SessionOptions {
  pool: Pool;
  /** Connections a request may hold at once: the pool's size. */
  size: number;
  /** Requests that may wait for a connection; more are refused at once. Default 128. */
  maxWaiting?: number;
  /** How long a request may wait for a connection. Default 3 000 ms. */
  waitTimeoutMs?: number;
  /** The deadline of a request's whole database work, waiting included. Default 8 000 ms. */
  requestTimeoutMs?: number;
}

/** SQLSTATE classes and codes that mean "the database is not usable now; try again". */
function isUnavailableState(code: string): boolean {
  // 08: connection exception; 53: insufficient resources (53300 too many connections);
  // 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up).
  return code.startsWith('08') || code.startsWith('53') || code === '57P01' || code === '57P02' || code === '57P03';
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

// node-postgres reports some connection failures with a message only (no code): a crashed server
// ("Connection terminated unexpectedly"), a connection timeout, a broken client being reused.
const DRIVER_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|Query read timeout|Connection ended/i;

/** True for errors that mean the connection to the database failed, not the statement. */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (error instanceof pg.DatabaseError) return typeof code === 'string' && isUnavailableState(code);
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || isUnavailableState(code))) return true;
  return DRIVER_MESSAGES.test(error.message);
}

interface Waiter {
  grant: () => void;
  refuse: (error: Error) => void;
}

/** Admission to the pool's connections: a counting semaphore with a bounded, timed queue. */
class Gate {
  #free: number;
  readonly #waiting: Waiter[] = [];
  readonly #maxWaiting: number;
  readonly #waitTimeoutMs: number;

  constructor(size: number, maxWaiting: number, waitTimeoutMs: number) {
    this.#free = size;
    this.#maxWaiting = maxWaiting;
    this.#waitTimeoutMs = waitTimeoutMs;
  }

  /** Resolves with the slot's release once one is free; rejects when full, on timeout, or on abort. */
  enter(signal: AbortSignal): Promise<() => void> {
    signal.throwIfAborted();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next === undefined) this.#free++;
      else next.grant();
    };
    if (this.#free > 0) {
      this.#free--;
      return Promise.resolve(release);
    }
    if (this.#waiting.length >= this.#maxWaiting) return Promise.reject(new ServerBusyError(`${this.#waiting.length} requests are already waiting for the database.`));
    return new Promise((resolve, reject) => {
      const leave = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        const index = this.#waiting.indexOf(waiter);
        if (index >= 0) this.#waiting.splice(index, 1);
      };
      const waiter: Waiter = {
        grant: () => {
          leave();
          resolve(release);
        },
        refuse: (error) => {
          leave();
          reject(error);
        },
      };
      const onAbort = () => waiter.refuse(signal.reason as Error);
      const timer = setTimeout(() => waiter.refuse(new ServerBusyError(`No database connection was free within ${this.#waitTimeoutMs} ms.`)), this.#waitTimeoutMs);
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(waiter);
    });
  }
}

/** How long a cancelled statement may take to end before its connection is destroyed instead. */
const SETTLE_MS = 3_000;

/**
 * Asks PostgreSQL to cancel what `client` runs: the protocol's CancelRequest (its process id and
 * secret key) on a short connection of its own, which takes no pool slot and no session.
 */
function cancelRunning(client: PoolClient): void {
  const target = client as unknown as { processID?: number | null; secretKey?: number | null; host: string; port: number };
  if (target.processID == null || target.secretKey == null) return;
  const { processID, secretKey } = target;
  const connection = new pg.Connection() as pg.Connection & {
    connect(port: number | string, host?: string): void;
    cancel(processID: number, secretKey: number): void;
  };
  // A database that is down cannot be told; a suspended one never closes the socket.
  connection.on('error', () => undefined);
  setTimeout(() => connection.stream.destroy(), SETTLE_MS).unref();
  connection.once('connect', () => connection.cancel(processID, secretKey));
  if (target.host.startsWith('/')) connection.connect(`${target.host}/.s.PGSQL.${target.port}`);
  else connection.connect(target.port, target.host);
}

/** Runs database work for requests, under admission control, a deadline and cancellation. */
export interface Sessions {
  /**
   * Runs `work` with one connection. `signal` aborts when the client goes away; the deadline is
   * added here. Rejects with `ServerBusyError`, `DatabaseUnavailableError`, `ClientGoneError`, or
   * the statement's own error.
   */
  run<T>(signal: AbortSignal, work: (db: Queryable) => Promise<T>): Promise<T>;
}

const ignore = (): void => undefined;

export function createSessions(options: SessionOptions): Sessions {
  const { pool } = options;
  const gate = new Gate(options.size, options.maxWaiting ?? 128, options.waitTimeoutMs ?? 3_000);
  const requestTimeoutMs = options.requestTimeoutMs ?? 8_000;

  return {
    async run<T>(clientSignal: AbortSignal, work: (db: Queryable) => Promise<T>): Promise<T> {
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(new DatabaseUnavailableError(`The database did not answer within ${requestTimeoutMs / 1000} s.`)), requestTimeoutMs);
      const signal = AbortSignal.any([clientSignal, deadline.signal]);
      const aborted = () => new Promise<never>((_, reject) => {
        if (signal.aborted) reject(signal.reason as Error);
        signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
      });
      const stopped = aborted();
      stopped.catch(() => undefined);
      let leave: (() => void) | undefined;
      let client: PoolClient | undefined;
      // A statement still running when the request ends (aborted): the connection is released
      // once it settles, or destroyed if it does not.
      let running: Promise<unknown> | undefined;
      // The connection failed: it may still emit 'error' after it is handed back.
      let broken = false;
      try {
        leave = await gate.enter(signal);
        const connecting = pool.connect();
        try {
          client = await Promise.race([connecting, stopped]);
        } catch (error) {
          // Aborted while connecting: hand the connection back whenever it arrives.
          connecting.then((late) => late.release(), () => undefined);
          throw isConnectionFailure(error) ? new DatabaseUnavailableError((error as Error).message, { cause: error }) : error;
        }
        const connection = client;
        // A checked-out connection that breaks (a crashed server) also emits 'error': without a
        // listener that would end the process. The statement's own rejection reports it.
        connection.on('error', ignore);
        const db: Queryable = {
          query: (text, values) => {
            signal.throwIfAborted();
            const statement = connection.query(text, values);
            running = statement;
            const onAbort = () => cancelRunning(connection);
            signal.addEventListener('abort', onAbort, { once: true });
            statement.then(
              () => signal.removeEventListener('abort', onAbort),
              (error: unknown) => {
                signal.removeEventListener('abort', onAbort);
                if (isConnectionFailure(error)) broken = true;
              },
            );
            return Promise.race([statement, stopped]).finally(() => {
              if (running === statement && !signal.aborted) running = undefined;
            }) as typeof statement;
          },
        };
        // One snapshot for all of a request's statements: a reload or a daily append committing
        // meanwhile is seen entirely or not at all, never half.
        await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        let result: T;
        try {
          result = await work(db);
        } catch (error) {
          if (!signal.aborted && !broken) await connection.query('ROLLBACK').catch(() => (broken = true));
          throw error;
        }
        await db.query('COMMIT');
        return result;
      } catch (error) {
        if (clientSignal.aborted) throw new ClientGoneError('The client went away.', { cause: error });
        if (error instanceof ServerBusyError || error instanceof DatabaseUnavailableError) throw error;
        if (isConnectionFailure(error)) throw new DatabaseUnavailableError((error as Error).message, { cause: error });
        throw error;
      } finally {
        clearTimeout(timer);
        const held = client;
        const pending = running;
        if (held === undefined) leave?.();
        else if (pending === undefined) {
          if (!broken) held.off('error', ignore);
          held.release();
          leave?.();
        } else {
          // A statement was cancelled: wait (in the background) until it ends or SETTLE_MS pass,
          // then close the connection rather than reuse it — a cancel request still on its way
          // could otherwise hit the next request's statement. The slot stays taken meanwhile.
          let settled = false;
          const giveBack = () => {
            if (settled) return;
            settled = true;
            held.release(new Error('A statement of this connection was cancelled.'));
            leave?.();
          };
          pending.then(giveBack, giveBack);
          setTimeout(giveBack, SETTLE_MS).unref();
        }
      }
    },
  };
}
