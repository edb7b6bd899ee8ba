/**
 * Everything: the elements (registered on import), the computation module, the adapters and the
 * provider's context. Import a subpath (`on-demand-webinar-widgets/summary`, `/core`, …) to load less.
 */
export * from './core/index.ts';
export * from './adapters/index.ts';
export * from './adapters/memory.ts';
export * from './provider.ts';
export * from './statistics.ts';
export * from './summary.ts';
export * from './picker.ts';
