// Shadow styles, adopted as constructable stylesheets (allowed under a strict CSP with no
// 'unsafe-inline'). Leaflet's CSS is inlined here so tiles and panes work inside the shadow root.
import { css, unsafeCSS } from 'lit';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import { mapTokens, themeTokens } from './tokens.js';

export const leafletStyles = unsafeCSS(leafletCss);

const hostStyles = css`
  :host {
    display: block;
    position: relative;
    box-sizing: border-box;
    height: var(--bp-height);
    min-height: 320px;
    color: var(--bp-text);
    background: var(--bp-surface);
    font-family: var(--bp-font);
    font-size: var(--bp-font-size);
    line-height: 1.4;
    border: 1px solid var(--bp-border);
    border-radius: var(--bp-radius);
    overflow: hidden;
    contain: layout;
  }
  :host([data-bp-mode='modal']) {
    height: auto;
    min-height: 0;
    border: 0;
    background: none;
    overflow: visible;
  }
  :host([hidden]) { display: none; }
  *, *::before, *::after { box-sizing: border-box; }
  button, input { font: inherit; color: inherit; }
  :focus-visible { outline: 2px solid var(--bp-focus-ring); outline-offset: 2px; }
  .sr-only {
    position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  svg.i { width: 18px; height: 18px; flex: none; fill: none; stroke: currentColor; stroke-width: 1.8;
    stroke-linecap: round; stroke-linejoin: round; }
  @media (prefers-reduced-motion: reduce) {
    *, *::before, *::after { transition: none !important; animation: none !important; }
  }
`;

/** The public --bp-* tokens with their defaults (ui/tokens.ts, shared with <bp-tracking>), then the host's own rules. */
export const tokens = [themeTokens, mapTokens, hostStyles];

export const layoutStyles = css`
  .root { height: 100%; container-type: inline-size; container-name: bp; }
  .picker { height: 100%; display: flex; flex-direction: column; min-height: 0; position: relative; }
  .bar { padding: 10px 10px 8px; display: flex; flex-direction: column; gap: 8px;
    border-bottom: 1px solid var(--bp-border); background: var(--bp-surface); z-index: 3; }
  .body { flex: 1; display: flex; min-height: 0; position: relative; }
  .side { width: var(--bp-side-width); flex: none; display: flex; flex-direction: column; min-height: 0;
    border-right: 1px solid var(--bp-border); background: var(--bp-surface); position: relative; }
  .map-wrap { flex: 1; position: relative; min-width: 0; background: var(--bp-water); }
  .map { position: absolute; inset: 0; }
  .layout-list .map-wrap { display: none; }
  .layout-list .side { width: auto; flex: 1; border-right: 0; }
  .layout-map .side:not(.has-details) { display: none; }
  .layout-map .side.has-details { position: absolute; left: 10px; top: 10px; bottom: 10px; z-index: 1100;
    border: 1px solid var(--bp-border); border-radius: var(--bp-radius); box-shadow: 0 6px 24px rgb(0 0 0 / .18); }
  .sheet-handle { display: none; }

  /* Narrow host: the list becomes a bottom sheet over the map. */
  @container bp (max-width: 639px) {
    .body { display: block; }
    .map-wrap { position: absolute; inset: 0; }
    .layout-both .side, .layout-map .side.has-details {
      position: absolute; left: 0; right: 0; bottom: 0; top: auto; width: auto; height: 44%;
      border: 1px solid var(--bp-border); border-bottom: 0; border-radius: 16px 16px 0 0; z-index: 1100;
      box-shadow: 0 -6px 24px rgb(0 0 0 / .16); transition: height .2s ease;
    }
    .layout-both .side.expanded, .layout-map .side.has-details { height: 86%; }
    .layout-list .side { position: absolute; inset: 0; }
    .layout-both .sheet-handle { display: flex; justify-content: center; align-items: center; gap: 6px; width: 100%;
      border: 0; background: none; padding: 6px 0 2px; cursor: pointer; color: var(--bp-text-muted); font-size: 12px; }
    .sheet-handle::before { content: ''; width: 40px; height: 4px; border-radius: 2px; background: var(--bp-border); }
    .bar { padding: 8px; }
  }
`;

