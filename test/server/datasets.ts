/*
 * Datasets the server tests load: mock scenarios, an Amsterdam event whose window holds the DST
 * change of the last Sunday of March (late-evening end, so day boundaries sit next to midnight),
 * and a hand-written "messy" export with every kind of bad record and boundary instant.
 */
import type { WebinarData } from '../../src/adapters/memory.ts';
import type { Attendance, Registrant, View, WebinarEvent } from '../../src/core/index.ts';
import { generateWebinarData, REFERENCE_NOW, scenarioData, type ScenarioName } from '../../mocks/index.ts';

export interface Dataset extends WebinarData {
  /** Clocks to ask statistics and audience counts at (besides the window's own boundaries). */
  clocks: Date[];
}

function scenario(name: ScenarioName): Dataset {
  return { ...scenarioData(name), clocks: [REFERENCE_NOW] };
}

/** Europe/Amsterdam switches to summer time on Sunday 2026-03-29 at 02:00 CET (01:00Z). */
function amsterdam(id: string, servedAt: string): Dataset {
  const now = new Date(servedAt);
  const generated = generateWebinarData({
    id,
    seed: 2026_03_29,
    name: 'Amsterdam spring webinar',
    registrants: 500,
    noShowRate: 0.5,
    watchRate: 0.6,
    rewatchRate: 0.3,
    viewsPerVisitor: 2.5,
    timeZone: 'Europe/Amsterdam',
    // 23:45 CET on Friday 27 March: the window opens a quarter of an hour before local midnight.
    endsAt: '2026-03-27T22:45:00Z',
    badRecords: true,
    now,
  });
  return { event: generated.event, attendance: generated.attendanceAt(now), clocks: [now, new Date('2026-03-30T12:00:00Z')] };
}

const MESSY_EVENT: WebinarEvent = {
  id: 'messy',
  name: 'Messy export <script>alert(1)</script> \'; DROP TABLE odw.views; --',
  startsAt: '2026-03-27T15:00:00Z',
  endsAt: '2026-03-27T16:00:00Z',
  timeZone: 'Europe/Amsterdam',
};

