// The constructor page: settings form (left), live preview and embed snippets (right).
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { CARRIER_TIMEOUT_MAX_MS, CARRIER_TIMEOUT_MIN_MS, type WidgetConfig } from '../../widget/src/model/config.js';
import { loadConfig, saveConfig, searchCities, type CitySuggestion } from './api.js';
import type { Lang } from '../../widget/src/model/config.js';
import {
  configToForm,
  emptyValues,
  fieldForPath,
  formAdvice,
  formToConfig,
  validPart,
  type FieldErrors,
  type FieldKey,
  type FormValues,
} from './config-form.js';
import { CURRENCY_OPTIONS, WIDGET_DEFAULTS, localOptions } from './defaults.js';
import { restoreDraft, saveDraft, type Draft, type DraftStorage } from './draft-store.js';
import './embed-panel.js';
import type { EmbedPanel } from './embed-panel.js';
import { checkboxField, checkboxGroup, fieldId, radioGroup, selectField, textField, type FieldContext } from './fields.js';
import { resolveUiLang, strings, UI_LANG_KEY, UI_LANG_NAMES, UI_LANGS, type UiStrings } from './i18n/index.js';
import type { ScriptInfo } from './integrity.js';
import { copyText } from './copy.js';
import './orders-panel.js';
import { ownerKeyFor, rememberOwnerKey } from './owner-keys.js';
import './preview-panel.js';
import { readShareHash, shareHash } from './share-link.js';

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

/** Words that depend on the interface language are kept as functions of it, so a switch re-words them. */
type Words = (t: UiStrings) => string;

/** A note above the form, with an optional way back (undo a reset, return to the draft a link replaced). */
interface Note {
  text: Words;
  undo?: { label: Words; values: FormValues };
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; id: string }
  | { kind: 'failed'; message: Words }
  /** A PUT refused for want of the config's owner key. */
  | { kind: 'forbidden'; id: string };

type View = 'settings' | 'orders';
const viewFromHash = (): View => (location.hash === '#orders' ? 'orders' : 'settings');

