// Accessible form controls for the settings form: every control has a <label>, groups are
// fieldsets with legends, and hints/errors are tied to the control with aria-describedby.
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldKey, FormValues } from './config-form.js';

export interface FieldContext {
  values: FormValues;
  /** Errors to show now (touched fields, or all after a save attempt). */
  errors: Partial<Record<FieldKey, string>>;
  /** Field names in the interface language. */
  labels: Record<FieldKey, string>;
  set<K extends FieldKey>(key: K, value: FormValues[K]): void;
}

export const fieldId = (key: string): string => `f-${key}`;
const hintId = (key: string): string => `h-${key}`;
const errorId = (key: string): string => `e-${key}`;

function describedBy(key: FieldKey, ctx: FieldContext, hint?: string): string | typeof nothing {
  const ids = [hint ? hintId(key) : '', ctx.errors[key] ? errorId(key) : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

function hintAndError(key: FieldKey, ctx: FieldContext, hint?: string): TemplateResult {
  const error = ctx.errors[key];
  return html`${hint ? html`<p class="hint" id=${hintId(key)}>${hint}</p>` : nothing}${error
    ? html`<p class="error" id=${errorId(key)}>${error}</p>`
    : nothing}`;
}

export interface TextOptions {
  label?: string;
  hint?: string;
  placeholder?: string;
  /** Shown after the input, e.g. "g", "cm", "ms". */
  unit?: string;
  /** Numeric fields stay type="text" + inputmode so what was typed (even "12a") is kept and reported. */
  inputmode?: 'decimal' | 'numeric' | 'url' | 'text' | 'search';
  type?: 'text' | 'url';
  autocomplete?: string;
  className?: string;
}

export function textField(key: FieldKey, ctx: FieldContext, o: TextOptions = {}): TemplateResult {
  const value = ctx.values[key];
  const invalid = Boolean(ctx.errors[key]);
  return html`<div class="field ${o.className ?? ''}">
    <label for=${fieldId(key)}>${o.label ?? ctx.labels[key]}</label>
    <div class="control">
      <input
        id=${fieldId(key)}
        name=${key}
        type=${o.type ?? 'text'}
        inputmode=${o.inputmode ?? nothing}
        placeholder=${o.placeholder ?? nothing}
        autocomplete=${o.autocomplete ?? 'off'}
        spellcheck="false"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy(key, ctx, o.hint)}
        .value=${typeof value === 'string' ? value : ''}
        @input=${(e: Event) => ctx.set(key, (e.target as HTMLInputElement).value as FormValues[typeof key])}
      />${o.unit ? html`<span class="unit" aria-hidden="true">${o.unit}</span>` : nothing}
    </div>
    ${hintAndError(key, ctx, o.hint)}
  </div>`;
}

export interface Option {
  value: string;
  label: string;
}

export function selectField(
  key: FieldKey,
  ctx: FieldContext,
  options: readonly Option[],
  o: { label?: string; hint?: string; className?: string } = {},
): TemplateResult {
  const value = ctx.values[key];
  return html`<div class="field ${o.className ?? ''}">
    <label for=${fieldId(key)}>${o.label ?? ctx.labels[key]}</label>
    <select
      id=${fieldId(key)}
      name=${key}
      aria-invalid=${ctx.errors[key] ? 'true' : 'false'}
      aria-describedby=${describedBy(key, ctx, o.hint)}
      @change=${(e: Event) => ctx.set(key, (e.target as HTMLSelectElement).value as FormValues[typeof key])}
    >
      ${options.map((opt) => html`<option value=${opt.value} ?selected=${opt.value === value}>${opt.label}</option>`)}
    </select>
    ${hintAndError(key, ctx, o.hint)}
  </div>`;
}

/** A set of checkboxes editing a string list. */
export function checkboxGroup(key: 'carriers' | 'types', ctx: FieldContext, options: readonly Option[], o: { legend?: string; hint?: string } = {}): TemplateResult {
  const selected = ctx.values[key];
  const toggle = (v: string, on: boolean): void => {
    const next = on ? [...selected.filter((x) => x !== v), v] : selected.filter((x) => x !== v);
    // Keep the options' order so the snippet does not depend on click order.
    const order = options.map((x) => x.value);
    next.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    ctx.set(key, next);
  };
  return html`<fieldset class="group" id=${fieldId(key)} aria-describedby=${describedBy(key, ctx, o.hint)}>
    <legend>${o.legend ?? ctx.labels[key]}</legend>
    <div class="choices">
      ${options.map(
        (opt) => html`<label class="choice">
          <input
            type="checkbox"
            name=${key}
            value=${opt.value}
            aria-invalid=${ctx.errors[key] ? 'true' : 'false'}
            .checked=${selected.includes(opt.value)}
            @change=${(e: Event) => toggle(opt.value, (e.target as HTMLInputElement).checked)}
          />
          <span>${opt.label}</span>
        </label>`,
      )}
    </div>
    ${hintAndError(key, ctx, o.hint)}
  </fieldset>`;
}

export function radioGroup(key: 'layout' | 'mode', ctx: FieldContext, options: readonly Option[], o: { legend?: string; hint?: string } = {}): TemplateResult {
  const value = ctx.values[key];
  return html`<fieldset class="group" id=${fieldId(key)} aria-describedby=${describedBy(key, ctx, o.hint)}>
    <legend>${o.legend ?? ctx.labels[key]}</legend>
    <div class="choices">
      ${options.map(
        (opt) => html`<label class="choice">
          <input
            type="radio"
            name=${key}
            value=${opt.value}
            .checked=${opt.value === value}
            @change=${() => ctx.set(key, opt.value)}
          />
          <span>${opt.label}</span>
        </label>`,
      )}
    </div>
    ${hintAndError(key, ctx, o.hint)}
  </fieldset>`;
}

export function checkboxField(key: 'hideUnfit' | 'order', ctx: FieldContext, o: { label?: string; hint?: string } = {}): TemplateResult {
  return html`<div class="field">
    <label class="choice">
      <input
        id=${fieldId(key)}
        type="checkbox"
        name=${key}
        aria-describedby=${describedBy(key, ctx, o.hint)}
        .checked=${ctx.values[key]}
        @change=${(e: Event) => ctx.set(key, (e.target as HTMLInputElement).checked)}
      />
      <span>${o.label ?? ctx.labels[key]}</span>
    </label>
    ${hintAndError(key, ctx, o.hint)}
  </div>`;
}
