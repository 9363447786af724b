// The constructor page: settings form (left), live preview and embed snippets (right).
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { CARRIER_TIMEOUT_MAX_MS, CARRIER_TIMEOUT_MIN_MS, type WidgetConfig } from '../../widget/src/model/config.js';
import { loadConfig, saveConfig, searchCities, type CitySuggestion } from './api.js';
import {
  FIELD_LABELS,
  configToForm,
  fieldForPath,
  formToConfig,
  validPart,
  type FieldErrors,
  type FieldKey,
  type FormValues,
} from './config-form.js';
import {
  CARRIER_OPTIONS,
  COUNTRY_OPTIONS,
  CURRENCY_OPTIONS,
  FEED_OPTIONS,
  LANG_OPTIONS,
  LAYOUT_OPTIONS,
  MODE_OPTIONS,
  SORT_OPTIONS,
  TYPE_OPTIONS,
  WIDGET_DEFAULTS,
} from './defaults.js';
import { restoreDraft, saveDraft, type Draft, type DraftStorage } from './draft-store.js';
import './embed-panel.js';
import type { EmbedPanel } from './embed-panel.js';
import { checkboxField, checkboxGroup, fieldId, radioGroup, selectField, textField, type FieldContext } from './fields.js';
import type { ScriptInfo } from './integrity.js';
import { copyText } from './copy.js';
import './orders-panel.js';
import { ownerKeyFor, rememberOwnerKey } from './owner-keys.js';
import { Preview, type PreviewEvent } from './preview.js';

const PREVIEW_DEBOUNCE_MS = 300;

/** localStorage, or a no-op when the browser forbids it (sandboxed frames, privacy settings). */
function draftStorage(): DraftStorage {
  try {
    return window.localStorage;
  } catch {
    return { getItem: () => null, setItem: () => {} };
  }
}
const SEARCH_DEBOUNCE_MS = 250;
const API_ROOT = '/api/v1';

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; id: string }
  | { kind: 'failed'; message: string }
  /** A PUT refused for want of the config's owner key. */
  | { kind: 'forbidden'; id: string };

type View = 'settings' | 'orders';
const viewFromHash = (): View => (location.hash === '#orders' ? 'orders' : 'settings');

@customElement('bpc-app')
export class ConstructorApp extends LitElement {
  /** Set by main.ts: where the script-tag build is, with its integrity hash. */
  @property({ attribute: false }) script: ScriptInfo | undefined;
  /** Set by main.ts when the widget module could not be loaded. */
  @property({ attribute: false }) widgetProblem = '';

  @state() private values: FormValues;
  @state() private errors: FieldErrors = {};
  @state() private otherErrors: string[] = [];
  /** Errors the server reported on the last save, by field; cleared when that field is edited. */
  @state() private serverErrors: FieldErrors = {};
  @state() private touched = new Set<FieldKey>();
  @state() private showAll = false;
  @state() private lastValid: WidgetConfig | undefined;
  @state() private savedId: string | undefined;
  @state() private savedJson = '';
  @state() private saveState: SaveState = { kind: 'idle' };
  @state() private restoreNote = '';
  @state() private events: PreviewEvent[] = [];
  @state() private cityQuery = '';
  @state() private cities: CitySuggestion[] = [];
  @state() private cityStatus = '';
  @state() private view: View = viewFromHash();
  /** The owner key of a config created by the last save: shown once, until dismissed or the page closes. */
  @state() private newOwnerKey: { id: string; key: string; kept: boolean } | undefined;
  @state() private keyCopyStatus = '';
  /** Config id to pre-fill the Orders tab's sign-in form with. */
  @state() private signInId = '';

  @query('bpc-embed') private embed!: EmbedPanel;

  private readonly preview = new Preview((e) => {
    this.events = [e, ...this.events].slice(0, 5);
  });
  private previewTimer: ReturnType<typeof setTimeout> | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private searchAbort: AbortController | undefined;

