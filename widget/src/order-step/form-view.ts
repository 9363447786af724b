// The recipient form: native inputs with visible labels; an error sits next to its field, is tied to it with
// aria-describedby and marks it aria-invalid. Enter submits (a native <form>); validation is ours (novalidate), so
// the messages name the field in the buyer's language.
import { html, nothing, type TemplateResult } from 'lit';
import type { OrderStepMessages } from './messages.js';
import { PHONE_EXAMPLES, RECIPIENT_FIELDS, type FieldErrors, type RecipientDraft, type RecipientField } from './recipient-fields.js';

export interface FormViewArgs {
  t: OrderStepMessages;
  draft: RecipientDraft;
  errors: FieldErrors;
  /** The point's country: picks the phone example. */
  country: string;
  onInput(field: RecipientField, value: string): void;
  onSubmit(e: SubmitEvent): void;
  onBack(): void;
}

const INPUT: Record<RecipientField, { type: string; autocomplete: string; inputmode?: string }> = {
  givenName: { type: 'text', autocomplete: 'given-name' },
  surname: { type: 'text', autocomplete: 'family-name' },
  phone: { type: 'tel', autocomplete: 'tel', inputmode: 'tel' },
  email: { type: 'email', autocomplete: 'email', inputmode: 'email' },
};

export const inputId = (f: RecipientField) => `bp-order-${f}`;

export function renderRecipientForm(a: FormViewArgs): TemplateResult {
  const bad = RECIPIENT_FIELDS.filter((f) => a.errors[f]).length;
  return html`
    <h2 id="bp-order-heading" tabindex="-1">${a.t.recipientHeading}</h2>
    <form novalidate @submit=${a.onSubmit} aria-labelledby="bp-order-heading">
      ${RECIPIENT_FIELDS.map((f) => renderField(a, f))}
      <p class="sr-only" role="status">${bad ? a.t.fixFields(bad) : ''}</p>
      <div class="actions">
        <button class="primary" type="submit">${a.t.next}</button>
        <button type="button" class="link" @click=${a.onBack}>${a.t.back}</button>
      </div>
    </form>
  `;
}

function renderField(a: FormViewArgs, f: RecipientField): TemplateResult {
  const id = inputId(f);
  const error = a.errors[f];
  const example = f === 'phone' ? PHONE_EXAMPLES[a.country] : undefined;
  const described = [example ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const spec = INPUT[f];
  return html`
    <div class="field">
      <label for=${id}>${a.t.fieldLabels[f]}${f === 'email' ? html` <span class="opt">(${a.t.optional})</span>` : nothing}</label>
      <input id=${id} name=${f} type=${spec.type} autocomplete=${spec.autocomplete} inputmode=${spec.inputmode ?? nothing}
        ?required=${f !== 'email'} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described || nothing}
        .value=${a.draft[f]} @input=${(e: InputEvent) => a.onInput(f, (e.target as HTMLInputElement).value)}>
      ${example ? html`<p class="hint" id=${`${id}-hint`}>${a.t.phoneHint(example)}</p>` : nothing}
      ${error ? html`<p class="error" id=${`${id}-error`}>${error}</p>` : nothing}
    </div>
  `;
}
