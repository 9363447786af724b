// The filter chips: point types (with facet counts), open now, weekends, payment methods,
// and, with a parcel, "only fits" and "open on arrival".
import { html, nothing, type TemplateResult } from 'lit';
import type { PointsResult } from '../api/client.js';
import { toggleOption, type FilterState } from '../core/filters.js';
import type { Messages } from '../i18n/index.js';
import { PAYMENT_METHODS, type BranchType, type PaymentMethod } from '../model/index.js';
import { PAYMENT_GLYPHS, UI_GLYPHS } from '../glyphs.js';
import { icon } from './icon.js';

export interface FilterChipsProps {
  t: Messages;
  filters: FilterState;
  facets: PointsResult['facets'];
  /** The types the shop allows; one chip each when more than one. */
  allowed: readonly BranchType[];
  /** A parcel is set: show the fit and arrival chips. */
  parcel: boolean;
  onlyFit: boolean;
  openOnArrival: boolean;
  onFilters: (next: FilterState) => void;
  onToggleOnlyFit: () => void;
  onToggleOpenOnArrival: () => void;
}

export function renderFilterChips(p: FilterChipsProps): TemplateResult {
  const { t, filters: f, facets: fc, allowed } = p;
  const count = (n: number | undefined) => (n === undefined ? nothing : html`<span class="count">${n}</span>`);
  const chip = (label: string, pressed: boolean, onClick: () => void, extra: unknown = nothing, n?: number) =>
    html`<button class="chip" type="button" aria-pressed=${pressed ? 'true' : 'false'} @click=${onClick}>${extra}${label}${count(n)}</button>`;
  return html`
      <div class="filters" part="filters" role="group" aria-label=${t.filters}>
        ${allowed.length > 1 ? allowed.map((ty) => chip(t.typesPlural[ty], f.types.includes(ty),
          () => p.onFilters(toggleOption(f, 'types', ty)), html`<span class="dot t-${ty}"></span>`, fc ? (fc.type[ty] ?? 0) : undefined)) : nothing}
        ${allowed.length > 1 ? html`<span class="sep"></span>` : nothing}
        ${chip(t.openNow, f.openNow, () => p.onFilters({ ...f, openNow: !f.openNow }), icon(UI_GLYPHS.clock))}
        ${chip(t.weekends, f.weekends, () => p.onFilters({ ...f, weekends: !f.weekends }))}
        <span class="sep"></span>
        ${PAYMENT_METHODS.map((m: PaymentMethod) => chip(t.paymentNames[m], f.payment.includes(m),
          () => p.onFilters(toggleOption(f, 'payment', m)), icon(PAYMENT_GLYPHS[m]), fc ? (fc.payment[m] ?? 0) : undefined))}
        ${p.parcel ? html`<span class="sep"></span>
          ${chip(t.onlyFit, p.onlyFit, p.onToggleOnlyFit, icon(UI_GLYPHS.check))}
          ${chip(t.openOnArrival, p.openOnArrival, p.onToggleOpenOnArrival, icon(UI_GLYPHS.clock))}` : nothing}
      </div>`;
}