export const controlStyles = css`
  .search-row { display: flex; gap: 8px; }
  .combo { position: relative; flex: 1; min-width: 0; }
  .combo > svg.i { position: absolute; left: 10px; top: 50%; translate: 0 -50%; color: var(--bp-text-muted); pointer-events: none; }
  .combo input { width: 100%; height: 40px; padding: 0 12px 0 36px; border: 1px solid var(--bp-border);
    border-radius: calc(var(--bp-radius) - 4px); background: var(--bp-surface-alt); }
  .combo input:focus { background: var(--bp-surface); border-color: var(--bp-primary); outline: 2px solid var(--bp-primary-soft); }
  .combo input::placeholder { color: var(--bp-text-muted); }
  .suggest { position: absolute; left: 0; right: 0; top: calc(100% + 4px); z-index: 2000; margin: 0; padding: 4px;
    list-style: none; background: var(--bp-surface); border: 1px solid var(--bp-border); border-radius: calc(var(--bp-radius) - 4px);
    box-shadow: 0 8px 28px rgb(0 0 0 / .16); max-height: 320px; overflow: auto; }
  .suggest li { display: flex; align-items: center; gap: 10px; padding: 8px 10px; border-radius: 6px; cursor: pointer; }
  .suggest li[aria-selected='true'] { background: var(--bp-primary-soft); outline: 1px solid var(--bp-primary); }
  .suggest li:hover { background: var(--bp-surface-alt); }
  .suggest .s-main { font-weight: 600; }
  .suggest .s-sub { color: var(--bp-text-muted); font-size: 12px; }
  .suggest .s-main, .suggest .s-sub { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2;
    overflow: hidden; overflow-wrap: anywhere; }
  .suggest .s-icon { color: var(--bp-text-muted); }
  .suggest .empty { color: var(--bp-text-muted); cursor: default; }

  .btn { display: inline-flex; align-items: center; justify-content: center; gap: 6px; height: 40px; padding: 0 14px;
    border: 1px solid var(--bp-border); border-radius: calc(var(--bp-radius) - 4px); background: var(--bp-surface);
    cursor: pointer; white-space: nowrap; }
  .btn:hover { background: var(--bp-surface-alt); }
  .btn.icon-only { width: 40px; padding: 0; }
  .btn.primary { background: var(--bp-primary); color: var(--bp-on-primary); border-color: transparent; font-weight: 600; }
  .btn.primary:hover { background: var(--bp-primary-hover); }
  .btn[disabled] { opacity: .5; cursor: not-allowed; }
  .btn.link { border: 0; background: none; height: auto; padding: 4px 0; color: var(--bp-primary); }

  .filters { display: flex; gap: 6px; overflow-x: auto; scrollbar-width: none; padding: 2px 24px 2px 2px; margin: -2px;
    mask-image: linear-gradient(to right, #000 calc(100% - 24px), transparent); }
  .filters::-webkit-scrollbar { display: none; }
  .chip { display: inline-flex; align-items: center; gap: 6px; height: 32px; padding: 0 12px; flex: none;
    border: 1px solid var(--bp-border); border-radius: 999px; background: var(--bp-surface); cursor: pointer; font-size: 13px; }
  .chip:hover { border-color: var(--bp-text-muted); }
  .chip[aria-pressed='true'] { background: var(--bp-primary-soft); border-color: var(--bp-primary); color: var(--bp-primary); font-weight: 600; }
  .chip .count { color: var(--bp-text-muted); font-weight: 400; font-variant-numeric: tabular-nums; }
  .chip .dot { width: 10px; height: 10px; border-radius: 50%; }
  .sep { width: 1px; flex: none; background: var(--bp-border); margin: 4px 2px; }
  .notice { font-size: 13px; color: var(--bp-text-muted); }
  .notice.warn { color: var(--bp-closed); }
`;

