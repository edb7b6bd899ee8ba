/** `<odw-data-provider>` and the context it shares: importing this module registers the element. */
export * from './elements/data-provider/data-provider.ts';
export { onDemandContext, type OnDemandContext } from './data/context.ts';
export { EventDataSource, eventDataSource } from './data/event-data-source.ts';
