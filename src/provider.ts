/** `<odw-data-provider>` and the data layer it shares: importing this module registers the element. */
export { OdwDataProvider } from './elements/data-provider/data-provider.ts';
export { onDemandContext, type OnDemandContext } from './data/context.ts';
export { EventDataSource, eventDataSource, RETAINED_EVENTS_PER_ADAPTER } from './data/event-data-source.ts';
