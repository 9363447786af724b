// The map region: Leaflet's container, the points-error and fallback notes, and the type legend.
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/index.js';
import type { BranchType } from '../model/index.js';

export interface MapPanelProps {
  t: Messages;
  types: readonly BranchType[];
  error: boolean;
  fallback: boolean;
  onRetry: () => void;
}

export function renderMapPanel(p: MapPanelProps): TemplateResult {
  const { t } = p;
  return html`
      <div class="map-wrap" part="map" role="region" aria-label=${t.map}>
        <div class="map"></div>
        ${p.error ? html`<div class="map-note error" role="alert">${t.mapPointsError}
          <button class="btn" type="button" @click=${p.onRetry}>${t.retry}</button></div>` : nothing}
        ${p.fallback && !p.error ? html`<div class="map-note">${t.fallbackMap}</div>` : nothing}
        <div class="legend" aria-hidden="true">${p.types.map((ty) => html`<span><i class="t-${ty}"></i>${t.typesPlural[ty]}</span>`)}</div>
      </div>`;
}
