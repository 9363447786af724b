// The list side: a heading with the count (and the sort select with a parcel), a progress
// bar, the error / skeleton / empty states, the points listbox, notes for carriers whose
// tariffs failed, and "show more".
import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '../api/client.js';
import { carrierName, type Messages } from '../i18n/index.js';
import { SORT_ORDERS, type Branch, type Lang, type SortOrder } from '../model/index.js';
import { UI_GLYPHS } from '../glyphs.js';
import { icon } from './icon.js';

export interface PointListProps {
  t: Messages;
  lang: Lang;
  /** The rows in display order (filters and sort applied). */
  rows: readonly Branch[];
  /** Points loaded so far (before the client-side filters). */
  loaded: number;
  total: number;
  limit: number;
  loading: boolean;
  error: ApiError | undefined;
  /** Index of the active row, -1 for none. */
  active: number;
  /** Carriers whose tariffs failed and can be retried. */
  failing: readonly string[];
  /** A parcel is set: offer the sort select. */
  sortable: boolean;
  sort: SortOrder;
  onSort: (order: SortOrder) => void;
  onRetry: () => void;
  onRetryCarrier: (carrier: string) => void;
  onShowMore: () => void;
  onKey: (e: KeyboardEvent) => void;
  onFocus: () => void;
  row: (b: Branch, i: number) => TemplateResult;
}

export function renderPointList(p: PointListProps): TemplateResult {
  const { t, rows: items, active, error: err } = p;
  const first = p.loading && !p.loaded && !err;
  return html`
      <div class="list-head">
        <span>${first ? t.loadingPoints : err ? '' : t.found(p.total)}</span>
        ${p.sortable ? html`<label class="sort">${t.sortBy}
          <select @change=${(e: Event) => p.onSort((e.target as HTMLSelectElement).value as SortOrder)}>
            ${SORT_ORDERS.map((o) => html`<option value=${o} ?selected=${o === p.sort}>${t.sortNames[o]}</option>`)}
          </select></label>` : nothing}
      </div>
      ${p.loading ? html`<div class="progress" aria-hidden="true"></div>` : nothing}
      <div class="scroll">
        ${err ? html`<div class="state error">${icon(UI_GLYPHS.warn)}
            <div>${err.code === 'timeout' ? t.timeoutError : t.apiError}</div>
            <button class="btn" type="button" @click=${p.onRetry}>${t.retry}</button></div>`
          : first ? html`<div aria-hidden="true">${[0, 1, 2, 3, 4].map(() => html`<div class="skeleton"></div>`)}</div>`
          : !items.length && !p.loading ? html`<div class="state">${t.nothingHere}</div>`
          : nothing}
        <ul class="points" role="listbox" part="list" aria-label=${t.points} tabindex="0" ?hidden=${!!err || !items.length}
          aria-activedescendant=${active >= 0 ? `bp-opt-${active}` : nothing}
          aria-busy=${p.loading ? 'true' : 'false'}
          @keydown=${p.onKey} @focus=${p.onFocus}>
          ${items.map(p.row)}
        </ul>
        ${p.failing.map((c) => html`<div class="carrier-note" role="group" aria-label=${t.carrierUnavailable(carrierName(c, p.lang))}>
          ${icon(UI_GLYPHS.warn)}<span>${t.carrierUnavailable(carrierName(c, p.lang))}</span>
          <button class="btn small" type="button" @click=${() => p.onRetryCarrier(c)}>${t.retry}</button></div>`)}
        ${!err && items.length < p.total && items.length >= p.limit
          ? html`<div class="more"><button class="btn" type="button" @click=${p.onShowMore}>${t.showMore}</button></div>`
          : nothing}
      </div>`;
}
