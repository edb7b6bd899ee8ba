/**
 * The computation module: pure functions over plain data. No DOM, no Lit, no globals — the
 * clock is always a parameter. Runs in browsers, Workers and Node alike.
 *
 * @example
 * import { onDemandStatistics } from 'on-demand-webinar-widgets/core';
 * const stats = onDemandStatistics(event, attendance, new Date());
 */
export { describeValue, InvalidCriteriaError, InvalidInputError, isRecord, type CriteriaError, type InputOrigin } from './errors.ts';
export type { CriteriaErrorOf } from './errors.ts';
export {
  addDays,
  calendarDayOf,
  createDayInZone,
  daysBetween,
  daysFromTo,
  isCalendarDay,
  MILLISECONDS_PER_DAY,
  parseInstant,
  type CalendarDay,
} from './calendar.ts';
export {
  canAttendOnDemand,
  normalizeStatus,
  PROGRAM_STATUS_NAMES,
  PROGRAM_STATUS_STEPS,
  type ProgramStatus,
} from './statuses.ts';
export type { Attendance, Diagnostic, DiagnosticCode, Registrant, View, WebinarEvent } from './types.ts';
export {
  checkWebinarEvent,
  daysRemaining,
  DEFAULT_CLOSING_THRESHOLD_DAYS,
  ON_DEMAND_TRACKING_DAYS,
  onDemandWindow,
  WINDOW_PHASES,
  type CheckedEvent,
  type DaysRemaining,
  type OnDemandWindow,
  type WindowPhase,
} from './window.ts';
export {
  millisecondsToMinutes,
  minutesToMilliseconds,
  activityAt,
  analyzeAttendance,
  analyzeAttendanceInSteps,
  dailyOnDemandActivity,
  readLeadId,
  resolveStatuses,
  type ActivityColumns,
  type AttendanceAnalysis,
  type DailyOnDemandActivity,
} from './activity.ts';
export {
  checkDayRange,
  dailyOnDemandVisitors,
  dailyVisitorsOf,
  summaryRange,
  type SummaryRangeChoice,
  type DailyOnDemandVisitorsResult,
  type DailyVisitors,
  type DayRange,
} from './summary.ts';
export { programFunnel, programFunnelOf, type ProgramFunnel } from './program-funnel.ts';
export {
  firstVisitsOf,
  MIN_PROJECTION_DAYS,
  projectOnDemandVisitors,
  projectionFromFirstVisits,
  projectionOf,
  type OnDemandProjection,
  type ProjectedDay,
  type ProjectionOptions,
} from './projection.ts';
export { onDemandStatistics, statisticsOf, type OnDemandStatistics, type StatisticsOptions } from './statistics.ts';
export {
  CRITERIA_ERROR_CODES,
  CRITERIA_KINDS,
  CRITERIA_VERSION,
  EVENT_MODES,
  TIME_FRAMES,
  validateCriteria,
  WATCH_DATE_FIELDS,
  WATCH_DATE_OPERATORS,
  WATCH_DURATION_OPERATORS,
  watchDurationFieldsOf,
  type AttendanceCriteria,
  type CriteriaErrorCode,
  type CriteriaErrorParams,
  type CriteriaKind,
  type CriteriaValidation,
  type EventMode,
  type TimeFrame,
  type ValidateCriteriaOptions,
  type WatchDateConstraint,
  type WatchDateOperator,
  type WatchDurationConstraint,
  type WatchDurationOperator,
} from './criteria.ts';
export { attendsEventTriggerFires, audienceOf, selectAudience, timeFrameDays, type AttendanceActivity } from './audience.ts';
export { diagnosticOf, MAX_VIEW_MINUTES, type DiagnosticFacts } from './diagnostics.ts';
export { csvFormatOf, toCsv, type CsvColumn, type CsvFormat } from './csv.ts';
export { lastReportedDay, reportedSummaryRange, type ReportedRangeChoice } from './reported-days.ts';
export { nextClockChange } from './clock.ts';
export {
  AUDIENCE_SORT_KEYS,
  audienceMembers,
  audienceMembersOf,
  compareAudienceMembers,
  isAudienceSort,
  maskEmail,
  registrantContacts,
  sortAudienceMembers,
  type AudienceMember,
  type AudienceSort,
  type AudienceSortKey,
  type RegistrantContact,
} from './audience-members.ts';
