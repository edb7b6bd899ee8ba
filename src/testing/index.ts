/**
 * Test helpers for adapter authors: `runAdapterConformance` verifies a custom `DataAdapter`
 * against the contract in any test runner.
 *
 * @example
 * import { describe, it } from 'vitest';
 * import { runAdapterConformance } from 'on-demand-webinar-widgets/testing';
 * runAdapterConformance(() => createMyAdapter(), { describe, it, eventId: 'evt-42', now: new Date() });
 */
export { runAdapterConformance, type ConformanceOptions, type ConformanceRunner } from './conformance.ts';
