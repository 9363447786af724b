// The review before the one confirm button (point, recipient, price, delivery date, cash on delivery) with the
// submission's state under it, and the created order afterwards. Carrier and buyer strings are Lit text bindings.
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatMoney } from '../i18n/index.js';
import type { Money } from '../model/common.js';
import type { Lang } from '../model/config.js';
import type { CreatedOrder, Recipient } from '../model/order.js';
import type { Quote } from '../model/quote.js';
import type { OrderStepMessages } from './messages.js';
import { recipientFieldOf } from './recipient-fields.js';
import type { SubmissionState } from './submission.js';

export interface ReviewArgs {
  t: OrderStepMessages;
  lang: Lang;
  heading: string;
  /** Shown in resume mode, where the order number is all the buyer may recognise. */
  orderNumber: string | undefined;
  pointName: string | undefined;
  pointAddress: string | undefined;
  recipient: Recipient;
  quote: Quote | undefined;
  cod: Money | undefined;
  state: SubmissionState;
  busy: boolean;
  /** Editing is locked while an intent is pending with this payload (a changed payload could order twice). */
  canEdit: boolean;
  onConfirm(): void;
  onConfirmQuote(q: Quote): void;
  onRetry(): void;
  onEdit(): void;
  onBack(): void;
}

export const money = (m: { total: number; currency: string } | Money, lang: Lang) =>
  formatMoney('total' in m ? m.total : m.amount, m.currency, lang);

function deliveryText(q: Quote, t: OrderStepMessages, lang: Lang): string {
  const days = t.deliveryDays(q.deliveryDays.min, q.deliveryDays.max);
  return q.estimatedDate ? `${days}, ${t.deliveryBy(formatDate(q.estimatedDate, lang))}` : days;
}

export function renderReview(a: ReviewArgs): TemplateResult {
  const { t, lang, state } = a;
  const price = a.quote ? money(a.quote, lang) : undefined;
  const r = a.recipient;
  return html`
    <h2 id="bp-order-heading" tabindex="-1">${a.heading}</h2>
    <dl>
      ${a.orderNumber ? html`<dt>${t.orderNumber}</dt><dd>${a.orderNumber}</dd>` : nothing}
      <dt>${t.point}</dt>
      <dd>${a.pointName ?? nothing}${a.pointAddress ? html`<br><span class="muted">${a.pointAddress}</span>` : nothing}</dd>
      <dt>${t.recipient}</dt>
      <dd>${r.givenName} ${r.surname}<br><span class="muted">${r.phone}${r.email ? html`, ${r.email}` : nothing}</span></dd>
      <dt>${t.price}</dt><dd>${price ?? html`<span class="muted">${t.priceOnOrder}</span>`}</dd>
      ${a.quote ? html`<dt>${t.delivery}</dt><dd>${deliveryText(a.quote, t, lang)}</dd>` : nothing}
      <dt>${t.cod}</dt><dd>${a.cod ? money(a.cod, lang) : html`<span class="muted">${t.codNone}</span>`}</dd>
    </dl>
    ${renderState(a, price)}
  `;
}

function renderState(a: ReviewArgs, price: string | undefined): TemplateResult {
  const { t, state } = a;
  const status = html`<p class="sr-only" role="status">${a.busy && state.kind === 'sending' ? t.sending : ''}</p>`;
  const confirm = (label: string, onClick: () => void) =>
    html`<button class="primary" type="button" ?disabled=${a.busy} @click=${onClick}>${label}</button>`;
  const secondary = html`
    ${a.canEdit ? html`<button type="button" @click=${a.onEdit}>${t.edit}</button>` : nothing}
    ${a.canEdit ? html`<button type="button" class="link" @click=${a.onBack}>${t.back}</button>` : nothing}`;
  switch (state.kind) {
    case 'quote-changed': {
      const now = money(state.quote, a.lang);
      return html`${status}
        <p class="notice bad" role="alert" id="bp-order-alert" tabindex="-1">${t.priceChanged(price ?? '—', now)}</p>
        <div class="actions">${confirm(t.confirmNewPrice(now), () => a.onConfirmQuote(state.quote))}${secondary}</div>`;
    }
    case 'offline':
    case 'stalled':
      return html`${status}
        <p class="notice" role="alert" id="bp-order-alert" tabindex="-1">${state.kind === 'offline' ? t.offline : t.stalled}</p>
        ${a.busy ? nothing : html`<div class="actions">${confirm(t.retry, a.onRetry)}</div>`}`;
    case 'refused':
    case 'failed': {
      const text = state.kind === 'refused' ? `${t.refused}. ${refusalText(state.error.problem, t)}` : t.failed;
      return html`${status}
        <p class="notice bad" role="alert" id="bp-order-alert" tabindex="-1">${text}</p>
        <div class="actions">${confirm(t.confirm(price), a.onConfirm)}${secondary}</div>`;
    }
    default:
      return html`${status}
        ${a.busy ? html`<p class="notice" aria-hidden="true">${t.sending}</p>` : nothing}
        <div class="actions">${confirm(t.confirm(price), a.onConfirm)}${a.busy ? nothing : secondary}</div>`;
  }
}

/** "Телефон: expected a +7… number": the field named in the buyer's words where we know it. */
export function refusalText(problem: { title: string; detail?: string; field?: string }, t: OrderStepMessages): string {
  const detail = problem.detail ?? problem.title;
  if (!problem.field) return detail;
  const f = recipientFieldOf(problem.field);
  return t.refusedField(f ? t.fieldLabels[f] : problem.field, detail);
}

export interface DoneArgs {
  t: OrderStepMessages;
  lang: Lang;
  order: CreatedOrder;
  /** http(s) link to a tracking page, already filled in; absent: a button the host answers (bp-order-step-track). */
  trackHref: string | undefined;
  onTrack(): void;
}

export function renderDone(a: DoneArgs): TemplateResult {
  const { t, order } = a;
  return html`
    <h2 id="bp-order-heading" tabindex="-1">${t.doneHeading}</h2>
    <p class="sr-only" role="status">${t.doneHeading}: ${order.orderNumber}</p>
    <dl>
      <dt>${t.orderNumber}</dt><dd>${order.orderNumber}</dd>
      <dt>${t.status}</dt><dd>${t.statusNames[order.status]}</dd>
      <dt>${t.trackNumber}</dt>
      <dd>${order.trackNumber ?? html`<span class="muted">${t.trackNumberSoon}</span>`}</dd>
      <dt>${t.point}</dt><dd>${order.pointName}<br><span class="muted">${order.pointAddress}</span></dd>
      <dt>${t.price}</dt><dd>${money(order.quote, a.lang)}</dd>
      ${order.cashOnDelivery ? html`<dt>${t.cod}</dt><dd>${money(order.cashOnDelivery, a.lang)}</dd>` : nothing}
    </dl>
    <div class="actions">${a.trackHref
      ? html`<a href=${a.trackHref}>${t.trackParcel}</a>`
      : html`<button type="button" @click=${a.onTrack}>${t.trackParcel}</button>`}</div>
  `;
}