export const listStyles = css`
  .list-head { display: flex; align-items: center; justify-content: space-between; padding: 8px 14px; font-size: 13px;
    color: var(--bp-text-muted); border-bottom: 1px solid var(--bp-border); min-height: 37px; }
  .progress { position: absolute; left: 0; right: 0; top: 0; height: 2px; overflow: hidden; }
  .progress::after { content: ''; position: absolute; inset: 0; width: 40%; background: var(--bp-primary);
    animation: bp-slide 1s ease-in-out infinite; }
  @keyframes bp-slide { from { translate: -100% 0; } to { translate: 250% 0; } }
  .scroll { flex: 1; overflow: auto; min-height: 0; overscroll-behavior: contain; }
  [role='listbox'].points { list-style: none; margin: 0; padding: 4px; }
  [role='listbox'].points:focus-visible { outline-offset: -2px; }
  .item { display: grid; grid-template-columns: 30px 1fr auto; gap: 2px 10px; padding: 10px; border-radius: 8px;
    cursor: pointer; border: 1px solid transparent; }
  .item + .item { margin-top: 2px; }
  .item:hover, .item.hover { background: var(--bp-surface-alt); }
  .item[aria-selected='true'] { background: var(--bp-primary-soft); border-color: color-mix(in srgb, var(--bp-primary) 35%, transparent); }
  .points:focus-visible .item.active { outline: 2px solid var(--bp-focus-ring); outline-offset: -2px; }
  .item.off { opacity: .7; }
  .badge { grid-row: span 3; width: 30px; height: 30px; border-radius: 50%; display: grid; place-items: center; color: #fff; }
  .badge svg.i { width: 17px; height: 17px; stroke-width: 2; }
  .t-post_office { background: var(--bp-marker-post-office); }
  .t-pickup_point { background: var(--bp-marker-pickup-point); }
  .t-parcel_locker { background: var(--bp-marker-parcel-locker); }
  .name { font-weight: 600; min-width: 0; overflow-wrap: anywhere; }
  /* Carrier text is untrusted: a row shows at most two lines of name and of address (details show it all). */
  .item .name, .item .addr { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2;
    overflow: hidden; overflow-wrap: anywhere; }
  .dist { color: var(--bp-text-muted); font-size: 12px; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .addr { grid-column: 2 / 4; color: var(--bp-text-muted); font-size: 13px; }
  .meta { grid-column: 2 / 4; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; font-size: 12px; }
  .status { font-weight: 600; }
  .status.open { color: var(--bp-open); }
  .status.break, .status.closed { color: var(--bp-closed); }
  .status.off { color: var(--bp-off); }
  .pay { display: inline-flex; gap: 4px; color: var(--bp-text-muted); }
  .pay svg.i { width: 16px; height: 16px; }
  .chosen-mark { color: var(--bp-primary); font-weight: 600; display: inline-flex; align-items: center; gap: 2px; }
  .item.unfit .name, .item.unfit .addr { color: var(--bp-text-muted); }
  .item.unfit .badge { filter: grayscale(1); opacity: .6; }
  .item[aria-disabled='true'] { cursor: default; }
  .price { grid-row: span 2; display: flex; flex-direction: column; align-items: flex-end; gap: 2px; min-width: 84px; min-height: 38px;
    text-align: right; font-variant-numeric: tabular-nums; }
  .price b { font-size: 15px; font-weight: 700; white-space: nowrap; }
  .price small { font-size: 12px; color: var(--bp-text-muted); white-space: nowrap; }
  .price.muted { font-size: 12px; color: var(--bp-text-muted); max-width: 96px; }
  .item .price ~ .addr { grid-column: 2; }
  .when { grid-column: 2 / 4; min-height: 17px; font-size: 12px; color: var(--bp-text-muted); }
  .item.unfit .when { color: var(--bp-off); }
  .when.warn { color: var(--bp-closed); font-weight: 600; }
  .sk { display: block; width: 64px; height: 16px; border-radius: 4px; background: linear-gradient(90deg, var(--bp-surface-alt), #fff, var(--bp-surface-alt));
    background-size: 200% 100%; animation: bp-shimmer 1.2s linear infinite; }
  .sk.s { width: 44px; height: 12px; }
  .sk.w { width: 140px; height: 12px; margin-top: 2px; }
  .d { color: var(--bp-text-muted); font-variant-numeric: tabular-nums; }
  .sort { display: inline-flex; align-items: center; gap: 6px; }
  .sort select { height: 28px; border: 1px solid var(--bp-border); border-radius: 6px; background: var(--bp-surface); color: var(--bp-text); font: inherit; }
  .carrier-note { position: sticky; bottom: 0; display: flex; align-items: center; gap: 8px; margin: 4px; padding: 8px 10px; border-radius: 8px;
    background: color-mix(in srgb, var(--bp-closed) 10%, var(--bp-surface)); color: var(--bp-closed); font-size: 13px;
    box-shadow: 0 -2px 8px rgb(0 0 0 / .06); }
  .carrier-note span { flex: 1; }
  .btn.small { height: 30px; padding: 0 10px; font-size: 13px; }
  .more { display: flex; justify-content: center; padding: 8px 0 14px; }
  .state { padding: 28px 20px; text-align: center; color: var(--bp-text-muted); display: flex; flex-direction: column; align-items: center; gap: 12px; }
  .state.error { color: var(--bp-text); }
  .state.error svg.i { color: var(--bp-off); width: 28px; height: 28px; }
  .skeleton { margin: 8px 10px; height: 62px; border-radius: 8px;
    background: linear-gradient(90deg, var(--bp-surface-alt), #fff, var(--bp-surface-alt)); background-size: 200% 100%;
    animation: bp-shimmer 1.2s linear infinite; }
  @keyframes bp-shimmer { to { background-position: -200% 0; } }
`;

