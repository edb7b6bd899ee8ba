/** `<odw-data-provider>` and the context it shares: importing this module registers the element. */
export * from './context/data-provider/data-provider.ts';
export { onDemandContext, type OnDemandContext } from './context/keys.ts';
export { EventDataSource, eventDataSource } from './context/event-data-source.ts';
