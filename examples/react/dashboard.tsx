// A React 19 page embedding the kit. Type-checked in `npm test`: props and events are typed.
import { useState } from 'react';
import type {} from '../../src/frameworks/react.ts'; // in an app: 'on-demand-webinar-widgets/react'
import { createRestAdapter, type AttendanceCriteria } from '../../src/index.ts'; // in an app: 'on-demand-webinar-widgets'

const adapter = createRestAdapter({ baseUrl: '/api/webinars' });

export function WebinarReport({ eventId }: { eventId: string }) {
  const [day, setDay] = useState<string | null>(null);
  const [criteria, setCriteria] = useState<AttendanceCriteria | null>(null);
  return (
    <odw-data-provider adapter={adapter} event-id={eventId}>
      <odw-on-demand-statistics closing-threshold={5} />
      <odw-on-demand-summary days={7} onodw-day-select={(event) => setDay(event.detail.day)} />
      <form>
        <odw-event-mode-picker name="criteria" onodw-criteria-change={(event) => setCriteria(event.detail.valid ? event.detail.criteria : null)} />
      </form>
      <p>{day ? `Selected ${day}` : 'Pick a day in the chart'}</p>
      <pre>{criteria ? JSON.stringify(criteria) : ''}</pre>
    </odw-data-provider>
  );
}
