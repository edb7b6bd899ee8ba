import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The host's own width, from a ResizeObserver: widgets adapt to the box a portal gives them
 * (a narrow sidebar card or a wide panel), not to the window.
 */
export class ResizeController implements ReactiveController {
  width = 0;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #observer: ResizeObserver;
  #frame = 0;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    this.#observer = new ResizeObserver((entries) => {
      const width = Math.round(entries[0]?.contentRect.width ?? 0);
      if (width === this.width) return;
      this.width = width;
      // Re-render in the next frame: a layout change inside this callback would make the
      // browser report "ResizeObserver loop completed with undelivered notifications".
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(() => this.#host.requestUpdate());
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
    cancelAnimationFrame(this.#frame);
  }
}
