import { createContext } from '@lit/context';
import type { EventDataSource } from './event-data-source.ts';

/** What `<odw-data-provider>` shares with the widgets inside it. */
export interface OnDemandContext {
  /** Shared loader for the provider's adapter and event id; undefined until both are set. */
  source: EventDataSource | undefined;
  /** A fixed clock; undefined means the real clock. */
  now: Date | undefined;
  /** The provider's locale, when set. */
  locale: string | undefined;
  /** Increases on every `reload()` so consumers load again. */
  revision: number;
}

// A string key (not a Symbol) so two copies of the kit on one page still share context.
export const onDemandContext = createContext<OnDemandContext | undefined>('odw-on-demand-context');
