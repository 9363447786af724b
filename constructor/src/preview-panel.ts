// The preview at desktop or phone width (a 360 px frame), with the events the widget emits
// listed beside it, newest first. Event details come from carrier data: text bindings only.
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { WidgetConfig } from '../../widget/src/model/config.js';
import { en, type UiStrings } from './i18n/en.js';
import { Preview, type PreviewEvent } from './preview.js';

/** Enough to follow a session; older entries drop off. */
const MAX_EVENTS = 30;
export type PreviewWidth = 'desktop' | 'phone';

@customElement('bpc-preview')
export class PreviewPanel extends LitElement {
  /** The config to show (already debounced and valid). */
  @property({ attribute: false }) config: WidgetConfig | undefined;
  @property({ attribute: false }) t: UiStrings = en;
  /** Why the widget could not be loaded, if it could not. */
  @property({ attribute: false }) widgetProblem = '';

  @state() private width: PreviewWidth = 'desktop';
  @state() private events: PreviewEvent[] = [];

  private readonly preview = new Preview((e) => {
    this.events = [e, ...this.events].slice(0, MAX_EVENTS);
  });

  override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override firstUpdated(): void {
    const host = this.querySelector<HTMLElement>('#preview-host');
    if (host) void this.preview.mount(host);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('config') && this.config) this.preview.apply(this.config);
    // The interface language is the page's, which an automatic widget language follows.
    if (changed.has('t') && changed.get('t') !== undefined && !this.config?.lang) this.preview.recreate();
  }

  private time(d: Date): string {
    return d.toLocaleTimeString(this.t.lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  private renderEvent(e: PreviewEvent): TemplateResult {
    const summary = e.type === 'bp-close' ? this.t.preview.committed(e.committed === true) : e.summary;
    return html`<li class="event ${e.type}">
      <time datetime=${e.at.toISOString()}>${this.time(e.at)}</time>
      <code class="event-type">${e.type}</code>
      ${summary ? html`<span class="event-detail">${summary}</span>` : nothing}
    </li>`;
  }

  override render(): TemplateResult {
    const p = this.t.preview;
    const modal = this.config?.mode === 'modal';
    return html`
      <fieldset class="group segmented">
        <legend>${p.width}</legend>
        ${(['desktop', 'phone'] as const).map(
          (w) => html`<label class="segment">
            <input type="radio" name="preview-width" value=${w} .checked=${this.width === w} @change=${() => (this.width = w)} />
            <span>${w === 'desktop' ? p.desktop : p.phone}</span>
          </label>`,
        )}
      </fieldset>
      <div class="preview-body ${this.width}">
      <div class="preview-stage ${this.width}">
        <div id="preview-host" class="preview-host ${modal ? 'modal' : ''}">
          <p class="hint">${this.widgetProblem ? p.none : p.loading}</p>
        </div>
      </div>
      <section class="events" aria-labelledby="events-title">
        <div class="events-head">
          <h3 id="events-title">${p.events}</h3>
          <button type="button" class="secondary" ?disabled=${this.events.length === 0} @click=${() => (this.events = [])}>${p.clear}</button>
        </div>
        <p class="hint" id="events-hint">${p.eventsHint}</p>
        <ol class="event-log" aria-labelledby="events-title" aria-describedby="events-hint" aria-live="polite">
          ${this.events.length
            ? repeat(this.events, (e) => e.seq, (e) => this.renderEvent(e))
            : html`<li class="hint">${p.noEvents}</li>`}
        </ol>
      </section>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bpc-preview': PreviewPanel;
  }
}
