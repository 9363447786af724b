// The embed snippets with Copy buttons, one tab per way of embedding (APG tabs pattern): plain
// HTML, ES module, React, Vue, the checkout form and the CSP header. All are built from the
// current config; the CSP lists the sha256 of the inline scripts of the HTML and checkout tabs.
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { WidgetConfig } from '../../widget/src/model/config.js';
import { copyText } from './copy.js';
import { en, type UiStrings } from './i18n/en.js';
import type { ScriptInfo } from './integrity.js';
import { buildCheckoutSnippet } from './snippet-checkout.js';
import { buildCspSnippet, cspDirectives, inlineScriptHash, type CspDirective } from './snippet-csp.js';
import { buildReactSnippet, buildVueSnippet } from './snippet-frameworks.js';
import { buildSnippets, type SnippetOptions } from './snippet.js';

export const TABS = ['html', 'esm', 'react', 'vue', 'checkout', 'csp'] as const;
export type Tab = (typeof TABS)[number];
type Variant = 'inline' | 'saved';
type BlockId = keyof UiStrings['embed']['blocks'];

interface AllSnippets {
  html: string;
  install: string;
  element: string;
  module: string;
  react: string;
  vue: string;
  vueConfig: string;
  checkout: string;
  csp: string;
  cspDirectives: CspDirective[];
  missingIntegrity: boolean;
}

@customElement('bpc-embed')
export class EmbedPanel extends LitElement {
  /** The last valid config (the preview's). */
  @property({ attribute: false }) config: WidgetConfig | undefined;
  @property({ attribute: false }) script: ScriptInfo | undefined;
  /** Id of the saved config, and whether it still matches `config`. */
  @property({ attribute: false }) savedId: string | undefined;
  @property({ attribute: false }) savedIsCurrent = false;
  /** Server root the embed talks to when the config sets no apiBase (the sandbox's origin). */
  @property({ attribute: false }) defaultApiBase = '';
  @property({ attribute: false }) t: UiStrings = en;

  @state() private tab: Tab = 'html';
  @state() private variant: Variant = 'inline';
  @state() private copied = '';
  /** sha256 sources of the inline scripts, keyed by the scripts they were computed for. */
  @state() private hashes: { key: string; values: string[] } = { key: '', values: [] };

  override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Switch to the config-id variant, e.g. right after a save. */
  showSaved(): void {
    this.variant = 'saved';
  }

  private options(): SnippetOptions {
    const useSaved = this.variant === 'saved' && this.savedId !== undefined;
    return { defaultApiBase: this.defaultApiBase, ...(useSaved ? { configId: this.savedId } : {}) };
  }

  private inlineScripts(): string[] {
    if (!this.config || !this.script) return [];
    const o = this.options();
    return [buildSnippets(this.config, this.script, o).inlineScript, buildCheckoutSnippet(this.config, this.script, o).inlineScript];
  }

  protected override willUpdate(): void {
    // Hashing is async (SubtleCrypto): the CSP tab shows the hashes once they are known.
    const scripts = this.inlineScripts();
    const key = scripts.join('\u0000');
    if (key && key !== this.hashes.key) {
      void Promise.all(scripts.map(inlineScriptHash)).then(
        (values) => {
          if (this.inlineScripts().join('\u0000') === key) this.hashes = { key, values };
        },
        () => {
          this.hashes = { key, values: [] };
        },
      );
    }
  }

  private snippets(): AllSnippets | undefined {
    if (!this.config || !this.script) return undefined;
    const o = this.options();
    const base = buildSnippets(this.config, this.script, o);
    const vue = buildVueSnippet(this.config, o);
    const current = this.hashes.key === this.inlineScripts().join('\u0000') ? this.hashes.values : [];
    const csp = { config: this.config, src: this.script, opts: o, inlineHashes: current };
    return {
      html: base.html,
      install: base.npmInstall,
      element: base.element,
      module: base.npmModule,
      react: buildReactSnippet(this.config, o),
      vue: vue.component,
      vueConfig: vue.viteConfig,
      checkout: buildCheckoutSnippet(this.config, this.script, o).html,
      csp: buildCspSnippet(csp),
      cspDirectives: cspDirectives(csp),
      missingIntegrity: base.missingIntegrity,
    };
  }

  private async copy(id: BlockId, text: string): Promise<void> {
    const pre = this.querySelector<HTMLElement>(`#code-${id}`);
    if (!pre) return;
    const how = await copyText(text, pre);
    const what = this.t.embed.blocks[id];
    this.copied = how === 'copied' ? this.t.embed.copied(what) : this.t.embed.selected(what);
  }

