import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { DaySelectDetail } from 'on-demand-webinar-widgets/summary';
import 'on-demand-webinar-widgets/provider';
import 'on-demand-webinar-widgets/statistics';
import 'on-demand-webinar-widgets/summary';
import 'on-demand-webinar-widgets/picker';
import { adapter, now } from './webinar';

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <odw-data-provider [adapter]="adapter" [now]="now" event-id="evt-42">
      <odw-on-demand-statistics closing-threshold="5"></odw-on-demand-statistics>
      <odw-on-demand-summary days="7" (odw-day-select)="onDaySelect($event)"></odw-on-demand-summary>
      <p id="selected-day">{{ day() ? 'Selected ' + day() : 'Pick a day in the chart' }}</p>
      <form (submit)="onSubmit($event)">
        <odw-event-mode-picker name="criteria" criteria='{"version":1,"kind":"has-attended","eventMode":"on-demand"}'></odw-event-mode-picker>
        <button type="submit">Build audience</button>
      </form>
      <pre id="submitted">{{ submitted() }}</pre>
    </odw-data-provider>
  `,
})
export class AppComponent {
  readonly adapter = adapter;
  readonly now = now;
  readonly day = signal<string | null>(null);
  readonly submitted = signal<string | null>(null);

  onDaySelect(event: Event) {
    this.day.set((event as CustomEvent<DaySelectDetail>).detail.day);
  }

  onSubmit(event: SubmitEvent) {
    event.preventDefault();
    this.submitted.set(String(new FormData(event.target as HTMLFormElement).get('criteria')));
  }
}
