import { provide } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { DataAdapter } from '../../adapters/adapter.ts';
import { defineElement } from '../define.ts';
import { eventDataSource } from '../../data/event-data-source.ts';
import { onDemandContext, type OnDemandContext } from '../../data/context.ts';

/**
 * @tag odw-data-provider
 * @summary Shares one data adapter, event, clock and locale with every widget inside it, so the
 * event and its attendance load once however many widgets show them.
 *
 * @slot - The widgets (`odw-on-demand-summary`, `odw-on-demand-statistics`, `odw-event-mode-picker`) and any markup.
 *
 * @example
 * ```html
 * <odw-data-provider event-id="evt-42">
 *   <odw-on-demand-statistics></odw-on-demand-statistics>
 *   <odw-on-demand-summary></odw-on-demand-summary>
 * </odw-data-provider>
 * <script type="module">
 *   document.querySelector('odw-data-provider').adapter = createRestAdapter({ baseUrl: '/api' });
 * </script>
 * ```
 */
export class OdwDataProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Where the data comes from. */
  @property({ attribute: false }) adapter: DataAdapter | undefined;

  /** The event every widget inside shows (unless a widget names another). */
  @property({ attribute: 'event-id' }) eventId: string | undefined;

  /** A fixed clock for every widget inside; unset = the real clock, re-evaluated when days change. */
  @property({ attribute: false }) now: Date | undefined;

  /** BCP 47 locale for every widget inside; unset = the nearest `lang`. */
  @property() locale: string | undefined;

  @provide({ context: onDemandContext })
  protected context: OnDemandContext = { source: undefined, now: undefined, locale: undefined, revision: 0 };

  #revision = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter') || changed.has('eventId') || changed.has('now') || changed.has('locale')) this.#share();
  }

  /** Forget loaded data: every widget inside loads again. */
  reload(): void {
    this.context.source?.invalidate();
    this.#revision++;
    this.#share();
  }

  #share(): void {
    // A new object, so @lit/context notifies every consumer.
    this.context = {
      source: this.adapter !== undefined && this.eventId ? eventDataSource(this.adapter, this.eventId) : undefined,
      now: this.now,
      locale: this.locale,
      revision: this.#revision,
    };
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

defineElement('odw-data-provider', OdwDataProvider);

declare global {
  interface HTMLElementTagNameMap {
    'odw-data-provider': OdwDataProvider;
  }
}
