// One option of the points listbox: type badge, name, price or distance, address, arrival,
// today's status, payment icons and the "chosen" mark.
import { html, nothing, type TemplateResult } from 'lit';
import { distanceM } from '../core/geo.js';
import { todayStatus } from '../core/hours.js';
import type { Messages } from '../i18n/index.js';
import { isSelectable, type Branch, type Lang } from '../model/index.js';
import { describeStatus, formatDistance } from './format.js';
import { PAYMENT_GLYPHS, TYPE_GLYPHS, UI_GLYPHS } from '../glyphs.js';
import { icon } from './icon.js';
import type { PointView } from './quote-view.js';

export interface PointRowProps {
  t: Messages;
  lang: Lang;
  branch: Branch;
  index: number;
  active: boolean;
  now: Date;
  /** Where distances are measured from (none: no distance). */
  centre: { lat: number; lng: number } | undefined;
  view: PointView;
  /** A parcel is set: the row shows price and arrival. */
  priced: boolean;
  selected: boolean;
  chosen: boolean;
  hover: boolean;
  onClick: () => void;
  onHover: (id: string | undefined) => void;
}

export function renderPointRow(p: PointRowProps): TemplateResult {
  const { t, lang, branch: b, index: i, view: v, now, centre } = p;
  const st = describeStatus(todayStatus(b, now), lang);
  const dist = centre ? formatDistance(distanceM(centre, b), lang) : '';
  return html`
      <li id="bp-opt-${i}" role="option" part="item" data-id=${b.id}
        class="item ${p.active ? 'active' : ''} ${isSelectable(b) && v.fits ? '' : 'off'} ${v.fits ? '' : 'unfit'} ${p.hover ? 'hover' : ''}"
        aria-selected=${p.selected ? 'true' : 'false'} aria-disabled=${v.fits ? nothing : 'true'}
        @click=${p.onClick}
        @mouseenter=${() => p.onHover(b.id)} @mouseleave=${() => p.onHover(undefined)}>
        <span class="badge t-${b.type}" title=${t.typeShort[b.type]}>${icon(TYPE_GLYPHS[b.type])}</span>
        <span class="name">${b.name}</span>
        ${p.priced ? renderPrice(t, v) : html`<span class="dist">${dist}</span>`}
        <span class="addr">${b.addressLine}</span>
        ${p.priced ? html`<span class="when ${v.closedOnArrival ? 'warn' : ''}">${
          !v.fits ? v.unfit : v.quote === 'ready' ? (v.closedOnArrival ?? v.arrives) : v.quote === 'loading' ? html`<span class="sk w"></span>` : ''}</span>` : nothing}
        <span class="meta">
          <span class="sr-only">${t.typeShort[b.type]}.</span>
          <span class="status ${st.tone}">${st.text}</span>
          ${p.priced && dist ? html`<span class="d">${dist}</span>` : nothing}
          <span class="pay">${b.payment.map((m) => icon(PAYMENT_GLYPHS[m], t.paymentNames[m]))}</span>
          ${p.chosen ? html`<span class="chosen-mark">${icon(UI_GLYPHS.check)}${t.selected}</span>` : nothing}
        </span>
      </li>`;
}

/** The price cell keeps its size in every state (no layout shift when prices arrive). */
function renderPrice(t: Messages, v: PointView): TemplateResult {
  if (!v.fits) return html`<span class="price muted">${t.doesNotFit}</span>`;
  switch (v.quote) {
    case 'ready':
      return html`<span class="price"><b>${v.price}</b><small>${v.days}</small></span>`;
    case 'loading':
      return html`<span class="price"><span class="sk"></span><span class="sk s"></span><span class="sr-only">${t.quoteLoading}</span></span>`;
    case 'unavailable':
      return html`<span class="price muted">${t.priceUnavailable}</span>`;
    default:
      return html`<span class="price"></span>`;
  }
}