  constructor() {
    super();
    const restored = restoreDraft(draftStorage());
    this.values = restored.draft.values;
    this.savedId = restored.draft.savedId;
    this.savedJson = restored.draft.savedJson ?? '';
    if (restored.dropped.length) {
      this.restoreNote = `Your draft was restored, but some of it was unreadable and was reset: ${restored.dropped
        .map((k) => FIELD_LABELS[k as FieldKey] ?? k)
        .join(', ')}.`;
    } else if (restored.found) {
      this.restoreNote = 'Your draft was restored from this browser.';
    }
    // Whatever came back from the draft was typed before: show its problems straight away.
    for (const [k, v] of Object.entries(this.values) as [FieldKey, unknown][]) {
      if (typeof v === 'string' && v.trim() !== '') this.touched.add(k);
    }
    this.validate();
    this.lastValid = validPart(this.values);
  }

  override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    void this.loadFromUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
  }

  private readonly onHash = (): void => {
    const view = viewFromHash();
    if (view === this.view) return;
    this.view = view;
    if (view === 'settings') this.signInId = '';
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(view === 'orders' ? '#orders-title' : '#settings-title')?.focus());
  };

  override firstUpdated(): void {
    const host = this.querySelector<HTMLElement>('#preview-host');
    if (host) void this.preview.mount(host);
    if (this.lastValid) this.preview.apply(this.lastValid);
  }

  /** `?config=<id>` opens a saved config from the sandbox. */
  private async loadFromUrl(): Promise<void> {
    const id = new URLSearchParams(location.search).get('config');
    if (!id) return;
    const r = await loadConfig(fetch, API_ROOT, id);
    if (!r.ok) {
      this.restoreNote = `Could not open config "${id}": ${r.message}. Your draft is unchanged.`;
      return;
    }
    this.values = configToForm(r.config);
    this.savedId = r.config.id;
    this.savedJson = JSON.stringify(formToConfig(this.values).config ?? {});
    this.restoreNote = `Opened saved config ${id}.`;
    this.afterChange();
  }

  private validate(): void {
    const r = formToConfig(this.values);
    this.errors = r.errors;
    this.otherErrors = r.other;
    if (r.config) this.lastValid = r.config;
  }

  private set<K extends FieldKey>(key: K, value: FormValues[K]): void {
    this.values = { ...this.values, [key]: value };
    this.touched = new Set(this.touched).add(key);
    if (this.serverErrors[key]) {
      const { [key]: _gone, ...rest } = this.serverErrors;
      this.serverErrors = rest;
    }
    this.afterChange();
  }

  private afterChange(): void {
    this.persist();
    this.validate();
    clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => {
      if (this.lastValid) this.preview.apply(this.lastValid);
    }, PREVIEW_DEBOUNCE_MS);
  }

  private persist(): void {
    const draft: Draft = { values: this.values };
    if (this.savedId) {
      draft.savedId = this.savedId;
      draft.savedJson = this.savedJson;
    }
    saveDraft(draftStorage(), draft);
  }

  /** Errors to show now: touched fields, everything after a save attempt, plus the server's. */
  private visibleErrors(): FieldErrors {
    const out: FieldErrors = { ...this.serverErrors };
    for (const [k, msg] of Object.entries(this.errors) as [FieldKey, string][]) {
      if (this.showAll || this.touched.has(k)) out[k] = msg;
    }
    return out;
  }

  private focusFirstError(): void {
    void this.updateComplete.then(() => {
      const first = this.querySelector<HTMLElement>('[aria-invalid="true"]');
      first?.focus();
    });
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const r = formToConfig(this.values);
    if (!r.config) {
      this.showAll = true;
      const n = Object.keys(r.errors).length + r.other.length;
      this.saveState = { kind: 'failed', message: `Not saved: ${n} field${n === 1 ? ' needs' : 's need'} attention (marked in the form).` };
      this.focusFirstError();
      return;
    }
    this.saveState = { kind: 'saving' };
    const asNew = e.type === 'bpc-save-as-new';
    const id = asNew ? undefined : this.savedId;
    const result = await saveConfig(fetch, API_ROOT, r.config, id, ownerKeyFor(draftStorage(), id));
    if (!result.ok && result.status === 403 && id) {
      this.saveState = { kind: 'forbidden', id };
      return;
    }
    if (!result.ok) {
      const key = result.field ? fieldForPath(result.field) : undefined;
      // Servers often prefix the path ("theme.font: ..."): the label already names the field.
      const bare = result.field ? result.message.replace(`${result.field}: `, '') : result.message;
      if (key) this.serverErrors = { ...this.serverErrors, [key]: `${FIELD_LABELS[key]}: ${bare}` };
      this.saveState = { kind: 'failed', message: `Not saved: ${result.message}. Your settings are still here.` };
      if (key) this.focusFirstError();
      return;
    }
    const savedId = result.config.id ?? '';
    if (result.ownerKey) {
      this.newOwnerKey = { id: savedId, key: result.ownerKey, kept: rememberOwnerKey(draftStorage(), savedId, result.ownerKey) };
      this.keyCopyStatus = '';
    }
    this.savedId = savedId;
    this.savedJson = JSON.stringify(r.config);
    this.saveState = { kind: 'saved', id: savedId };
    this.persist();
    this.embed?.showSaved();
    if (result.ownerKey) void this.updateComplete.then(() => this.querySelector<HTMLElement>('#owner-key-title')?.focus());
  }

  private async copyOwnerKey(): Promise<void> {
    const target = this.querySelector<HTMLElement>('#owner-key-value');
    if (!this.newOwnerKey || !target) return;
    const how = await copyText(this.newOwnerKey.key, target);
    this.keyCopyStatus = how === 'copied' ? 'Copied the owner key to the clipboard.' : 'Selected the owner key: press Ctrl+C (⌘C) to copy.';
  }

  private renderOwnerKey(): TemplateResult | typeof nothing {
    const k = this.newOwnerKey;
    if (!k) return nothing;
    return html`<section class="owner-key" aria-labelledby="owner-key-title">
      <h3 id="owner-key-title" tabindex="-1">Your owner key for ${k.id}: shown only this once</h3>
      <p>
        Keep it: it is the only way to edit this widget and see its orders from another browser.
        ${k.kept
          ? 'This browser keeps a copy, so here you need not type it.'
          : html`<strong>This browser could not keep a copy</strong> (storage is blocked): copy it now.`}
      </p>
      <div class="key-row">
        <code id="owner-key-value" tabindex="-1">${k.key}</code>
        <button type="button" class="secondary" @click=${() => void this.copyOwnerKey()}>Copy owner key</button>
      </div>
      <p class="copy-status" role="status">${this.keyCopyStatus}</p>
      <button
        type="button"
        class="link"
        @click=${() => {
          this.newOwnerKey = undefined;
          void this.updateComplete.then(() => this.querySelector<HTMLElement>('#settings button[type="submit"]')?.focus());
        }}
      >
        I have kept it: hide the key
      </button>
    </section>`;
  }

  private onCityInput(q: string): void {
    this.cityQuery = q;
    clearTimeout(this.searchTimer);
    this.searchAbort?.abort();
    if (q.trim().length < 2) {
      this.cities = [];
      this.cityStatus = '';
      return;
    }
    this.searchTimer = setTimeout(() => void this.runSearch(q.trim()), SEARCH_DEBOUNCE_MS);
  }

  private async runSearch(q: string): Promise<void> {
    const abort = new AbortController();
    this.searchAbort = abort;
    try {
      const found = await searchCities(fetch, API_ROOT, q, abort.signal);
      if (abort.signal.aborted) return;
      this.cities = found;
      this.cityStatus = found.length ? `${found.length} ${found.length === 1 ? 'city' : 'cities'} found.` : `No city matches "${q}".`;
    } catch (err) {
      if (abort.signal.aborted) return;
      this.cities = [];
      this.cityStatus = `City search is unavailable (${err instanceof Error ? err.message : String(err)}): enter latitude and longitude instead.`;
    }
  }

  private chooseCity(c: CitySuggestion): void {
    this.values = {
      ...this.values,
      centerLat: String(Math.round(c.lat * 1e5) / 1e5),
      centerLng: String(Math.round(c.lng * 1e5) / 1e5),
      zoom: this.values.zoom || String(WIDGET_DEFAULTS.zoom),
    };
    this.touched = new Set(this.touched).add('centerLat').add('centerLng');
    this.cities = [];
    this.cityQuery = '';
    this.cityStatus = `Map centre set to ${c.label}.`;
    this.afterChange();
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(`#${fieldId('centerLat')}`)?.focus());
  }

  private ctx(): FieldContext {
    return { values: this.values, errors: this.visibleErrors(), set: (k, v) => this.set(k, v) };
  }

  private card(id: string, title: string, body: TemplateResult, intro?: string): TemplateResult {
    return html`<section class="card" aria-labelledby="card-${id}">
      <h3 id="card-${id}">${title}</h3>
      ${intro ? html`<p class="intro">${intro}</p>` : nothing}
      ${body}
    </section>`;
  }

  private renderForm(): TemplateResult {
    const c = this.ctx();
    const color = /^#[0-9a-fA-F]{6}$/.test(this.values.themePrimary) ? this.values.themePrimary : '#2563eb';
    return html`<form id="settings" novalidate @submit=${this.save} aria-labelledby="settings-title">
      ${this.card(
        'general',
        'General',
        html`${textField('name', c, {
          placeholder: WIDGET_DEFAULTS.name,
          hint: `The name the chosen point is submitted under in your checkout form. Empty: "${WIDGET_DEFAULTS.name}".`,
        })}
        ${selectField('lang', c, LANG_OPTIONS)}`,
      )}
      ${this.card(
        'points',
        'Carriers and points',
        html`${checkboxGroup('carriers', c, CARRIER_OPTIONS)} ${checkboxGroup('types', c, TYPE_OPTIONS)}
        ${checkboxField('hideUnfit', c, {
          label: 'Hide points the parcel does not fit',
          hint: 'Otherwise they are shown greyed out with the reason.',
        })}`,
      )}
      ${this.card(
        'display',
        'Display',
        html`${radioGroup('layout', c, LAYOUT_OPTIONS)} ${radioGroup('mode', c, MODE_OPTIONS)}`,
      )}
      ${this.card('map', 'Map', this.renderMapSection(c))}
      ${this.card(
        'theme',
        'Theme',
        html`<div class="row">
            <div class="field colour">
              ${textField('themePrimary', c, { placeholder: '#2563eb', hint: 'Hex colour, e.g. #0a7c4a. Empty: the widget default.' })}
              <label class="visually-hidden" for="f-themePrimaryPicker">Primary colour picker</label>
              <input
                id="f-themePrimaryPicker"
                type="color"
                .value=${color}
                @input=${(e: Event) => this.set('themePrimary', (e.target as HTMLInputElement).value)}
              />
            </div>
            ${textField('themeRadius', c, { inputmode: 'numeric', unit: 'px', placeholder: '8', hint: '0 to 32.', className: 'narrow' })}
          </div>
          ${textField('themeFont', c, { placeholder: 'system-ui, sans-serif', hint: 'A CSS font-family list. Empty: inherit the page font.' })}`,
      )}
      ${this.card(
        'parcel',
        'Parcel for quotes',
        html`<div class="row">
            ${textField('parcelWeight', c, { label: 'Weight', inputmode: 'numeric', unit: 'g', className: 'narrow' })}
            ${textField('parcelLength', c, { label: 'Length', inputmode: 'decimal', unit: 'cm', className: 'narrow' })}
            ${textField('parcelWidth', c, { label: 'Width', inputmode: 'decimal', unit: 'cm', className: 'narrow' })}
            ${textField('parcelHeight', c, { label: 'Height', inputmode: 'decimal', unit: 'cm', className: 'narrow' })}
          </div>
          <div class="row">
            ${textField('declaredValue', c, { inputmode: 'decimal', placeholder: '0.00' })}
            ${textField('codAmount', c, { label: 'Cash on delivery', inputmode: 'decimal', placeholder: '0.00', hint: 'Empty: prepaid.' })}
            ${selectField('currency', c, CURRENCY_OPTIONS.map((x) => ({ value: x, label: x })), { className: 'narrow' })}
          </div>`,
        'A typical parcel lets the widget show prices and delivery times, and grey out points it does not fit. Leave empty to skip quotes.',
      )}
      ${this.card(
        'origin',
        'Ship from',
        html`<div class="row">
          ${selectField('originCountry', c, COUNTRY_OPTIONS)}
          ${textField('originPostcode', c, { autocomplete: 'postal-code' })}
          ${textField('originCity', c)}
        </div>`,
        'Where your parcels start: tariff requests need it.',
      )}
      ${this.card(
        'sorting',
        'Sorting',
        html`${selectField('sort', c, SORT_OPTIONS)}
          <fieldset class="group">
            <legend>Weights of "Best"</legend>
            <p class="hint">0 to 10 each: higher means that criterion matters more. Empty: the widget's balance.</p>
            <div class="row">
              ${textField('weightDistance', c, { inputmode: 'decimal', className: 'narrow' })}
              ${textField('weightPrice', c, { inputmode: 'decimal', className: 'narrow' })}
              ${textField('weightSpeed', c, { inputmode: 'decimal', className: 'narrow' })}
            </div>
          </fieldset>`,
      )}
      ${this.card(
        'advanced',
        'Advanced',
        html`${textField('carrierTimeoutMs', c, {
          inputmode: 'numeric',
          unit: 'ms',
          placeholder: String(WIDGET_DEFAULTS.carrierTimeoutMs),
          hint: `How long a carrier may take before it is shown as unavailable: ${CARRIER_TIMEOUT_MIN_MS} to ${CARRIER_TIMEOUT_MAX_MS}.`,
          className: 'narrow',
        })}
        ${selectField('feed', c, FEED_OPTIONS, {
          hint: 'Our open tile feed, or every Nova Poshta warehouse loaded with your key and clustered in the browser.',
        })}
        ${textField('npApiKey', c, {
          hint: 'For the Nova Poshta source. Buyers can see it: use a key limited to reading warehouses, or a proxy.',
        })}
        ${textField('apiBase', c, {
          type: 'url',
          inputmode: 'url',
          placeholder: 'https://api.example.com',
          hint: 'Server root of the points API (without /api/v1). Empty: the server this constructor runs on.',
        })}`,
      )}
      ${this.renderOwnerKey()}
      <div class="save-bar">
        <button type="submit" class="primary" ?disabled=${this.saveState.kind === 'saving'}>
          ${this.saveState.kind === 'saving' ? 'Saving…' : this.savedId ? 'Save changes' : 'Save configuration'}
        </button>
        <p role="status" class="save-status ${this.saveState.kind}">${this.saveMessage()}</p>
      </div>
    </form>`;
  }

  private saveMessage(): TemplateResult | string {
    const s = this.saveState;
    if (s.kind === 'saved') return html`Saved. Config id: <code class="config-id">${s.id}</code>`;
    if (s.kind === 'failed') return s.message;
    if (s.kind === 'forbidden') {
      return html`Not saved: widget <code class="config-id">${s.id}</code> can only be changed with its owner key, and this
        browser does not have it.
        <a href="#orders" @click=${() => (this.signInId = s.id)}>Sign in with its owner key</a>
        or
        <button type="button" class="link" @click=${() => void this.save(new CustomEvent('bpc-save-as-new', { cancelable: true }))}>save these settings as a new widget</button>.
        Your settings are still here.`;
    }
    if (s.kind === 'saving') return 'Saving…';
    if (this.savedId) return html`Last saved as <code class="config-id">${this.savedId}</code>.`;
    return 'Drafts are kept in this browser as you type.';
  }

  private renderMapSection(c: FieldContext): TemplateResult {
    return html`<div class="field city-search">
        <label for="f-citySearch">Find a city for the map centre</label>
        <input
          id="f-citySearch"
          type="search"
          autocomplete="off"
          aria-describedby="h-citySearch"
          aria-controls=${this.cities.length ? 'city-results' : nothing}
          placeholder="e.g. Kyiv"
          .value=${this.cityQuery}
          @input=${(e: Event) => this.onCityInput((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Escape') this.onCityInput('');
          }}
        />
        <p class="hint" id="h-citySearch" role="status">${this.cityStatus || 'Type at least 2 letters, or enter coordinates below.'}</p>
        ${this.cities.length
          ? html`<ul id="city-results" class="city-results" aria-label="Matching cities">
              ${this.cities.map(
                (city) => html`<li>
                  <button type="button" class="link" @click=${() => this.chooseCity(city)}>
                    <span class="city-name">${city.label}</span>
                    <span class="city-meta">${[city.region, city.country].filter(Boolean).join(', ')} · ${city.count} points</span>
                  </button>
                </li>`,
              )}
            </ul>`
          : nothing}
      </div>
      <div class="row">
        ${textField('centerLat', c, { label: 'Centre latitude', inputmode: 'decimal', placeholder: String(WIDGET_DEFAULTS.center.lat), className: 'narrow' })}
        ${textField('centerLng', c, { label: 'Centre longitude', inputmode: 'decimal', placeholder: String(WIDGET_DEFAULTS.center.lng), className: 'narrow' })}
        ${textField('zoom', c, { inputmode: 'numeric', placeholder: String(WIDGET_DEFAULTS.zoom), hint: '2 (world) to 19 (street).', className: 'narrow' })}
      </div>
      ${textField('tileUrl', c, {
        type: 'url',
        inputmode: 'url',
        placeholder: WIDGET_DEFAULTS.tileUrl,
        hint: 'Raster tiles with {z}, {x} and {y}, or "none" for the built-in basemap. Empty: OpenStreetMap.',
      })}`;
  }

  private renderPreviewStatus(): TemplateResult {
    const n = Object.keys(this.errors).length + this.otherErrors.length;
    if (n === 0) return html`<p class="preview-status ok">Showing your current settings.</p>`;
    return html`<p class="preview-status warn">
      Showing the last valid settings: ${n} field${n === 1 ? ' needs' : 's need'} attention.
      <button
        type="button"
        class="link"
        @click=${() => {
          this.showAll = true;
          this.focusFirstError();
        }}
      >
        Show ${n === 1 ? 'it' : 'them'}
      </button>
    </p>`;
  }

  override render(): TemplateResult {
    const savedIsCurrent = Boolean(this.savedId) && this.savedJson === JSON.stringify(this.lastValid ?? {});
    return html`
      <header class="topbar">
        ${this.view === 'settings' ? html`<a class="skip" href="#preview-title">Skip to the preview</a>` : nothing}
        <h1>Branch picker — constructor</h1>
        <nav aria-label="Constructor sections">
          <ul>
            <li><a href="#settings" aria-current=${this.view === 'settings' ? 'page' : nothing}>Widget settings</a></li>
            <li><a href="#orders" aria-current=${this.view === 'orders' ? 'page' : nothing}>Orders</a></li>
          </ul>
        </nav>
      </header>
      ${this.view === 'orders'
        ? html`<main class="orders-view" aria-labelledby="orders-title">
            <h2 id="orders-title" class="page-title" tabindex="-1">Orders</h2>
            <bpc-orders
              .storage=${draftStorage()}
              .apiRoot=${API_ROOT}
              .preferredId=${this.savedId}
              .signInId=${this.signInId}
            ></bpc-orders>
          </main>`
        : nothing}
      <main class="layout" ?hidden=${this.view !== 'settings'}>
        <section class="pane settings" aria-labelledby="settings-title">
          <h2 id="settings-title">Settings</h2>
          ${this.restoreNote ? html`<p class="note" role="status">${this.restoreNote}</p>` : nothing}
          ${this.otherErrors.length
            ? html`<ul class="error">${this.otherErrors.map((m) => html`<li>${m}</li>`)}</ul>`
            : nothing}
          ${this.renderForm()}
        </section>
        <div class="pane side">
          <section class="card preview-card" aria-labelledby="preview-title">
            <h2 id="preview-title" tabindex="-1">Live preview</h2>
            ${this.renderPreviewStatus()}
            ${this.widgetProblem ? html`<p class="note" role="alert">${this.widgetProblem}</p>` : nothing}
            <div id="preview-host" class="preview-host ${this.lastValid?.mode === 'modal' ? 'modal' : ''}">
              <p class="hint">${this.widgetProblem ? 'No preview.' : 'Loading the widget…'}</p>
            </div>
            <div class="events">
              <h3 id="events-title">Widget events</h3>
              <ul aria-labelledby="events-title" aria-live="polite">
                ${this.events.length
                  ? this.events.map((e) => html`<li><code>${e.text}</code></li>`)
                  : html`<li class="hint">Pick a point in the preview to see bp-change.</li>`}
              </ul>
            </div>
          </section>
          <section class="card" aria-labelledby="embed-title">
            <h2 id="embed-title">Embed</h2>
            <bpc-embed
              .config=${this.lastValid}
              .script=${this.script}
              .savedId=${this.savedId}
              .savedIsCurrent=${savedIsCurrent}
              .defaultApiBase=${location.origin}
            ></bpc-embed>
          </section>
        </div>
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bpc-app': ConstructorApp;
  }
}