function initialUiLang(): Lang {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(UI_LANG_KEY);
  } catch {
    /* storage blocked: follow the browser */
  }
  return resolveUiLang(stored, navigator.languages ?? [navigator.language]);
}

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
  @state() private note: Note | undefined;
  /** The config the preview shows: the last valid one, after a short pause in typing. */
  @state() private previewConfig: WidgetConfig | undefined;
  @state() private cityQuery = '';
  @state() private cities: CitySuggestion[] = [];
  @state() private cityStatus: Words | undefined;
  @state() private uiLang: Lang = initialUiLang();
  @state() private shareStatus: Words | undefined;
  @state() private view: View = viewFromHash();
  /** The owner key of a config created by the last save: shown once, until dismissed or the page closes. */
  @state() private newOwnerKey: { id: string; key: string; kept: boolean } | undefined;
  @state() private keyCopyStatus: Words | undefined;
  /** Config id to pre-fill the Orders tab's sign-in form with. */
  @state() private signInId = '';

  @query('bpc-embed') private embed!: EmbedPanel;

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
      const dropped = restored.dropped;
      this.note = { text: (t) => t.draft.restoredPartly(dropped.map((k) => t.fields[k as FieldKey] ?? k).join(', ')) };
    } else if (restored.found) {
      this.note = { text: (t) => t.draft.restored };
    }
    // Whatever came back from the draft was typed before: show its problems straight away.
    for (const [k, v] of Object.entries(this.values) as [FieldKey, unknown][]) {
      if (typeof v === 'string' && v.trim() !== '') this.touched.add(k);
    }
    this.validate();
    this.lastValid = validPart(this.values);
    this.previewConfig = this.lastValid;
  }

  private get t(): UiStrings {
    return strings(this.uiLang);
  }

  private setUiLang(lang: Lang): void {
    this.uiLang = lang;
    try {
      window.localStorage.setItem(UI_LANG_KEY, lang);
    } catch {
      /* the switch still works for this visit */
    }
    this.validate();
  }

  protected override willUpdate(): void {
    // The page's language follows the interface (screen readers, hyphenation, the preview's
    // "automatic" widget language); the widget's own language stays the config's lang field.
    document.documentElement.lang = this.uiLang;
    document.title = this.t.title;
  }

  override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    if (!this.openShareLink()) void this.loadFromUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
  }

  private readonly onHash = (): void => {
    if (this.openShareLink()) return;
    const view = viewFromHash();
    if (view === this.view) return;
    this.view = view;
    if (view === 'settings') this.signInId = '';
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(view === 'orders' ? '#orders-title' : '#settings-title')?.focus());
  };

  /**
   * `#config=…` replaces the form with the shared settings (invalid fields named and left at
   * their defaults); the draft it replaced stays one click away. The hash is then dropped so a
   * reload keeps later edits.
   */
  private openShareLink(): boolean {
    const r = readShareHash(location.hash);
    if (!r) return false;
    history.replaceState(null, '', `${location.pathname}${location.search}#settings`);
    this.view = 'settings';
    if (!r.ok) {
      const reason = r.reason;
      this.note = { text: (t) => t.share.unreadable(reason) };
      return true;
    }
    const previous = this.values;
    const dropped = r.shared.dropped;
    this.values = configToForm(r.shared.config);
    this.touched = new Set();
    this.serverErrors = {};
    this.note = {
      text: dropped.length
        ? (t) => t.share.openedPartly(dropped.map((d) => { const k = fieldForPath(d.field); return k ? t.fields[k] : d.field; }).join(', '))
        : (t) => t.share.opened,
      undo: { label: (t) => t.share.backToDraft, values: previous },
    };
    this.afterChange();
    return true;
  }

  /** `?config=<id>` opens a saved config from the sandbox. */
  private async loadFromUrl(): Promise<void> {
    const id = new URLSearchParams(location.search).get('config');
    if (!id) return;
    const r = await loadConfig(fetch, API_ROOT, id);
    if (!r.ok) {
      const why = r.message;
      this.note = { text: (t) => t.draft.cannotOpen(id, why) };
      return;
    }
    this.values = configToForm(r.config);
    this.savedId = r.config.id;
    this.savedJson = JSON.stringify(formToConfig(this.values).config ?? {});
    this.note = { text: (t) => t.draft.opened(id) };
    this.afterChange();
  }

  private validate(): void {
    const r = formToConfig(this.values, this.t);
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
      this.previewConfig = this.lastValid;
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
    const r = formToConfig(this.values, this.t);
    if (!r.config) {
      this.showAll = true;
      const n = Object.keys(r.errors).length + r.other.length;
      this.saveState = { kind: 'failed', message: (t) => t.save.needAttention(n) };
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
      if (key) this.serverErrors = { ...this.serverErrors, [key]: `${this.t.fields[key]}: ${bare}` };
      const why = result.message;
      this.saveState = { kind: 'failed', message: (t) => t.save.failed(why) };
      if (key) this.focusFirstError();
      return;
    }
    const savedId = result.config.id ?? '';
    if (result.ownerKey) {
      this.newOwnerKey = { id: savedId, key: result.ownerKey, kept: rememberOwnerKey(draftStorage(), savedId, result.ownerKey) };
      this.keyCopyStatus = undefined;
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
    this.keyCopyStatus = how === 'copied' ? (t) => t.ownerKey.copied : (t) => t.ownerKey.selected;
  }

  private renderOwnerKey(): TemplateResult | typeof nothing {
    const k = this.newOwnerKey;
    if (!k) return nothing;
    const t = this.t.ownerKey;
    return html`<section class="owner-key" aria-labelledby="owner-key-title">
      <h3 id="owner-key-title" tabindex="-1">${t.title(k.id)}</h3>
      <p>
        ${t.keep}
        ${k.kept ? t.kept : html`<strong>${t.notKept}</strong> ${t.notKeptTail}`}
      </p>
      <div class="key-row">
        <code id="owner-key-value" tabindex="-1">${k.key}</code>
        <button type="button" class="secondary" @click=${() => void this.copyOwnerKey()}>${t.copy}</button>
      </div>
      <p class="copy-status" role="status">${this.keyCopyStatus?.(this.t) ?? ''}</p>
      <button
        type="button"
        class="link"
        @click=${() => {
          this.newOwnerKey = undefined;
          void this.updateComplete.then(() => this.querySelector<HTMLElement>('#settings button[type="submit"]')?.focus());
        }}
      >
        ${t.hide}
      </button>
    </section>`;
  }

  private onCityInput(q: string): void {
    this.cityQuery = q;
    clearTimeout(this.searchTimer);
    this.searchAbort?.abort();
    if (q.trim().length < 2) {
      this.cities = [];
      this.cityStatus = undefined;
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
      const n = found.length;
      this.cityStatus = n ? (t) => t.city.found(n) : (t) => t.city.none(q);
    } catch (err) {
      if (abort.signal.aborted) return;
      this.cities = [];
      const why = err instanceof Error ? err.message : String(err);
      this.cityStatus = (t) => t.city.unavailable(why);
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
    this.cityStatus = (t) => t.city.chosen(c.label);
    this.afterChange();
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(`#${fieldId('centerLat')}`)?.focus());
  }

  private ctx(): FieldContext {
    return { values: this.values, errors: this.visibleErrors(), labels: this.t.fields, set: (k, v) => this.set(k, v) };
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
    const t = this.t;
    const h = t.hints;
    const opts = localOptions(t);
    const advice = formAdvice(this.values, t.check);
    const color = /^#[0-9a-fA-F]{6}$/.test(this.values.themePrimary) ? this.values.themePrimary : '#2563eb';
    return html`<form id="settings" novalidate @submit=${this.save} aria-labelledby="settings-title">
      ${this.card('general', t.cards.general, html`${textField('name', c, { placeholder: WIDGET_DEFAULTS.name, hint: h.name(WIDGET_DEFAULTS.name) })}
        ${selectField('lang', c, opts.lang, { hint: h.lang })}`)}
      ${this.card(
        'points',
        t.cards.points,
        html`${checkboxGroup('carriers', c, opts.carriers)} ${checkboxGroup('types', c, opts.types)}
        ${checkboxField('hideUnfit', c, { label: h.hideUnfitLabel, hint: h.hideUnfit })}`,
      )}
      ${this.card('display', t.cards.display, html`${radioGroup('layout', c, opts.layout)} ${radioGroup('mode', c, opts.mode)}`)}
      ${this.card('map', t.cards.map, this.renderMapSection(c))}
      ${this.card(
        'theme',
        t.cards.theme,
        html`<div class="row">
            <div class="field colour">
              ${textField('themePrimary', c, { placeholder: '#2563eb', hint: h.themePrimary })}
              <label class="visually-hidden" for="f-themePrimaryPicker">${h.colourPicker}</label>
              <input
                id="f-themePrimaryPicker"
                type="color"
                .value=${color}
                @input=${(e: Event) => this.set('themePrimary', (e.target as HTMLInputElement).value)}
              />
            </div>
            ${textField('themeRadius', c, { inputmode: 'numeric', unit: 'px', placeholder: '8', hint: h.themeRadius, className: 'narrow' })}
          </div>
          ${textField('themeFont', c, { placeholder: 'system-ui, sans-serif', hint: h.themeFont })}`,
      )}
      ${this.card(
        'parcel',
        t.cards.parcel,
        html`<div class="row">
            ${textField('parcelWeight', c, { inputmode: 'numeric', unit: 'g', className: 'narrow' })}
            ${textField('parcelLength', c, { inputmode: 'decimal', unit: 'cm', className: 'narrow' })}
            ${textField('parcelWidth', c, { inputmode: 'decimal', unit: 'cm', className: 'narrow' })}
            ${textField('parcelHeight', c, { inputmode: 'decimal', unit: 'cm', className: 'narrow' })}
          </div>
          <div class="row">
            ${textField('declaredValue', c, { inputmode: 'decimal', placeholder: '0.00' })}
            ${textField('codAmount', c, { inputmode: 'decimal', placeholder: '0.00', hint: h.cod })}
            ${selectField('currency', c, CURRENCY_OPTIONS.map((x) => ({ value: x, label: x })), { className: 'narrow' })}
          </div>`,
        t.cards.parcelIntro,
      )}
      ${this.card(
        'origin',
        t.cards.origin,
        html`<div class="row">
          ${selectField('originCountry', c, opts.countries)}
          ${textField('originPostcode', c, { autocomplete: 'postal-code' })}
          ${textField('originCity', c)}
        </div>`,
        t.cards.originIntro,
      )}
      ${this.card(
        'sorting',
        t.cards.sorting,
        html`${selectField('sort', c, opts.sort)}
          <fieldset class="group">
            <legend>${h.weightsLegend}</legend>
            <p class="hint">${h.weights}</p>
            <div class="row">
              ${textField('weightDistance', c, { inputmode: 'decimal', className: 'narrow' })}
              ${textField('weightPrice', c, { inputmode: 'decimal', className: 'narrow' })}
              ${textField('weightSpeed', c, { inputmode: 'decimal', className: 'narrow' })}
            </div>
          </fieldset>`,
      )}
      ${this.card(
        'advanced',
        t.cards.advanced,
        html`${textField('carrierTimeoutMs', c, {
          inputmode: 'numeric',
          unit: 'ms',
          placeholder: String(WIDGET_DEFAULTS.carrierTimeoutMs),
          hint: h.carrierTimeout(CARRIER_TIMEOUT_MIN_MS, CARRIER_TIMEOUT_MAX_MS),
          className: 'narrow',
        })}
        ${selectField('feed', c, opts.feed, { hint: h.feed })}
        ${textField('npApiKey', c, { hint: h.npApiKey })}
        ${checkboxField('order', c, { label: h.orderLabel, hint: h.order })}
        ${textField('trackUrl', c, { placeholder: '/track#order={orderId}&token={token}', hint: h.trackUrl })}
        ${textField('apiBase', c, { type: 'url', inputmode: 'url', placeholder: 'https://api.example.com', hint: advice.apiBase ? `${t.fields.apiBase} ${advice.apiBase}` : h.apiBase })}`,
      )}
      ${this.renderOwnerKey()}
      <div class="save-bar">
        <button type="submit" class="primary" ?disabled=${this.saveState.kind === 'saving'}>
          ${this.saveState.kind === 'saving' ? t.save.saving : this.savedId ? t.save.saveChanges : t.save.saveNew}
        </button>
        <p role="status" class="save-status ${this.saveState.kind}">${this.saveMessage()}</p>
      </div>
    </form>`;
  }

  private saveMessage(): TemplateResult | string {
    const s = this.saveState;
    const t = this.t.save;
    if (s.kind === 'saved') return html`${t.saved} <code class="config-id">${s.id}</code>`;
    if (s.kind === 'failed') return s.message(this.t);
    if (s.kind === 'forbidden') {
      return html`${t.forbidden} (<code class="config-id">${s.id}</code>)
        <a href="#orders" @click=${() => (this.signInId = s.id)}>${t.signIn}</a>
        ${t.or}
        <button type="button" class="link" @click=${() => void this.save(new CustomEvent('bpc-save-as-new', { cancelable: true }))}>${t.saveAsNew}</button>.
        ${t.stillHere}`;
    }
    if (s.kind === 'saving') return t.saving;
    if (this.savedId) return html`${t.lastSaved} <code class="config-id">${this.savedId}</code>.`;
    return t.draftsKept;
  }

  private renderMapSection(c: FieldContext): TemplateResult {
    const t = this.t;
    return html`<div class="field city-search">
        <label for="f-citySearch">${t.city.label}</label>
        <input
          id="f-citySearch"
          type="search"
          autocomplete="off"
          aria-describedby="h-citySearch"
          aria-controls=${this.cities.length ? 'city-results' : nothing}
          placeholder=${t.city.placeholder}
          .value=${this.cityQuery}
          @input=${(e: Event) => this.onCityInput((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Escape') this.onCityInput('');
          }}
        />
        <p class="hint" id="h-citySearch" role="status">${this.cityStatus?.(t) ?? t.city.hint}</p>
        ${this.cities.length
          ? html`<ul id="city-results" class="city-results" aria-label=${t.city.results}>
              ${this.cities.map(
                (city) => html`<li>
                  <button type="button" class="link" @click=${() => this.chooseCity(city)}>
                    <span class="city-name">${city.label}</span>
                    <span class="city-meta">${[city.region, city.country].filter(Boolean).join(', ')} · ${t.city.points(city.count)}</span>
                  </button>
                </li>`,
              )}
            </ul>`
          : nothing}
      </div>
      <div class="row">
        ${textField('centerLat', c, { inputmode: 'decimal', placeholder: String(WIDGET_DEFAULTS.center.lat), className: 'narrow' })}
        ${textField('centerLng', c, { inputmode: 'decimal', placeholder: String(WIDGET_DEFAULTS.center.lng), className: 'narrow' })}
        ${textField('zoom', c, { inputmode: 'numeric', placeholder: String(WIDGET_DEFAULTS.zoom), hint: t.hints.zoom, className: 'narrow' })}
      </div>
      ${textField('tileUrl', c, { type: 'url', inputmode: 'url', placeholder: WIDGET_DEFAULTS.tileUrl, hint: t.hints.tileUrl })}`;
  }

  private renderPreviewStatus(): TemplateResult {
    const n = Object.keys(this.errors).length + this.otherErrors.length;
    const p = this.t.preview;
    if (n === 0) return html`<p class="preview-status ok">${p.ok}</p>`;
    return html`<p class="preview-status warn">
      ${p.warn(n)}
      <button
        type="button"
        class="link"
        @click=${() => {
          this.showAll = true;
          this.focusFirstError();
        }}
      >
        ${p.show(n)}
      </button>
    </p>`;
  }

  /** The link to the current (last valid) settings. */
  private shareUrl(): string {
    return `${location.origin}${location.pathname}${shareHash(this.lastValid ?? {})}`;
  }

  private async copyShareLink(): Promise<void> {
    const input = this.querySelector<HTMLInputElement>('#share-link');
    if (!input) return;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard API');
      await navigator.clipboard.writeText(input.value);
      this.shareStatus = (t) => t.share.copied;
    } catch {
      input.focus();
      input.select();
      this.shareStatus = (t) => t.share.selected;
    }
  }

  private askReset(): void {
    this.querySelector<HTMLDialogElement>('#reset-dialog')?.showModal();
  }

  /** Back to the widget's defaults; the saved config on the server is untouched, the old form one click away. */
  private reset(): void {
    const previous = this.values;
    this.values = emptyValues();
    this.touched = new Set();
    this.showAll = false;
    this.serverErrors = {};
    this.saveState = { kind: 'idle' };
    this.note = { text: (t) => t.share.resetDone, undo: { label: (t) => t.share.undo, values: previous } };
    this.afterChange();
  }

  private undo(values: FormValues): void {
    this.values = values;
    this.note = { text: (t) => t.share.undone };
    for (const [k, v] of Object.entries(values) as [FieldKey, unknown][]) {
      if (typeof v === 'string' && v.trim() !== '') this.touched.add(k);
    }
    this.afterChange();
  }

  private renderNote(): TemplateResult | typeof nothing {
    const n = this.note;
    if (!n) return nothing;
    return html`<p class="note" role="status">
      ${n.text(this.t)}
      ${n.undo ? html`<button type="button" class="link" @click=${() => n.undo && this.undo(n.undo.values)}>${n.undo.label(this.t)}</button>` : nothing}
    </p>`;
  }

  private renderShare(): TemplateResult {
    const t = this.t.share;
    return html`<section class="card share" aria-labelledby="share-title">
      <h2 id="share-title">${t.title}</h2>
      <p class="intro">${t.intro}</p>
      <div class="field">
        <label for="share-link">${t.linkLabel}</label>
        <div class="control">
          <input id="share-link" type="url" readonly .value=${this.shareUrl()} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
          <button type="button" class="secondary" @click=${() => void this.copyShareLink()}>${t.copyLink}</button>
        </div>
        <p class="copy-status" role="status">${this.shareStatus?.(this.t) ?? ''}</p>
      </div>
      <button type="button" class="secondary reset" @click=${this.askReset}>${t.reset}</button>
      <dialog id="reset-dialog" aria-labelledby="reset-title" aria-describedby="reset-desc" @close=${(e: Event) => {
        if ((e.target as HTMLDialogElement).returnValue === 'reset') this.reset();
      }}>
        <form method="dialog">
          <h2 id="reset-title">${t.confirmTitle}</h2>
          <div id="reset-desc">
            <p>${t.confirmDraft}</p>
            ${this.savedId ? html`<p>${t.confirmSaved(this.savedId)}</p>` : nothing}
          </div>
          <div class="dialog-actions">
            <button type="submit" value="cancel" class="secondary" autofocus>${t.cancel}</button>
            <button type="submit" value="reset" class="primary">${t.confirmReset}</button>
          </div>
        </form>
      </dialog>
    </section>`;
  }

  private renderLangSwitch(): TemplateResult {
    return html`<div class="ui-lang">
      <label for="ui-lang">${this.t.uiLanguage}</label>
      <select id="ui-lang" @change=${(e: Event) => this.setUiLang((e.target as HTMLSelectElement).value as Lang)}>
        ${UI_LANGS.map((l) => html`<option value=${l} lang=${l} ?selected=${l === this.uiLang}>${UI_LANG_NAMES[l]}</option>`)}
      </select>
    </div>`;
  }

  override render(): TemplateResult {
    const t = this.t;
    const savedIsCurrent = Boolean(this.savedId) && this.savedJson === JSON.stringify(this.lastValid ?? {});
    return html`
      <header class="topbar">
        ${this.view === 'settings' ? html`<a class="skip" href="#preview-title">${t.skipToPreview}</a>` : nothing}
        <h1>${t.title}</h1>
        <nav aria-label=${t.sections}>
          <ul>
            <li><a href="#settings" aria-current=${this.view === 'settings' ? 'page' : nothing}>${t.navSettings}</a></li>
            <li><a href="#orders" aria-current=${this.view === 'orders' ? 'page' : nothing}>${t.navOrders}</a></li>
          </ul>
        </nav>
        ${this.renderLangSwitch()}
      </header>
      ${this.view === 'orders'
        ? html`<main class="orders-view" aria-labelledby="orders-title">
            <h2 id="orders-title" class="page-title" tabindex="-1">${t.ordersTitle}</h2>
            <bpc-orders
              .storage=${draftStorage()}
              .apiRoot=${API_ROOT}
              .preferredId=${this.savedId}
              .signInId=${this.signInId}
              .t=${t}
            ></bpc-orders>
          </main>`
        : nothing}
      <main class="layout" ?hidden=${this.view !== 'settings'}>
        <section class="pane settings" aria-labelledby="settings-title">
          <h2 id="settings-title">${t.settings}</h2>
          ${this.renderNote()}
          ${this.otherErrors.length
            ? html`<ul class="error">${this.otherErrors.map((m) => html`<li>${m}</li>`)}</ul>`
            : nothing}
          ${this.renderForm()}
        </section>
        <div class="pane side">
          <section class="card preview-card" aria-labelledby="preview-title">
            <h2 id="preview-title" tabindex="-1">${t.preview.title}</h2>
            ${this.renderPreviewStatus()}
            ${this.widgetProblem ? html`<p class="note" role="alert">${t.preview.widgetFailed(this.widgetProblem)}</p>` : nothing}
            <bpc-preview .config=${this.previewConfig} .t=${t} .widgetProblem=${this.widgetProblem}></bpc-preview>
          </section>
          ${this.renderShare()}
          <section class="card" aria-labelledby="embed-title">
            <h2 id="embed-title">${t.embed.title}</h2>
            <bpc-embed
              .config=${this.lastValid}
              .script=${this.script}
              .savedId=${this.savedId}
              .savedIsCurrent=${savedIsCurrent}
              .defaultApiBase=${location.origin}
              .t=${t}
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
