// The checkout-form snippet: the element inside the shop's form, plus hidden fields that a small
// module script fills from bp-change (the chosen point and its price) and bp-order (the order id
// and track number, when the order step is on). The point id itself is the element's form value.
import type { WidgetConfig } from '../../widget/src/model/config.js';
import { buildElement, buildScriptTag, indent, propertyOnlySettings, safeJson, versionComment, type ScriptSource, type SnippetOptions } from './snippet.js';

/** Hidden fields the snippet fills, in the order they appear in the form. */
export const CHECKOUT_FIELDS = [
  'pickup_carrier',
  'pickup_address',
  'delivery_price',
  'delivery_currency',
  'delivery_days',
  'order_id',
  'track_number',
] as const;

export interface CheckoutSnippet {
  /** The whole block: script tag, form and module script. */
  html: string;
  /** The module script's code, exactly as between <script type="module"> and </script> (for a CSP hash). */
  inlineScript: string;
}

/** The JS that fills the hidden fields; `formId` is the form the snippet writes. */
export function buildCheckoutJs(config: WidgetConfig, opts: SnippetOptions = {}, formId = 'checkout'): string {
  const props = opts.configId ? {} : propertyOnlySettings(config);
  const lines = [
    `const form = document.getElementById('${formId}');`,
    "const picker = form.querySelector('branch-picker');",
    "const set = (name, value) => { form.elements.namedItem(name).value = value ?? ''; };",
  ];
  if (Object.keys(props).length > 0) {
    lines.push('', '// Settings that have no attribute go through the config property.', `picker.config = { ...picker.config, ...${safeJson(props)} };`);
  }
  lines.push(
    '',
    '// The chosen point: its id is the form value of the element itself (name="…").',
    "picker.addEventListener('bp-change', (event) => {",
    '  const { branch, quote } = event.detail;',
    "  set('pickup_carrier', branch.carrier);",
    "  set('pickup_address', branch.addressLine);",
    '  // Prices are in minor units (kopecks, kopiykas): 12990 -> "129.90".',
    "  set('delivery_price', quote ? (quote.total / 100).toFixed(2) : '');",
    "  set('delivery_currency', quote?.currency);",
    "  set('delivery_days', quote ? `${quote.deliveryDays.min}-${quote.deliveryDays.max}` : '');",
    '});',
    '',
    '// When the widget places the order itself (the order step): keep its id and track number.',
    "picker.addEventListener('bp-order', (event) => {",
    '  const { orderId, trackNumber } = event.detail;',
    "  set('order_id', orderId);",
    "  set('track_number', trackNumber);",
    '});',
  );
  return lines.join('\n');
}

export function buildCheckoutSnippet(config: WidgetConfig, src: ScriptSource, opts: SnippetOptions = {}): CheckoutSnippet {
  // `required`: the form cannot be sent before a point is chosen (the element is form-associated).
  const { elementId: _unused, ...elementOpts } = opts;
  const element = buildElement(config, elementOpts).replace('<branch-picker', '<branch-picker required');
  const hidden = CHECKOUT_FIELDS.map((name) => `<input type="hidden" name="${name}">`);
  const js = buildCheckoutJs(config, opts);
  const inlineScript = `\n${indent(js)}\n`;
  const html = [
    ...versionComment(src),
    buildScriptTag(src),
    '',
    '<form id="checkout" method="post" action="/checkout">',
    indent(element),
    ...hidden.map((h) => indent(h)),
    '  <button type="submit">Place order</button>',
    '</form>',
    '',
    `<script type="module">${inlineScript}</script>`,
  ].join('\n');
  return { html, inlineScript };
}
