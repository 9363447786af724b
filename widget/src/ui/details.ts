// The details panel of one point: address, today's status in the point's time zone, the
// week's hours with breaks, upcoming exceptions, payment, phone, limits, a slot for the
// quote, and the confirm button. Pure template: all data goes through Lit bindings.
import { html, nothing, type TemplateResult } from 'lit';
import { localTime, todayStatus } from '../core/hours.js';
import { carrierName, formatTime, type Messages } from '../i18n/index.js';
import type { Branch, Lang, Quote } from '../model/index.js';
import { describeStatus, formatIsoDate, weekdayName } from './format.js';
import { PAYMENT_GLYPHS, UI_GLYPHS } from '../glyphs.js';
import { icon } from './icon.js';
import { priceText, type PointView } from './quote-view.js';

export interface DetailsProps {
  branch: Branch;
  t: Messages;
  lang: Lang;
  /** Fit, price and arrival of this point (quote 'none' without a parcel: the area stays empty). */
  view: PointView;
  quote: Quote | undefined;
  onRetry: (() => void) | undefined;
  chosen: boolean;
  quoteFilled: boolean;
  now: Date;
  /** 2 inline (below the page's h1), 3 inside the modal (below its h2). */
  headingLevel: number;
  onBack: () => void;
  onConfirm: () => void;
  /** Open and the parcel fits. */
  choosable: boolean;
  onQuoteSlotChange: (e: Event) => void;
}

export function renderDetails(p: DetailsProps): TemplateResult {
  const { branch: b, t, lang } = p;
  const status = describeStatus(todayStatus(b, p.now), lang, b.statusNote);
  const today = localTime(p.now, b.timeZone);
  const selectable = p.choosable;
  const upcoming = b.exceptions.filter((e) => e.date >= today.date).sort((x, y) => x.date.localeCompare(y.date)).slice(0, 6);
  const l = b.limits;
  return html`
    <section class="details" part="details" aria-labelledby="bp-details-title">
      <div class="details-head">
        <button class="btn link" type="button" @click=${p.onBack}>${icon(UI_GLYPHS.back)}${t.allPoints}</button>
      </div>
      <div class="details-body">
        <div class="title" id="bp-details-title" role="heading" aria-level=${p.headingLevel} tabindex="-1">${b.name}</div>
        <div class="kind"><span class="dot t-${b.type}"></span>${t.typeShort[b.type]} · ${carrierName(b.carrier, lang)}</div>
        <div>${b.addressLine}${b.address.postcode && !b.addressLine.includes(b.address.postcode) ? `, ${b.address.postcode}` : ''}</div>
        <div class="status today-status ${status.tone}">${status.text}</div>
        ${selectable ? nothing : html`<div class="unavail" id="bp-unavail">${icon(UI_GLYPHS.warn)}<span>${
          p.view.unfit ?? `${t.cannotChooseNow}${b.statusNote ? ` ${b.statusNote}` : ''}`}</span></div>`}
        ${p.view.closedOnArrival ? html`<div class="unavail warn">${icon(UI_GLYPHS.clock)}<span>${p.view.closedOnArrival}</span></div>` : nothing}
        <div class="quote ${p.quoteFilled || p.view.quote !== 'none' ? 'filled' : ''}" part="quote" role="region" aria-label=${t.quoteSlot}>
          <slot name="quote" @slotchange=${p.onQuoteSlotChange}>${renderQuote(p)}</slot>
        </div>
        <div class="dl">
          <div class="dl-title" role="heading" aria-level=${p.headingLevel + 1}>${t.hours}</div>
          <table class="hours">
            <tbody>
              ${sameEveryDay(b) ? html`<tr><th scope="row">${t.everyDay}</th><td>${hoursText(b.hours[0]!, t)}</td></tr>` : [1, 2, 3, 4, 5, 6, 7].map((day) => {
                const h = b.hours.find((x) => x.day === day);
                const allDay = h && h.open === '00:00' && h.close === '24:00' && !h.breaks.length;
                return html`<tr class=${day === today.weekday ? 'today' : ''}>
                  <th scope="row">${weekdayName(day, lang)}${day === today.weekday ? html`<span class="sr-only"> (${t.today})</span>` : nothing}</th>
                  <td>${!h ? t.dayOff : allDay ? t.open247 : `${h.open}–${h.close}`}${h && h.breaks.length
                    ? html`<span class="brk">, ${t.breakWord} ${h.breaks.map((r) => `${r.from}–${r.to}`).join(', ')}</span>` : nothing}</td>
                </tr>`;
              })}
            </tbody>
          </table>
        </div>
        ${upcoming.length ? html`<div class="dl"><div class="dl-title" role="heading" aria-level=${p.headingLevel + 1}>${t.specialDays}</div><ul class="exc">
          ${upcoming.map((e) => html`<li>${formatIsoDate(e.date, lang)}: ${e.closed ? t.dayOff : `${e.open ?? ''}–${e.close ?? ''}`}${e.note ? ` (${e.note})` : ''}</li>`)}
        </ul></div>` : nothing}
        ${b.payment.length ? html`<div class="dl"><div class="dl-title" role="heading" aria-level=${p.headingLevel + 1}>${t.filterPayment}</div><div class="tags">
          ${b.payment.map((m) => html`<span class="tag">${icon(PAYMENT_GLYPHS[m])}${t.paymentNames[m]}</span>`)}
        </div></div>` : nothing}
        ${b.phone ? html`<div class="dl"><div class="dl-title" role="heading" aria-level=${p.headingLevel + 1}>${t.phone}</div><a href=${`tel:${b.phone.replace(/[^+\d]/g, '')}`}>${b.phone}</a></div>` : nothing}
        ${l.maxWeightG || l.maxDimensionsCm || l.lockerCells?.length ? html`<div class="dl"><div class="dl-title" role="heading" aria-level=${p.headingLevel + 1}>${t.limits}</div><div class="tags">
          ${l.maxWeightG ? html`<span class="tag">${t.maxWeight(l.maxWeightG / 1000)}</span>` : nothing}
          ${l.maxDimensionsCm ? html`<span class="tag">${t.maxSize(l.maxDimensionsCm.length, l.maxDimensionsCm.width, l.maxDimensionsCm.height)}</span>` : nothing}
          ${l.lockerCells?.length ? html`<span class="tag">${t.lockerCells}: ${l.lockerCells.map((c) => c.size).join(', ')}</span>` : nothing}
        </div></div>` : nothing}
      </div>
      <div class="confirm-bar">
        ${p.chosen
          ? html`<div class="ok" role="status">${icon(UI_GLYPHS.check)}${t.selected}</div>`
          : html`<button class="btn primary" part="confirm" type="button" ?disabled=${!selectable}
              aria-describedby=${selectable ? nothing : 'bp-unavail'} @click=${p.onConfirm}>${t.choose}</button>`}
      </div>
    </section>`;
}