export const detailStyles = css`
  .details { display: flex; flex-direction: column; min-height: 0; flex: 1; }
  .details-head { padding: 6px 8px; border-bottom: 1px solid var(--bp-border); }
  /* The full (capped) carrier text wraps anywhere: a name without spaces never widens the panel. */
  .details-body { flex: 1; overflow: auto; padding: 12px 16px 16px; min-height: 0; overflow-wrap: anywhere; }
  .details .title { margin: 0 0 2px; font-size: 17px; font-weight: 700; line-height: 1.3; }
  /* Focused only to give screen readers context; not an interactive control. */
  .details .title:focus { outline: none; }
  .today-status { margin-top: 6px; }
  .kind { display: flex; align-items: center; gap: 6px; color: var(--bp-text-muted); font-size: 13px; margin-bottom: 10px; }
  .kind .dot { width: 8px; height: 8px; border-radius: 50%; }
  .dl { margin: 14px 0 0; }
  .dl .dl-title { margin: 0 0 6px; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--bp-text-muted); }
  table.hours { border-collapse: collapse; width: 100%; font-size: 13px; }
  table.hours th { text-align: left; font-weight: 400; padding: 3px 8px 3px 0; white-space: nowrap; text-transform: capitalize; }
  table.hours td { padding: 3px 0; font-variant-numeric: tabular-nums; }
  table.hours tr.today { font-weight: 700; }
  table.hours .brk { color: var(--bp-text-muted); font-weight: 400; }
  .exc { margin: 0; padding: 0; list-style: none; font-size: 13px; }
  .exc li { padding: 2px 0; }
  .tags { display: flex; gap: 6px; flex-wrap: wrap; }
  .tag { display: inline-flex; align-items: center; gap: 4px; padding: 3px 8px; border-radius: 999px; background: var(--bp-surface-alt); font-size: 12px; }
  .tag svg.i { width: 15px; height: 15px; }
  .details a { color: var(--bp-primary); }
  .quote:not(.filled) { display: none; }
  .quote { margin-top: 12px; padding: 10px 12px; border-radius: 8px; background: var(--bp-surface-alt); }
  .unavail { margin-top: 12px; padding: 10px 12px; border-radius: 8px; background: color-mix(in srgb, var(--bp-off) 9%, transparent);
    color: var(--bp-off); display: flex; gap: 8px; }
  .unavail.warn { color: var(--bp-closed); background: color-mix(in srgb, var(--bp-closed) 9%, transparent); }
  .q-grid { display: grid; grid-template-columns: auto 1fr; gap: 4px 12px; align-items: center; }
  .q-label { color: var(--bp-text-muted); font-size: 13px; }
  .q-price { font-size: 18px; font-weight: 700; font-variant-numeric: tabular-nums; }
  .q-sub { color: var(--bp-text-muted); font-size: 12px; }
  .q-grid + .q-sub, .q-lines + .q-sub { margin-top: 6px; }
  .q-lines { width: 100%; border-collapse: collapse; margin-top: 8px; font-size: 13px; font-variant-numeric: tabular-nums; }
  .q-lines th { text-align: left; font-weight: 400; padding: 2px 0; color: var(--bp-text-muted); }
  .q-lines td { text-align: right; padding: 2px 0; }
  .q-lines .q-total th, .q-lines .q-total td { border-top: 1px solid var(--bp-border); padding-top: 4px; font-weight: 700; color: var(--bp-text); }
  .q-off { display: flex; align-items: center; justify-content: space-between; gap: 8px; color: var(--bp-closed); }
  .quote .sk { width: 90px; }
  .confirm-bar { padding: 10px 12px; border-top: 1px solid var(--bp-border); background: var(--bp-surface); }
  .confirm-bar .btn { width: 100%; height: 46px; font-size: 15px; }
  .confirm-bar .ok { display: flex; align-items: center; justify-content: center; gap: 6px; height: 46px; color: var(--bp-open); font-weight: 600; }
`;

