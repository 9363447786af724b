// The embed snippets with Copy buttons: a script-tag tab and an npm tab (APG tabs pattern).
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { WidgetConfig } from '../../widget/src/model/config.js';
import { copyText } from './copy.js';
import type { ScriptInfo } from './integrity.js';
import { buildSnippets, type Snippets } from './snippet.js';

type Tab = 'script' | 'npm';
type Variant = 'inline' | 'saved';

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

  @state() private tab: Tab = 'script';
  @state() private variant: Variant = 'inline';
  @state() private copied = '';

  override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Switch to the config-id variant, e.g. right after a save. */
  showSaved(): void {
    this.variant = 'saved';
  }

  private snippets(): Snippets | undefined {
    if (!this.config || !this.script) return undefined;
    const useSaved = this.variant === 'saved' && this.savedId !== undefined;
    return buildSnippets(this.config, this.script, {
      defaultApiBase: this.defaultApiBase,
      ...(useSaved ? { configId: this.savedId } : {}),
    });
  }

  private async copy(id: string, text: string): Promise<void> {
    const pre = this.querySelector<HTMLElement>(`#code-${id}`);
    if (!pre) return;
    const how = await copyText(text, pre);
    const what = LABELS[id] ?? 'snippet';
    this.copied = how === 'copied' ? `Copied the ${what} to the clipboard.` : `Selected the ${what}: press Ctrl+C (⌘C) to copy.`;
  }

  private block(id: string, title: string, text: string): TemplateResult {
    return html`<div class="code-block">
      <div class="code-head">
        <h3 id="title-${id}">${title}</h3>
        <button type="button" class="secondary" aria-label="Copy ${LABELS[id] ?? 'snippet'}" @click=${() => this.copy(id, text)}>
          Copy
        </button>
      </div>
      <pre id="code-${id}" tabindex="0" aria-labelledby="title-${id}"><code>${text}</code></pre>
    </div>`;
  }

  private onTabKey(e: KeyboardEvent): void {
    const order: Tab[] = ['script', 'npm'];
    const i = order.indexOf(this.tab);
    let next: Tab | undefined;
    if (e.key === 'ArrowRight') next = order[(i + 1) % order.length];
    else if (e.key === 'ArrowLeft') next = order[(i + order.length - 1) % order.length];
    else if (e.key === 'Home') next = order[0];
    else if (e.key === 'End') next = order[order.length - 1];
    if (!next) return;
    e.preventDefault();
    this.tab = next;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  }

  private variantPicker(): TemplateResult {
    return html`<fieldset class="group variant">
      <legend>The snippet carries</legend>
      <div class="choices">
        <label class="choice">
          <input type="radio" name="variant" .checked=${this.variant === 'inline'} @change=${() => (this.variant = 'inline')} />
          <span>The settings, as attributes</span>
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
          <span>The saved config id${this.savedId ? html` <code>${this.savedId}</code>` : nothing}</span>
        </label>
      </div>
      <p class="hint" id="variant-hint">
        ${!this.savedId
          ? 'Save the configuration to get a config-id snippet: the widget then loads its settings from the server.'
          : this.savedIsCurrent
            ? 'The saved config matches the form.'
            : 'The form has changed since the last save: save again so the config id serves these settings.'}
      </p>
    </fieldset>`;
  }

  override render(): TemplateResult {
    const s = this.snippets();
    return html`
      <div role="tablist" aria-label="Embed method" class="tabs" @keydown=${this.onTabKey}>
        ${(['script', 'npm'] as const).map(
          (t) => html`<button
            type="button"
            role="tab"
            id="tab-${t}"
            aria-controls="panel-${t}"
            aria-selected=${this.tab === t ? 'true' : 'false'}
            tabindex=${this.tab === t ? '0' : '-1'}
            @click=${() => (this.tab = t)}
          >
            ${t === 'script' ? 'Script tag' : 'npm package'}
          </button>`,
        )}
      </div>
      ${this.variantPicker()}
      ${!s
        ? html`<p class="hint">Preparing the snippet…</p>`
        : html`
            <div role="tabpanel" id="panel-script" aria-labelledby="tab-script" ?hidden=${this.tab !== 'script'}>
              ${s.missingIntegrity
                ? html`<p class="note" role="note">
                    No integrity hash: ${this.script?.problem ?? 'integrity.json is unavailable'}. The snippet works without
                    it, but build the widget (<code>npm run build</code>) to get a Subresource Integrity hash.
                  </p>`
                : nothing}
              ${this.block('html', 'HTML for your checkout page', s.html)}
            </div>
            <div role="tabpanel" id="panel-npm" aria-labelledby="tab-npm" ?hidden=${this.tab !== 'npm'}>
              ${this.block('install', 'Install', s.npmInstall)}
              ${this.block('element', 'Markup', s.element)}
              ${this.block('module', 'Module code', s.npmModule)}
            </div>
          `}
      <p class="copy-status" role="status">${this.copied}</p>
    `;
  }
}

const LABELS: Record<string, string> = {
  html: 'HTML snippet',
  install: 'install command',
  element: 'markup',
  module: 'module code',
};

declare global {
  interface HTMLElementTagNameMap {
    'bpc-embed': EmbedPanel;
  }
}