/** Our own quote block: the slot's fallback, so a shop that fills the slot replaces it. */
function renderQuote(p: DetailsProps): unknown {
  const { view: v, t, quote: q, lang } = p;
  if (v.quote === 'loading') {
    return html`<div class="q-grid" aria-busy="true"><span class="q-label">${t.cost}</span><span class="sk" aria-hidden="true"></span>
      <span class="q-label">${t.deliveryTime}</span><span class="sk" aria-hidden="true"></span></div><span class="sr-only">${t.quoteLoading}</span>`;
  }
  if (v.quote === 'unavailable') {
    return html`<div class="q-off"><span>${t.priceUnavailable}</span>${p.onRetry
      ? html`<button class="btn small" type="button" @click=${p.onRetry}>${t.retry}</button>` : nothing}</div>`;
  }
  if (v.quote !== 'ready' || !q) return nothing;
  const parts = q.breakdown.filter((l) => l.amount > 0 || l.kind === 'delivery');
  return html`<div class="q-grid">
      <span class="q-label">${t.cost}</span><span class="q-price">${v.price}</span>
      <span class="q-label">${t.deliveryTime}</span><span>${v.days}<span class="q-sub"> · ${v.arrives}</span></span>
    </div>
    ${parts.length > 1 ? html`<table class="q-lines"><tbody>
      ${parts.map((l) => html`<tr><th scope="row">${t.quoteParts[l.kind]}</th><td>${priceText({ total: l.amount, currency: q.currency }, lang)}</td></tr>`)}
      <tr class="q-total"><th scope="row">${t.total}</th><td>${v.price}</td></tr></tbody></table>` : nothing}
    <div class="q-sub">${carrierName(q.carrier, lang)} · ${t.priceValidUntil(formatTime(new Date(q.expiresAt), lang))}</div>`;
}

function sameEveryDay(b: Branch): boolean {
  const first = b.hours[0];
  return b.hours.length === 7 && !!first && b.hours.every((h) => hoursText(h, null) === hoursText(first, null));
}

function hoursText(h: Branch['hours'][number], t: Messages | null): string {
  const allDay = h.open === '00:00' && h.close === '24:00' && !h.breaks.length;
  const base = allDay && t ? t.open247 : `${h.open}–${h.close}`;
  const brk = h.breaks.map((r) => `${r.from}–${r.to}`).join(', ');
  return brk ? `${base}, ${t ? t.breakWord : ''} ${brk}` : base;
}
