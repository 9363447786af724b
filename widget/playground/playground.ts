// Playground page: the widget on a mock checkout, with controls for the main attributes
// and a log of every event it fires. Not part of the widget bundle.
import '../src/define.js';
import type { BranchPicker } from '../src/index.js';

const picker = document.querySelector<BranchPicker>('#picker')!;
const controls = document.querySelector<HTMLFormElement>('#controls')!;
const log = document.querySelector<HTMLOListElement>('#log')!;
const checkout = document.querySelector<HTMLFormElement>('#checkout')!;
const submitted = document.querySelector<HTMLOutputElement>('#submitted')!;

// Deep links: /widget/?layout=list&lang=en&mode=modal&selected=...&tile-url=none&order=1&width=800
// (the controls write them back: writeUrl below).
const params = new URLSearchParams(location.search);

/** Shows a deep-linked value in its control, adding it as an option when it is not one of the presets. */
function reflect(name: string, value: string): void {
  const field = controls.elements.namedItem(name);
  if (!(field instanceof HTMLSelectElement)) return;
  if (![...field.options].some((o) => o.value === value)) field.add(new Option(`${value} (из ссылки)`, value));
  field.value = value;
}

const widthInput = controls.elements.namedItem('width') as HTMLInputElement;
/** The width control is the picker's max-width, not an attribute. */
function setWidth(px: string): void {
  widthInput.value = px; // the range clamps and rounds it
  picker.style.setProperty('max-width', `${widthInput.value}px`);
}

for (const [k, v] of params) {
  if (k === 'order') continue; // a switch with companions (setOrder below), and ?order=0 means off
  if (k === 'width') {
    setWidth(v);
    continue;
  }
  picker.setAttribute(k, v);
  reflect(k, v);
  if (k === 'lang') document.documentElement.lang = v;
}
// The parcel is three attributes; its control holds them as "grams|LxWxH[|declared value]".
if (params.has('parcel-weight')) {
  reflect('parcel', [params.get('parcel-weight'), params.get('parcel-size') ?? '', params.get('declared-value')].filter((v) => v !== null).join('|').replace(/\|$/, ''));
}

/** "grams|LxWxH[|declared value]" -> the parcel attributes, as the deep link names them (empty: no parcel, no tariffs). */
function parcelAttributes(value: string): Array<[string, string | undefined]> {
  const [weight, size, declared] = value.split('|');
  return [['parcel-weight', weight], ['parcel-size', size], ['declared-value', declared]];
}

function setParcel(value: string): void {
  for (const [name, v] of parcelAttributes(value)) v ? picker.setAttribute(name, v) : picker.removeAttribute(name);
}

// The origin comes with any parcel: a shop always knows where it ships from.
if (!picker.hasAttribute('origin')) picker.setAttribute('origin', 'RU:101000;UA:Київ');

const orderSwitch = controls.elements.namedItem('order') as HTMLInputElement;
const parcelSelect = controls.elements.namedItem('parcel') as HTMLSelectElement;
/** Attributes the order switch added, taken away again when it is turned off (a deep-linked config-id stays). */
const addedForOrder = new Set<string>();

/**
 * The order step (`order`) needs the widget's config id and a parcel: turning it on brings the sandbox's demo
 * config, the first parcel preset when none is chosen (shown in its control), and a track link to this site's
 * tracking page (an absolute path, whatever sub-path the site is served under).
 */
function setOrder(on: boolean): void {
  orderSwitch.checked = on;
  if (!on) {
    picker.removeAttribute('order');
    for (const name of addedForOrder) picker.removeAttribute(name);
    addedForOrder.clear();
    return;
  }
  const addAttr = (name: string, value: string) => {
    if (picker.hasAttribute(name)) return;
    picker.setAttribute(name, value);
    addedForOrder.add(name);
  };
  addAttr('config-id', 'demo');
  addAttr('track-url', `${new URL('track.html', location.href).pathname}#order={orderId}&token={token}`);
  if (!picker.hasAttribute('parcel-weight')) {
    parcelSelect.value = [...parcelSelect.options].find((o) => o.value)!.value;
    setParcel(parcelSelect.value);
  }
  picker.setAttribute('order', '');
}

if (params.has('order') && !/^(0|false|off)$/.test(params.get('order')!)) setOrder(true);

controls.addEventListener('input', (e) => {
  const el = e.target as HTMLInputElement | HTMLSelectElement;
  if (el.name === 'order') {
    setOrder(orderSwitch.checked);
    return;
  }
  if (el.name === 'parcel') {
    setParcel(el.value);
    return;
  }
  if (el.name === 'width') {
    setWidth(el.value);
    return;
  }
  if (el.value) picker.setAttribute(el.name, el.value);
  else picker.removeAttribute(el.name);
  if (el.name === 'lang') document.documentElement.lang = el.value;
});

/** A control's value as the page ships it (a select's first option unless one is marked selected). */
function defaultOf(field: HTMLInputElement | HTMLSelectElement): string {
  if (field instanceof HTMLInputElement) return field.defaultValue;
  return ([...field.options].find((o) => o.defaultSelected) ?? field.options[0])?.value ?? '';
}

/**
 * Writes the controls' values into the query string, in the deep link's terms, so a reload or a shared link brings
 * the same setup back. Defaults are left out (a default setup has a clean URL); deep-linked parameters no control
 * holds (selected, config-id...) stay. replaceState: adjusting the setup adds no history entries.
 */
function writeUrl(): void {
  const query = new URLSearchParams(location.search);
  const put = (name: string, value: string | undefined, fallback = '') => (value && value !== fallback ? query.set(name, value) : query.delete(name));
  for (const field of controls.elements) {
    if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement)) continue;
    if (field.name === 'order') put('order', orderSwitch.checked ? '1' : '');
    else if (field.name === 'parcel') for (const [name, v] of parcelAttributes(field.value)) put(name, v);
    else put(field.name, field.value, defaultOf(field));
  }
  const search = query.toString();
  history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
}
// On change, not input: a dragged width slider writes once, when it is let go.
controls.addEventListener('change', writeUrl);

function add(text: string): void {
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  log.prepend(li);
  while (log.children.length > 30) log.lastElementChild!.remove();
}

picker.addEventListener('bp-ready', () => add('bp-ready'));
picker.addEventListener('bp-open', () => add('bp-open'));
picker.addEventListener('bp-close', (e) => add(`bp-close committed=${e.detail.committed}`));
picker.addEventListener('bp-select', (e) => add(`bp-select ${e.detail.branch.id} (${e.detail.branch.name})`));
picker.addEventListener('bp-change', (e) => {
  const q = e.detail.quote;
  add(`bp-change ${e.detail.branch.id}: ${e.detail.branch.addressLine}${q ? ` · ${q.total / 100} ${q.currency}, ${q.deliveryDays.min}-${q.deliveryDays.max} d` : ''}`);
});
picker.addEventListener('bp-order', (e) => add(`bp-order ${e.detail.orderNumber} (${e.detail.status}), ${e.detail.quote.total / 100} ${e.detail.quote.currency}`));
picker.addEventListener('bp-error', (e) => add(`bp-error ${e.detail.code}${e.detail.field ? ` [${e.detail.field}]` : ''}: ${e.detail.message}`));

checkout.addEventListener('submit', (e) => {
  e.preventDefault();
  if (!checkout.reportValidity()) {
    submitted.textContent = picker.validationMessage;
    return;
  }
  const data = new FormData(checkout);
  submitted.textContent = `pickup_point=${String(data.get('pickup_point'))}`;
});