  private block(id: BlockId, text: string): TemplateResult {
    const title = this.t.embed.blocks[id];
    return html`<div class="code-block">
      <div class="code-head">
        <h3 id="title-${id}">${title}</h3>
        <button type="button" class="secondary" aria-label=${this.t.embed.copyWhat(title)} @click=${() => this.copy(id, text)}>
          ${this.t.embed.copy}
        </button>
      </div>
      <pre id="code-${id}" tabindex="0" aria-labelledby="title-${id}"><code>${text}</code></pre>
    </div>`;
  }

  private onTabKey(e: KeyboardEvent): void {
    const i = TABS.indexOf(this.tab);
    let next: Tab | undefined;
    if (e.key === 'ArrowRight') next = TABS[(i + 1) % TABS.length];
    else if (e.key === 'ArrowLeft') next = TABS[(i + TABS.length - 1) % TABS.length];
    else if (e.key === 'Home') next = TABS[0];
    else if (e.key === 'End') next = TABS[TABS.length - 1];
    if (!next) return;
    e.preventDefault();
    this.tab = next;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  }

  private variantPicker(): TemplateResult {
    const t = this.t.embed;
    return html`<fieldset class="group variant">
      <legend>${t.carries}</legend>
      <div class="choices">
        <label class="choice">
          <input type="radio" name="variant" .checked=${this.variant === 'inline'} @change=${() => (this.variant = 'inline')} />
          <span>${t.asAttributes}</span>
        </label>
        <label class="choice">
          <input
            type="radio"
            name="variant"
            ?disabled=${!this.savedId}
            aria-describedby="variant-hint"
            .checked=${this.variant === 'saved' && Boolean(this.savedId)}
            @change=${() => (this.variant = 'saved')}
          />
          <span>${t.savedId}${this.savedId ? html` <code>${this.savedId}</code>` : nothing}</span>
        </label>
      </div>
      <p class="hint" id="variant-hint">${!this.savedId ? t.saveFirst : this.savedIsCurrent ? t.savedMatches : t.savedStale}</p>
    </fieldset>`;
  }

  private panel(tab: Tab, body: TemplateResult): TemplateResult {
    return html`<div role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" ?hidden=${this.tab !== tab}>
      <p class="hint panel-note">${this.t.embed.notes[tab]}</p>
      ${body}
    </div>`;
  }

  private cspReasons(directives: CspDirective[]): TemplateResult {
    const reasons = this.t.embed.cspReasons;
    const why = (d: CspDirective): string =>
      d.name === 'img-src' && d.sources.length === 1 ? reasons['img-src-none'] : (reasons[d.name as keyof typeof reasons] ?? d.why);
    return html`<h3 class="sub">${this.t.embed.cspWhy}</h3>
      <dl class="csp-why">
        ${directives.map((d) => html`<dt><code>${d.name}</code></dt><dd>${why(d)}</dd>`)}
      </dl>`;
  }

  override render(): TemplateResult {
    const s = this.snippets();
    const t = this.t.embed;
    return html`
      <div role="tablist" aria-label=${t.method} class="tabs" @keydown=${this.onTabKey}>
        ${TABS.map(
          (tab) => html`<button
            type="button"
            role="tab"
            id="tab-${tab}"
            aria-controls="panel-${tab}"
            aria-selected=${this.tab === tab ? 'true' : 'false'}
            tabindex=${this.tab === tab ? '0' : '-1'}
            @click=${() => (this.tab = tab)}
          >
            ${t.tabs[tab]}
          </button>`,
        )}
      </div>
      ${this.variantPicker()}
      ${!s
        ? html`<p class="hint">${t.preparing}</p>`
        : html`
            ${s.missingIntegrity
              ? html`<p class="note" role="note">${t.noIntegrity(this.script?.problem ?? 'integrity.json is unavailable')}</p>`
              : nothing}
            ${this.panel('html', this.block('html', s.html))}
            ${this.panel('esm', html`${this.block('install', s.install)} ${this.block('element', s.element)} ${this.block('module', s.module)}`)}
            ${this.panel('react', this.block('react', s.react))}
            ${this.panel('vue', html`${this.block('vue', s.vue)} ${this.block('vueConfig', s.vueConfig)}`)}
            ${this.panel('checkout', this.block('checkout', s.checkout))}
            ${this.panel('csp', html`${this.block('csp', s.csp)} ${this.cspReasons(s.cspDirectives)}`)}
          `}
      <p class="copy-status" role="status">${this.copied}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bpc-embed': EmbedPanel;
  }
}
