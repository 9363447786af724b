// The details panel of one point: address, today's status in the point's time zone, the
// week's hours with breaks, upcoming exceptions, payment, phone, limits, a slot for the
// quote, and the confirm button. Pure template: all data goes through Lit bindings.
import { html, nothing, type TemplateResult } from 'lit';
import { localTime, todayStatus } from '../core/hours.js';
import { isSelectable, type Branch, type Lang } from '../model/index.js';
import { describeStatus, formatIsoDate, weekdayName } from './format.js';
import { PAYMENT_GLYPHS, UI_GLYPHS } from './glyphs.js';
import { icon } from './icon.js';
import { carrierName, type UiStrings } from './strings.js';

export interface DetailsProps {
  branch: Branch;
  t: UiStrings;
  lang: Lang;
  chosen: boolean;
  quoteFilled: boolean;
  now: Date;
  /** 2 inline (below the page's h1), 3 inside the modal (below its h2). */
  headingLevel: number;
  onBack: () => void;
  onConfirm: () => void;
  onQuoteSlotChange: (e: Event) => void;
}

export function renderDetails(p: DetailsProps): TemplateResult {
  const { branch: b, t, lang } = p;
  const status = describeStatus(todayStatus(b, p.now), lang, b.statusNote);
  const today = localTime(p.now, b.timeZone);
  const selectable = isSelectable(b);
  const upcoming = b.exceptions.filter((e) => e.date >= today.date).sort((x, y) => x.date.localeCompare(y.date)).slice(0, 6);
  const l = b.limits;
  const kg = (g: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(g / 1000);
  return html`
    <section class="details" part="details" aria-labelledby="bp-details-title">
      <div class="details-head">
        <button class="btn link" type="button" @click=${p.onBack}>${icon(UI_GLYPHS.back)}${t.back}</button>
      </div>
      <div class="details-body">
        <div class="title" id="bp-details-title" role="heading" aria-level=${p.headingLevel} tabindex="-1">${b.name}</div>
        <div class="kind"><span class="dot t-${b.type}"></span>${t.types[b.type]} · ${carrierName(b.carrier, lang)}</div>
        <div>${b.addressLine}${b.address.postcode && !b.addressLine.includes(b.address.postcode) ? `, ${b.address.postcode}` : ''}</div>
        <div class="status today-status ${status.tone}">${status.text}</div>
        ${selectable ? nothing : html`<div class="unavail" id="bp-unavail">${icon(UI_GLYPHS.warn)}<span>${t.cannotChoose}${b.statusNote ? ` ${b.statusNote}` : ''}</span></div>`}
        <div class="quote ${p.quoteFilled ? 'filled' : ''}" part="quote" role="region" aria-label=${t.quoteSlot}>
          <slot name="quote" @slotchange=${p.onQuoteSlotChange}></slot>
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
                  <td>${!h ? t.closedDay : allDay ? t.allDay : `${h.open}–${h.close}`}${h && h.breaks.length
                    ? html`<span class="brk">, ${t.breakWord} ${h.breaks.map((r) => `${r.from}–${r.to}`).join(', ')}</span>` : nothing}</td>
                </tr>`;
              })}
            </tbody>
          </table>
        </div>
        ${upcoming.length ? html`<div class="dl"><div class="dl-title" role="heading" aria-level=${p.headingLevel + 1}>${t.exceptions}</div><ul class="exc">
          ${upcoming.map((e) => html`<li>${formatIsoDate(e.date, lang)}: ${e.closed ? t.closedDay : `${e.open ?? ''}–${e.close ?? ''}`}${e.note ? ` (${e.note})` : ''}</li>`)}
        </ul></div>` : nothing}
        ${b.payment.length ? html`<div class="dl"><div class="dl-title" role="heading" aria-level=${p.headingLevel + 1}>${t.paymentTitle}</div><div class="tags">
          ${b.payment.map((m) => html`<span class="tag">${icon(PAYMENT_GLYPHS[m])}${t.payment[m]}</span>`)}
        </div></div>` : nothing}
        ${b.phone ? html`<div class="dl"><div class="dl-title" role="heading" aria-level=${p.headingLevel + 1}>${t.phone}</div><a href=${`tel:${b.phone.replace(/[^+\d]/g, '')}`}>${b.phone}</a></div>` : nothing}
        ${l.maxWeightG || l.maxDimensionsCm || l.lockerCells?.length ? html`<div class="dl"><div class="dl-title" role="heading" aria-level=${p.headingLevel + 1}>${t.limits}</div><div class="tags">
          ${l.maxWeightG ? html`<span class="tag">${t.maxWeight(kg(l.maxWeightG))}</span>` : nothing}
          ${l.maxDimensionsCm ? html`<span class="tag">${t.maxSize(`${l.maxDimensionsCm.length}×${l.maxDimensionsCm.width}×${l.maxDimensionsCm.height}`)}</span>` : nothing}
          ${l.lockerCells?.length ? html`<span class="tag">${t.lockerCells}: ${l.lockerCells.map((c) => c.size).join(', ')}</span>` : nothing}
        </div></div>` : nothing}
      </div>
      <div class="confirm-bar">
        ${p.chosen
          ? html`<div class="ok" role="status">${icon(UI_GLYPHS.check)}${t.chosen}</div>`
          : html`<button class="btn primary" part="confirm" type="button" ?disabled=${!selectable}
              aria-describedby=${selectable ? nothing : 'bp-unavail'} @click=${p.onConfirm}>${t.confirm}</button>`}
      </div>
    </section>`;
}

function sameEveryDay(b: Branch): boolean {
  const first = b.hours[0];
  return b.hours.length === 7 && !!first && b.hours.every((h) => hoursText(h, null) === hoursText(first, null));
}

function hoursText(h: Branch['hours'][number], t: UiStrings | null): string {
  const allDay = h.open === '00:00' && h.close === '24:00' && !h.breaks.length;
  const base = allDay && t ? t.allDay : `${h.open}–${h.close}`;
  const brk = h.breaks.map((r) => `${r.from}–${r.to}`).join(', ');
  return brk ? `${base}, ${t ? t.breakWord : ''} ${brk}` : base;
}
