/*
 * JSX typings for React 19, which sets custom-element props as properties and listens to
 * `on<event-name>` props. Types only: `import type {} from 'on-demand-webinar-widgets/react';`
 * once in your app, then use the elements in TSX with checked props and typed events.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { OdwDataProvider } from '../elements/data-provider/data-provider.ts';
import type { CriteriaChangeDetail, OdwEventModePicker } from '../elements/event-mode-picker/event-mode-picker.ts';
import type { OdwOnDemandStatistics } from '../elements/on-demand-statistics/on-demand-statistics.ts';
import type { DaySelectDetail, OdwOnDemandSummary, RangeChangeDetail } from '../elements/on-demand-summary/on-demand-summary.ts';

type Base<Element> = DetailedHTMLProps<HTMLAttributes<Element>, Element>;
type Shared = { 'event-id'?: string; theme?: 'light' | 'dark' };

/** Props of each element in React: its public properties, attribute spellings and `on<event>` handlers. */
export interface OdwReactElements {
  'odw-data-provider': Base<OdwDataProvider> & Partial<Pick<OdwDataProvider, 'adapter' | 'eventId' | 'now' | 'locale'>> & Shared;
  'odw-on-demand-statistics': Base<OdwOnDemandStatistics> &
    Partial<Pick<OdwOnDemandStatistics, 'adapter' | 'eventId' | 'now' | 'locale' | 'strings' | 'closingThreshold' | 'noProjection'>> &
    Shared & { 'closing-threshold'?: number };
  'odw-on-demand-summary': Base<OdwOnDemandSummary> &
    Partial<Pick<OdwOnDemandSummary, 'adapter' | 'eventId' | 'now' | 'locale' | 'strings' | 'from' | 'to' | 'days' | 'showRewatches' | 'showTable' | 'noProjection'>> &
    Shared & {
      'onodw-day-select'?: (event: CustomEvent<DaySelectDetail>) => void;
      'onodw-range-change'?: (event: CustomEvent<RangeChangeDetail>) => void;
    };
  'odw-event-mode-picker': Base<OdwEventModePicker> &
    Partial<Pick<OdwEventModePicker, 'adapter' | 'eventId' | 'now' | 'locale' | 'strings' | 'name' | 'disabled' | 'value'>> &
    Shared & {
      criteria?: string;
      'onodw-criteria-change'?: (event: CustomEvent<CriteriaChangeDetail>) => void;
    };
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live in a namespace.
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends OdwReactElements {}
  }
}
