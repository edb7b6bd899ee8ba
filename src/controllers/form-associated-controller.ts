import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A problem that makes the host invalid: its message and the control to point at. */
export interface FormProblem {
  /** Shown by the browser on submit and `reportValidity()`; read by `validationMessage`. */
  message: string;
  /** The rendered control the browser focuses and points its bubble at (else the host). */
  anchor?: HTMLElement | null | undefined;
  /** Which constraints fail; `{ customError: true }` when not given. */
  flags?: ValidityStateFlags;
}

/** What the host tells the controller; asked after every update and whenever the form needs it. */
export interface FormAssociatedOptions {
  /** What the form submits under the host's `name` (`null`: nothing); also the state the browser saves. */
  value(): string | null;
  /** The first problem, or `undefined` while the value is valid. */
  problem(): FormProblem | undefined;
  /** `form.reset()`: go back to the initial value. */
  reset(): void;
  /** The browser restores a saved state (back/forward navigation, autofill). */
  restore(state: string): void;
}

/** A custom element that a controller can attach `ElementInternals` to. */
export type FormAssociatedHost = ReactiveControllerHost & HTMLElement;

/**
 * Makes a Lit element a form control (like Material Web's form-associated mixin, as a
 * controller): it owns the host's `ElementInternals`, hands the form the host's value and
 * validity after every update (only when they changed), and answers the form's callbacks.
 *
 * The browser calls form callbacks on the element and reads `name` and `disabled` from its
 * attributes, so the host declares `static formAssociated = true`, reflected `name` and
 * `disabled` properties, and one-line delegations for the callbacks and the members it exposes
 * (through `internals`).
 *
 * @example
 * class OdwInput extends LitElement {
 *   static formAssociated = true;
 *   @property({ reflect: true }) name: string | undefined;
 *   @property({ type: Boolean, reflect: true }) disabled = false;
 *   @state() text = '';
 *   readonly #form = new FormAssociatedController(this, {
 *     value: () => this.text,
 *     problem: () => (this.text ? undefined : { message: 'Required', anchor: this.renderRoot.querySelector('input') }),
 *     reset: () => (this.text = ''),
 *     restore: (state) => (this.text = state),
 *   });
 *   get validity() { return this.#form.internals.validity; }
 *   formResetCallback() { this.#form.formResetCallback(); }
 *   formDisabledCallback(disabled: boolean) { this.#form.formDisabledCallback(disabled); }
 *   formStateRestoreCallback(state: string | File | FormData | null) { this.#form.formStateRestoreCallback(state); }
 *   render() { return html`<input .value=${this.text} ?disabled=${this.disabled || this.#form.formDisabled} />`; }
 * }
 */
export class FormAssociatedController implements ReactiveController {
  readonly #host: FormAssociatedHost;
  readonly #internals: ElementInternals;
  readonly #options: FormAssociatedOptions;
  #formDisabled = false;
  /** What the form was last given (`undefined`: nothing yet), so unchanged values are not handed again. */
  #value: string | null | undefined;
  #problem: FormProblem | undefined;

  constructor(host: FormAssociatedHost, options: FormAssociatedOptions) {
    this.#host = host;
    this.#options = options;
    this.#internals = host.attachInternals();
    host.addController(this);
  }

  /**
   * The host's `ElementInternals`, once the form has the host's current value and validity: what
   * the host's own `form`, `validity`, `validationMessage`, `willValidate`, `checkValidity()` and
   * `reportValidity()` return (`reportValidity()` shows the problem at its anchor).
   */
  get internals(): ElementInternals {
    this.sync();
    return this.#internals;
  }

  /** True while a disabled `<fieldset>` (or the host's own `disabled` attribute) disables the host. */
  get formDisabled(): boolean {
    return this.#formDisabled;
  }

  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    // This also arrives in the middle of an update when the host reflects its own `disabled`,
    // where Lit would not render again: ask for another render once the current one is done.
    queueMicrotask(() => this.#host.requestUpdate());
  }

  formResetCallback(): void {
    this.#options.reset();
    this.sync();
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    this.#options.restore(state);
    this.sync();
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdated(): void {
    // After rendering: the anchor of a new problem exists now.
    this.sync();
  }

  /**
   * Hands the form the host's current value and validity. Runs after every update; call it
   * when they change outside one and a listener may ask at once (a change event).
   */
  sync(): void {
    const value = this.#options.value();
    if (value !== this.#value) {
      this.#value = value;
      this.#internals.setFormValue(value, value);
    }
    const problem = this.#options.problem();
    const last = this.#problem;
    if (problem?.message === last?.message && problem?.anchor === last?.anchor && problem?.flags === last?.flags) return;
    this.#problem = problem;
    if (problem === undefined) this.#internals.setValidity({});
    else this.#internals.setValidity(problem.flags ?? { customError: true }, problem.message, problem.anchor ?? undefined);
  }
}
