// <bp-tracking>'s templates. Pure: every value arrives computed (view-model.ts) and reaches the DOM through Lit
// bindings only, carrier text included. Headings follow the host page's outline through `level`.
import { html, nothing, type TemplateResult } from 'lit';
import type { TrackingMessages } from './messages.js';
import type { LookupField } from './lookup-input.js';
import type { TrackingModel } from './view-model.js';

/** A heading at `level` (2 = below the page's h1) without a tag per level. */
function heading(level: number, cls: string, text: string, id?: string, focusable = false): TemplateResult {
  return html`<div class=${cls} role="heading" aria-level=${level} id=${id ?? nothing} tabindex=${focusable ? '-1' : nothing}>${text}</div>`;
}

export interface TrackingViewProps {
  m: TrackingMessages;
  model: TrackingModel;
  level: number;
  /** "Обновлено в 14:30", or undefined before the first answer. */
  updated: string | undefined;
  /** A banner over stale data (offline, or the last refresh failed). */
  banner: { text: string; kind: 'warn' | 'err'; retry: boolean } | undefined;
  /** Shown when the parcel was found by number and phone: lets the buyer look up another one. */
  onAnother: (() => void) | undefined;
  onRefresh: () => void;
}

export function renderTracking(p: TrackingViewProps): TemplateResult {
  const { m, model: v, level } = p;
  return html`
    <section class="wrap" part="tracking" aria-labelledby="bp-tr-title">
      <header>
        ${heading(level, 'title', m.title, 'bp-tr-title', true)}
        <p class="meta">${v.trackNumber ? html`${m.trackNumber} <span class="mono">${v.trackNumber}</span> · ` : nothing}${v.carrier}</p>
      </header>
      <div class="status ${v.tone}" part="status">
        <span class="mark" aria-hidden="true"></span>
        <div>
          ${heading(level + 1, 'status-text', v.statusText)}
          ${v.eta || v.storageUntil ? html`<dl class="facts">
            ${v.eta ? html`<div><dt>${m.eta}:</dt><dd>${v.eta}</dd></div>` : nothing}
            ${v.storageUntil ? html`<div><dt>${m.storageUntil}:</dt><dd>${v.storageUntil}</dd></div>` : nothing}
          </dl>` : nothing}
        </div>
      </div>
      ${p.banner ? renderBanner(p.banner, m, p.onRefresh) : nothing}
      <section aria-labelledby="bp-tr-history">
        ${heading(level + 1, 'section-title', m.timeline, 'bp-tr-history')}
        ${v.events.length
          ? html`<ol class="timeline" part="timeline" aria-labelledby="bp-tr-history">${v.events.map((e) => html`<li part="event">
              <span class="ev-status">${e.status}</span>
              ${e.description ? html`<span class="ev-desc"> · ${e.description}</span>` : nothing}
              ${e.place ? html`<span class="ev-desc"> · ${e.place}</span>` : nothing}
              <time class="ev-time" datetime=${e.time.datetime}>${e.time.text}${e.time.offset
                ? html` <span aria-hidden="true">(${e.time.offset})</span><span class="sr-only">, ${m.localTime(e.time.offset)}</span>` : nothing}</time>
            </li>`)}</ol>`
          : html`<p class="empty">${m.noEvents}</p>`}
      </section>
      <section class="point" part="point" aria-labelledby="bp-tr-point">
        ${heading(level + 1, 'section-title', m.point, 'bp-tr-point')}
        <p class="point-name">${v.point.name}</p>
        <p>${v.point.address}</p>
        ${v.point.hoursToday ? html`<p>${m.today}: ${v.point.hoursToday}</p>` : nothing}
        ${v.point.openNow ? html`<p class="open ${v.point.openTone ?? ''}">${v.point.openNow}</p>` : nothing}
        ${v.point.phone ? html`<p><a href=${`tel:${v.point.phone.replace(/[^+\d]/g, '')}`}>${v.point.phone}</a></p>` : nothing}
      </section>
      <div class="foot">
        <span>${p.updated ?? ''}</span>
        <span>
          ${p.onAnother ? html`<button class="btn link" type="button" @click=${p.onAnother}>${m.anotherParcel}</button>` : nothing}
          ${v.final ? nothing : html`<button class="btn" part="button" type="button" @click=${p.onRefresh}>${m.refresh}</button>`}
        </span>
      </div>
    </section>`;
}

