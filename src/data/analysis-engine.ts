/*
 * Core's client-side analysis engine, for the data layer's questions that load it on demand.
 * The picker imports it with `import()` (audience-count.ts): a page whose adapter counts the
 * audience itself (`countAudience`) never downloads it, and one that needs it loads it while the
 * attendance downloads. Core's modules directly, not its index, so that this chunk holds only
 * what the analysis needs beyond what the page already has.
 */
export { analyzeAttendanceInSteps } from '../core/activity.ts';
export { audienceOf } from '../core/audience.ts';
