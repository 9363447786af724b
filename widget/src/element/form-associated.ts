// The form-control surface every form-associated custom element repeats (form, validity,
// checkValidity...), delegated to ElementInternals. The picker extends it and adds its value.
import { LitElement } from 'lit';

export class FormAssociatedElement extends LitElement {
  static formAssociated = true;
  protected readonly internals = this.attachInternals();

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }
}