export const mapStyles = css`
  .leaflet-container { font-family: var(--bp-font); background: var(--bp-water); }
  .leaflet-container:focus-visible { outline: 2px solid var(--bp-focus-ring); outline-offset: -2px; }
  .bp-map--fallback { background: var(--bp-water); }
  .leaflet-div-icon.bp-icon, .bp-icon { background: none; border: 0; }
  .bp-pin { width: 32px; height: 40px; cursor: pointer; filter: drop-shadow(0 1px 2px rgb(0 0 0 / .35)); }
  .bp-pin svg { display: block; transform-origin: 50% 100%; transition: transform .12s ease; }
  .bp-pin:hover svg, .bp-hover .bp-pin svg { transform: scale(1.2); }
  .bp-hover { z-index: 9000 !important; }
  .bp-pin__body { stroke: #fff; stroke-width: 2; }
  .bp-pin--post_office .bp-pin__body { fill: var(--bp-marker-post-office); }
  .bp-pin--pickup_point .bp-pin__body { fill: var(--bp-marker-pickup-point); }
  .bp-pin--parcel_locker .bp-pin__body { fill: var(--bp-marker-parcel-locker); }
  .bp-pin--off .bp-pin__body { fill: var(--bp-marker-unavailable); }
  .bp-pin__glyph { fill: none; stroke: #fff; stroke-width: 2.2; stroke-linecap: round; stroke-linejoin: round; }
  .bp-selected .bp-pin svg { transform: scale(1.35); }
  .bp-selected .bp-pin__body { stroke: var(--bp-text); stroke-width: 2.5; }
  .bp-hidden { display: none !important; }
  .bp-cluster { width: 100%; height: 100%; border-radius: 50%; display: grid; place-items: center; cursor: pointer;
    background: var(--bp-cluster); color: #fff; font-weight: 700; font-size: 13px; font-variant-numeric: tabular-nums;
    box-shadow: 0 0 0 4px color-mix(in srgb, var(--bp-cluster) 25%, transparent), 0 2px 6px rgb(0 0 0 / .3);
    border: 2px solid #fff; transition: transform .12s ease; }
  .bp-cluster:hover { transform: scale(1.08); }
  .bp-cluster--l, .bp-cluster--xl { font-size: 14px; }
  .bp-me { box-sizing: border-box; border-radius: 50%; border: 3px solid #fff; background: #2459d6; box-shadow: 0 1px 4px rgb(0 0 0 / .35); }
  .map-note { position: absolute; z-index: 1000; left: 10px; top: 10px; max-width: calc(100% - 70px); display: flex; gap: 8px; align-items: center;
    padding: 6px 10px; border-radius: 8px; background: rgb(255 255 255 / .92); font-size: 12px; color: var(--bp-text-muted);
    box-shadow: 0 1px 4px rgb(0 0 0 / .2); }
  .map-note.error { right: 60px; justify-content: space-between; color: var(--bp-text); }
  .map-note .btn { height: 28px; padding: 0 10px; }
  .legend { position: absolute; z-index: 1000; right: 10px; bottom: 24px; display: flex; flex-direction: column; gap: 3px;
    padding: 6px 8px; border-radius: 8px; background: rgb(255 255 255 / .92); font-size: 11px; box-shadow: 0 1px 4px rgb(0 0 0 / .2); }
  .legend span { display: flex; align-items: center; gap: 6px; }
  .legend i { width: 10px; height: 10px; border-radius: 50%; }
  @container bp (max-width: 639px) { .legend { display: none; } }
`;

export const modalStyles = css`
  .trigger { display: flex; width: 100%; align-items: center; gap: 12px; padding: 12px 14px; text-align: left; cursor: pointer;
    border: 1px solid var(--bp-border); border-radius: var(--bp-radius); background: var(--bp-surface); }
  .trigger:hover { border-color: var(--bp-primary); }
  .trigger .t-main { flex: 1; min-width: 0; display: flex; flex-direction: column; }
  .trigger .t-sub { color: var(--bp-text-muted); font-size: 13px; }
  .trigger .t-main > * { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2;
    overflow: hidden; overflow-wrap: anywhere; }
  .trigger .t-act { color: var(--bp-primary); font-weight: 600; }
  .trigger svg.i { color: var(--bp-primary); }
  dialog { padding: 0; border: 0; border-radius: var(--bp-radius); width: min(1040px, calc(100vw - 32px));
    height: min(700px, calc(100dvh - 32px)); max-width: none; max-height: none; background: var(--bp-surface); color: var(--bp-text);
    box-shadow: 0 24px 64px rgb(0 0 0 / .3); overflow: hidden; }
  dialog[open] { display: flex; flex-direction: column; }
  dialog::backdrop { background: rgb(15 20 30 / .5); }
  .dlg-head { display: flex; align-items: center; justify-content: space-between; padding: 8px 8px 8px 16px; border-bottom: 1px solid var(--bp-border); }
  .dlg-head h2 { margin: 0; font-size: 16px; }
  dialog .root { flex: 1; min-height: 0; }
  @media (max-width: 639px) { dialog { width: 100vw; height: 100dvh; border-radius: 0; } }
`;