function renderBanner(b: NonNullable<TrackingViewProps['banner']>, m: TrackingMessages, onRetry: () => void): TemplateResult {
  return html`<div class="banner ${b.kind === 'err' ? 'err' : ''}" part="banner">
    <span>${b.text}</span>
    ${b.retry ? html`<button class="btn" type="button" @click=${onRetry}>${m.retry}</button>` : nothing}
  </div>`;
}

export interface LookupViewProps {
  m: TrackingMessages;
  level: number;
  track: string;
  phone: string;
  errors: Partial<Record<LookupField, string>>;
  /** Why the last lookup found nothing (not found, blocked), shown above the form. */
  problem: string | undefined;
  busy: boolean;
  onInput: (field: LookupField, value: string) => void;
  onSubmit: (e: Event) => void;
}

export function renderLookup(p: LookupViewProps): TemplateResult {
  const { m, errors: err } = p;
  const field = (name: LookupField, label: string, value: string, attrs: { type: string; autocomplete: string; inputmode: string }) => html`
    <div class="field">
      <label for="bp-tr-${name}">${label}</label>
      <input id="bp-tr-${name}" name=${name} part="input" type=${attrs.type} autocomplete=${attrs.autocomplete} inputmode=${attrs.inputmode}
        .value=${value} aria-invalid=${err[name] ? 'true' : 'false'} aria-describedby=${err[name] ? `bp-tr-${name}-err` : nothing}
        @input=${(e: Event) => p.onInput(name, (e.target as HTMLInputElement).value)} />
      ${err[name] ? html`<div class="err" id="bp-tr-${name}-err">${err[name]}</div>` : nothing}
    </div>`;
  return html`
    <section class="wrap" part="lookup" aria-labelledby="bp-tr-lookup-title">
      ${heading(p.level, 'title', m.lookupTitle, 'bp-tr-lookup-title')}
      <p class="hint">${m.lookupHint}</p>
      ${p.problem ? html`<div class="banner err" part="banner">${p.problem}</div>` : nothing}
      <form novalidate @submit=${p.onSubmit}>
        ${field('trackNumber', m.trackLabel, p.track, { type: 'text', autocomplete: 'off', inputmode: 'text' })}
        ${field('phone', m.phoneLabel, p.phone, { type: 'tel', autocomplete: 'tel', inputmode: 'tel' })}
        <button class="btn primary" part="button" type="submit" ?disabled=${p.busy}>${m.find}</button>
      </form>
    </section>`;
}

/** Placeholder while the first answer is on its way: the same outline, so nothing jumps when it arrives. */
export function renderLoading(m: TrackingMessages, level: number): TemplateResult {
  return html`<section class="wrap" part="tracking" aria-busy="true" aria-labelledby="bp-tr-title">
    ${heading(level, 'title', m.title, 'bp-tr-title')}
    <div class="skeleton big" aria-hidden="true"></div>
    <div class="skeleton" aria-hidden="true"></div>
    <div class="skeleton" aria-hidden="true"></div>
    <p class="hint">${m.loading}</p>
  </section>`;
}

/** A state with nothing to show but a message (wrong link, no connection before the first answer). */
export function renderMessage(
  m: TrackingMessages, level: number, text: string, action: { label: string; run: () => void } | undefined,
): TemplateResult {
  return html`<section class="wrap" part="tracking" aria-labelledby="bp-tr-title">
    ${heading(level, 'title', m.title, 'bp-tr-title')}
    <div class="banner err" part="banner"><span>${text}</span>${action
      ? html`<button class="btn" part="button" type="button" @click=${action.run}>${action.label}</button>` : nothing}</div>
  </section>`;
}
