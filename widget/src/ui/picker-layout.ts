// The picker's frame: the bar (search, filters, notice), the side (list or details, a bottom
// sheet on phones) and the map panel. Pure template; the element fills each part.
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/index.js';
import type { Layout } from '../model/index.js';

export interface PickerLayoutProps {
  t: Messages;
  layout: Layout;
  search: TemplateResult;
  filters: TemplateResult;
  notice: { text: string; warn: boolean } | undefined;
  /** The details panel replaces the list. */
  details: boolean;
  side: TemplateResult;
  sheetExpanded: boolean;
  onToggleSheet: () => void;
  /** Undefined in the list-only layout. */
  map: TemplateResult | undefined;
}

export function renderPickerLayout(p: PickerLayoutProps): TemplateResult {
  const { t, notice } = p;
  return html`
    <div class="picker layout-${p.layout}">
      <div class="bar">
        ${p.search}
        ${p.filters}
        ${notice ? html`<div class="notice ${notice.warn ? 'warn' : ''}">${notice.text}</div>` : nothing}
      </div>
      <div class="body">
        <div class="side ${p.details ? 'has-details' : ''} ${p.sheetExpanded ? 'expanded' : ''}">
          ${p.layout === 'both' ? html`<button class="sheet-handle" type="button" aria-expanded=${p.sheetExpanded ? 'true' : 'false'}
            @click=${p.onToggleSheet}>${p.sheetExpanded ? t.collapseList : t.expandList}</button>` : nothing}
          ${p.side}
        </div>
        ${p.map ?? nothing}
      </div>
    </div>`;
}
