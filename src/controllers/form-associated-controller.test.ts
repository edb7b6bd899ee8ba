import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, mount } from '../../test/fixtures/dom.ts';
import { FormAssociatedController } from './form-associated-controller.ts';

/** The smallest form control on the controller: a required text field. */
class TestField extends LitElement {
  static formAssociated = true;
  @property({ reflect: true }) name: string | undefined;
  @property({ type: Boolean, reflect: true }) disabled = false;
  @state() text = 'initial';
  resets = 0;

  readonly control = new FormAssociatedController(this, {
    value: () => (this.text === '' ? null : this.text),
    problem: () => (this.text === '' ? { message: 'Enter some text.', anchor: this.renderRoot?.querySelector('input') } : undefined),
    reset: () => {
      this.resets++;
      this.text = 'initial';
    },
    restore: (saved) => (this.text = saved),
  });

  formResetCallback(): void {
    this.control.formResetCallback();
  }
  formDisabledCallback(disabled: boolean): void {
    this.control.formDisabledCallback(disabled);
  }
  formStateRestoreCallback(saved: string | File | FormData | null): void {
    this.control.formStateRestoreCallback(saved);
  }

  protected override render() {
    return html`<input aria-label="Text" .value=${this.text} ?disabled=${this.disabled || this.control.formDisabled} />`;
  }
}
customElements.define('odw-test-form-field', TestField);

afterEach(cleanup);

async function inForm(setup: (field: TestField) => void = () => {}) {
  const form = document.createElement('form');
  const fieldset = form.appendChild(document.createElement('fieldset'));
  const field = fieldset.appendChild(document.createElement('odw-test-form-field') as TestField);
  field.name = 'text';
  setup(field);
  mount(form);
  await field.updateComplete;
  return { form, fieldset, field };
}

describe('FormAssociatedController', () => {
  it('submits the value under the name, and nothing for null', async () => {
    const { form, field } = await inForm();
    expect(field.control.internals.form).toBe(form);
    expect(new FormData(form).get('text')).toBe('initial');
    field.text = 'changed';
    await field.updateComplete;
    expect(new FormData(form).get('text')).toBe('changed');
    field.text = '';
    await field.updateComplete;
    expect(new FormData(form).has('text')).toBe(false);
  });

  it('blocks submission with the message while invalid, and points at the anchor', async () => {
    const { form, field } = await inForm();
    const submitted = vi.fn((event: Event) => event.preventDefault());
    form.addEventListener('submit', submitted);
    field.text = '';
    await field.updateComplete;
    expect(field.control.internals.checkValidity()).toBe(false);
    expect(field.control.internals.validity.customError).toBe(true);
    expect(field.control.internals.validationMessage).toBe('Enter some text.');
    expect(field.control.internals.willValidate).toBe(true);
    form.requestSubmit();
    expect(submitted).not.toHaveBeenCalled();
    expect(field.control.internals.reportValidity()).toBe(false);
    expect(field.shadowRoot?.activeElement).toBe(field.shadowRoot?.querySelector('input'));
    field.text = 'fixed';
    await field.updateComplete;
    expect(field.control.internals.validity.valid).toBe(true);
    expect(field.control.internals.validationMessage).toBe('');
    form.requestSubmit();
    expect(submitted).toHaveBeenCalledOnce();
  });

  it('is current when asked between a change and the next update', async () => {
    const { field } = await inForm();
    field.text = '';
    expect(field.control.internals.checkValidity()).toBe(false);
    expect(field.control.internals.validationMessage).toBe('Enter some text.');
  });

  it('hands the form a value or validity only when it changed', async () => {
    const { field } = await inForm();
    const setFormValue = vi.spyOn(ElementInternals.prototype, 'setFormValue');
    const setValidity = vi.spyOn(ElementInternals.prototype, 'setValidity');
    field.requestUpdate();
    await field.updateComplete;
    expect(setFormValue).not.toHaveBeenCalled();
    expect(setValidity).not.toHaveBeenCalled();
    field.text = '';
    await field.updateComplete;
    expect(setFormValue).toHaveBeenCalledOnce();
    expect(setValidity).toHaveBeenCalledOnce();
    vi.restoreAllMocks();
  });

  it('form.reset() asks the host to reset, and the form sees the result at once', async () => {
    const { form, field } = await inForm();
    field.text = 'changed';
    await field.updateComplete;
    form.reset();
    expect(field.resets).toBe(1);
    expect(new FormData(form).get('text')).toBe('initial');
  });

  it('follows a disabled fieldset, and renders again', async () => {
    const { form, fieldset, field } = await inForm();
    fieldset.disabled = true;
    await vi.waitFor(() => expect(field.shadowRoot?.querySelector('input')?.disabled).toBe(true));
    expect(field.control.formDisabled).toBe(true);
    expect(new FormData(form).has('text')).toBe(false);
    fieldset.disabled = false;
    await vi.waitFor(() => expect(field.shadowRoot?.querySelector('input')?.disabled).toBe(false));
    expect(field.control.formDisabled).toBe(false);
  });

  it('restores a saved state; ignores states it did not save', async () => {
    const { form, field } = await inForm();
    field.formStateRestoreCallback('restored');
    expect(new FormData(form).get('text')).toBe('restored');
    field.formStateRestoreCallback(new FormData());
    expect(field.text).toBe('restored');
  });
});
