import type { ReactiveController, ReactiveControllerHost } from 'lit';
// Core's clock module, not its index: every widget has this controller, and through the index a
// bundler would count core's analysis engine as part of each (event-mode-picker/criteria-draft.ts).
import { nextClockChange } from '../core/clock.ts';
import type { WebinarEvent } from '../core/index.ts';

// setTimeout cannot wait longer than 2^31 − 1 ms; re-check then.
const LONGEST_TIMER = 2_147_483_647;

/**
 * The real clock for a widget without a fixed `now`: re-evaluates exactly when something
 * clock-dependent changes for the event (midnight in its zone, the next days-remaining step)
 * instead of polling, and stops when the host disconnects.
 */
export class ClockController implements ReactiveController {
  now = new Date();
  readonly #host: ReactiveControllerHost;
  #event: WebinarEvent | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Schedule the next tick for this event (call when the event is known or changes). */
  follow(event: WebinarEvent | undefined): void {
    if (event === this.#event) return;
    this.#event = event;
    this.#schedule();
  }

  hostConnected(): void {
    this.now = new Date();
    this.#schedule();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#event === undefined) return;
    const wait = Math.min(LONGEST_TIMER, nextClockChange(this.#event, new Date()).getTime() - Date.now());
    this.#timer = setTimeout(() => {
      this.now = new Date();
      this.#host.requestUpdate();
      this.#schedule();
    }, Math.max(0, wait));
  }
}