/** Every bad-record kind and boundary instant we could think of. Closes at 2026-04-26T16:00Z. */
function messy(id: string, reportedThrough: string): Dataset {
  const registrants = [
    { leadId: 'A1', status: 'No Show' },
    { leadId: 'A2', status: 'attended', liveMinutes: 30 },
    { leadId: 101, status: 'Registered' }, // a numeric lead id
    { leadId: 'A3', status: 'Attended On-demand' }, // already on demand, no views
    { leadId: 'A4', status: 'attended_on_demand' },
    { leadId: 'A1', status: 'Attended' }, // duplicate with a further status: A1 is kept as Attended
    { leadId: 'A5', status: 'NO SHOW', liveMinutes: null }, // liveMinutes null
    { leadId: 'A5', status: 'Invited', liveMinutes: -1 }, // bad liveMinutes and a duplicate (No Show kept)
    { leadId: '  ', status: 'No Show' }, // blank lead id
    { leadId: 1.5, status: 'No Show' }, // not a whole-number lead id
    { leadId: 'A6', status: 'Partially attended' }, // unknown status
    null,
    'a registrant that is not an object',
    { leadId: 'A7', status: 'Invited' },
    { leadId: 'A8', status: 'wait-listed' },
    { leadId: 'A9', status: 'Registered' },
    { leadId: 'A10', status: 'noshow' },
    { leadId: 'A11', status: 'pending' },
    { leadId: 'A12', status: 'No Show', liveMinutes: 0 },
    { status: 'No Show' }, // no lead id at all
    { leadId: 'A13', status: ' Rejected / Wait Listed ' },
  ] as unknown as Registrant[];
  const views = [
    { leadId: 'A1', viewedAt: '2026-03-27T16:00:00Z', minutes: 5 }, // at endsAt: live, outside
    { leadId: 'A1', viewedAt: '2026-03-27T16:00:00.001Z', minutes: 5 }, // first on-demand instant
    { leadId: 'A9', viewedAt: '2026-03-28T22:59:59Z', minutes: 3 }, // 23:59:59 CET, Saturday 28
    { leadId: 'A9', viewedAt: '2026-03-28T23:00:00Z', minutes: 4 }, // 00:00 CET, Sunday 29
    { leadId: 'A9', viewedAt: '2026-03-29T00:59:59.999Z', minutes: 2 }, // 01:59:59.999 CET, just before the switch
    { leadId: 'A9', viewedAt: '2026-03-29T01:00:00Z', minutes: 6 }, // 03:00 CEST, same day
    { leadId: 'A9', viewedAt: '2026-03-29T21:59:59.999Z', minutes: 1 }, // 23:59:59.999 CEST, Sunday 29
    { leadId: 'A9', viewedAt: '2026-03-29T22:00:00Z', minutes: 7 }, // 00:00 CEST, Monday 30
    { leadId: 'A4', viewedAt: '2026-03-30T10:00:00+05:30', minutes: 12 }, // an offset
    { leadId: 'A4', viewedAt: '2026-03-30t12:00:00z', minutes: 2.5 }, // lower-case t and z
    { leadId: 'A4', viewedAt: '2026-03-31T08:00:00.123456Z', minutes: 0.1 }, // microseconds (core keeps ms)
    { leadId: 'A4', viewedAt: '2026-03-31T08:00+01:00', minutes: 0.2 }, // no seconds
    { leadId: 'A4', viewedAt: '2026-03-31T08:00:00+0200', minutes: 0 }, // ±HHMM, zero minutes
    { leadId: 'A4', viewedAt: '2026-03-30 10:00', minutes: 5 }, // no offset: invalid
    { leadId: 'A4', viewedAt: '2026-02-30T10:00:00Z', minutes: 5 }, // no such day
    { leadId: 'A4', viewedAt: 'yesterday', minutes: 5 },
    { leadId: 'A4', viewedAt: '', minutes: 5 },
    { leadId: 'A4', viewedAt: '2026-03-30T10:00:00Z', minutes: -1 }, // negative minutes
    { leadId: '101', viewedAt: '2026-04-01T09:00:00Z', minutes: 9 }, // the numeric registrant, as text
    { leadId: 101, viewedAt: '2026-04-01T19:00:00Z', minutes: 1 }, // … and as a number
    { leadId: 'A7', viewedAt: '2026-04-01T09:00:00Z', minutes: 8 }, // Invited: ineligible
    { leadId: 'A8', viewedAt: '2026-04-01T09:00:00Z', minutes: 8 }, // Rejected: ineligible
    { leadId: 'A6', viewedAt: '2026-04-01T09:00:00Z', minutes: 8 }, // registrant left out: unknown
    { leadId: 'ZZ', viewedAt: '2026-04-01T09:00:00Z', minutes: 8 }, // never registered
    { leadId: null, viewedAt: '2026-04-01T09:00:00Z', minutes: 8 },
    { leadId: '', viewedAt: '2026-04-01T09:00:00Z', minutes: 8 },
    { viewedAt: '2026-04-01T09:00:00Z', minutes: 8 },
    42,
    null,
    ['an', 'array'],
    { leadId: 'A2', viewedAt: '2026-03-28T09:00:00Z', minutes: 4 }, // rewatches: two on one day
    { leadId: 'A2', viewedAt: '2026-03-28T18:00:00Z', minutes: 6 },
    { leadId: 'A2', viewedAt: '2026-04-02T18:00:00Z', minutes: 10 },
    { leadId: 'A1', viewedAt: '2026-04-03T10:00:00Z', minutes: 15 }, // A1 is kept as Attended: a rewatch
    { leadId: 'A5', viewedAt: '2026-04-03T10:00:00Z', minutes: 4 }, // kept as No Show
    { leadId: 'A5', viewedAt: '2026-04-03T11:00:00Z', minutes: 6 }, // 10 on the day
    { leadId: 'A10', viewedAt: '2026-04-04T10:00:00Z', minutes: 20 },
    { leadId: 'A12', viewedAt: '2026-04-05T21:59:59.999Z', minutes: 11 }, // 23:59:59.999 CEST, 5 April
    { leadId: 'A12', viewedAt: '2026-04-05T22:00:00Z', minutes: 11 }, // 6 April
    { leadId: 'A13', viewedAt: '2026-04-06T10:00:00Z', minutes: 3 },
    { leadId: 'A10', viewedAt: '2026-04-20T10:00:00Z', minutes: 30 },
    { leadId: 'A10', viewedAt: '2026-04-26T16:00:00Z', minutes: 2 }, // exactly closesAt: inside
    { leadId: 'A10', viewedAt: '2026-04-26T16:00:00.001Z', minutes: 2 }, // just after: outside
    { leadId: 'A4', viewedAt: '2026-05-20T10:00:00Z', minutes: 2 }, // long after
    { leadId: 'A4', viewedAt: '2025-12-31T23:00:00-01:00', minutes: 2 }, // long before
  ] as unknown as View[];
  const attendance: Attendance = { registrants, views, reportedThrough };
  return {
    event: { ...MESSY_EVENT, id },
    attendance,
    clocks: [new Date('2026-04-06T09:30:00Z'), new Date('2026-03-29T12:00:00Z'), new Date('2026-05-04T00:00:00Z')],
  };
}

/** Every dataset of the equivalence tests, by event id. */
export function datasets(): Dataset[] {
  return [
    scenario('mid-window'),
    scenario('bad-records'),
    scenario('closed'),
    scenario('upcoming'),
    amsterdam('amsterdam-dst', '2026-04-03T09:00:00Z'),
    amsterdam('amsterdam-dst-closed', '2026-05-20T09:00:00Z'),
    messy('messy', '2026-04-05'),
    messy('messy-all-reported', '2026-05-30'),
    messy('messy-nothing-reported', '2026-03-26'),
  ];
}
