import { useState, useSyncExternalStore, type FormEvent } from 'react';
import type {} from 'on-demand-webinar-widgets/react';
import 'on-demand-webinar-widgets/provider';
import 'on-demand-webinar-widgets/statistics';
import 'on-demand-webinar-widgets/summary';
import 'on-demand-webinar-widgets/picker';
import { adapter, now } from './webinar.ts';

// React 19 does not set a custom element's properties or listeners when it hydrates server
// HTML (React issue #35446). `false` while hydrating, `true` on the client: keyed on it, the
// widgets are created anew right after hydration, with their properties and listeners.
const subscribe = () => () => {};
const useClient = () => useSyncExternalStore(subscribe, () => true, () => false);

export function App() {
  const client = useClient();
  const [day, setDay] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(String(new FormData(event.currentTarget).get('criteria')));
  };
  return (
    <odw-data-provider key={client ? 'client' : 'server'} adapter={adapter} now={now} event-id="evt-42">
      <odw-on-demand-statistics closing-threshold={5} />
      <odw-on-demand-summary days={7} onodw-day-select={(event) => setDay(event.detail.day)} />
      <p id="selected-day">{day ? `Selected ${day}` : 'Pick a day in the chart'}</p>
      <form onSubmit={onSubmit}>
        <odw-event-mode-picker name="criteria" criteria='{"version":1,"kind":"has-attended","eventMode":"on-demand"}' />
        <button type="submit">Build audience</button>
      </form>
      <pre id="submitted">{submitted}</pre>
    </odw-data-provider>
  );
}
