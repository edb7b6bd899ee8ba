/*
 * What the page and the analysis worker send each other. The worker downloads an event's
 * attendance itself (with the REST adapter's options), keeps its analysis, and answers the
 * widgets' questions with their figures: the page never holds the views, and what crosses is a
 * few kilobytes per answer.
 */
import type { AdapterErrorKind } from '../adapters/adapter.ts';
import type { RestAdapterOptions } from '../adapters/rest.ts';

/** A question is the push-down method that answers it (computed-answers.ts computes each). */
export type Question = 'getDailySummary' | 'getStatistics' | 'countAudience' | 'listAudience' | 'getFunnel' | 'getProjection';

/**
 * Where each question's options (`signal`, `now`, …) sit among its arguments after the event id;
 * the arguments before them are plain data.
 */
export const OPTIONS_AT: Readonly<Record<Question, number>> = {
  getDailySummary: 1,
  getStatistics: 0,
  countAudience: 1,
  listAudience: 1,
  getFunnel: 0,
  getProjection: 0,
};

/**
 * Page → worker: first the REST adapter's options (once), then questions about the event, each
 * with a number its answer comes back with; `cancel` when the page no longer waits for one.
 * A question's arguments are those of its push-down method after the event id, its options
 * without the signal.
 */
export type ToWorker = { rest: RestAdapterOptions } | { id: number; question: Question; eventId: string; args: unknown[] } | { cancel: number };

/** An `AdapterError`'s fields, as they cross (the `cause` stays in the worker, but for the name of the field core refused). */
export interface ErrorFields {
  kind: AdapterErrorKind;
  message: string;
  status: number | undefined;
  retryAfterMs: number | undefined;
  field: string | undefined;
}

/** Worker → page: the answer to question `id`, or its failure. */
export type FromWorker = { id: number; answer: unknown } | { id: number; error: ErrorFields };
