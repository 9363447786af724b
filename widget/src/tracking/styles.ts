// <bp-tracking>'s shadow styles. Its --bp-* tokens are the picker's theme tokens (colours, type, radius) from
// ui/tokens.ts, not from ui/styles.ts: that module carries Leaflet's CSS, which a tracking page has no use for.
import { css } from 'lit';
import { themeTokens } from '../ui/tokens.js';

const trackingCss = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--bp-text);
    background: var(--bp-surface);
    font-family: var(--bp-font);
    font-size: var(--bp-font-size);
    line-height: 1.45;
    border: 1px solid var(--bp-border);
    border-radius: var(--bp-radius);
    overflow: hidden;
  }
  :host([hidden]) { display: none; }
  *, *::before, *::after { box-sizing: border-box; }
  button, input { font: inherit; color: inherit; }
  :focus-visible { outline: 2px solid var(--bp-focus-ring); outline-offset: 2px; }
  .sr-only {
    position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *, *::before, *::after { transition: none !important; animation: none !important; }
  }

  .wrap { padding: 16px; display: flex; flex-direction: column; gap: 14px; }
  .title { margin: 0; font-size: 18px; font-weight: 700; line-height: 1.3; }
  .title:focus { outline: none; }
  .meta { margin: 2px 0 0; color: var(--bp-text-muted); font-size: 13px; overflow-wrap: anywhere; }
  .mono { font-variant-numeric: tabular-nums; letter-spacing: .02em; color: var(--bp-text); font-weight: 600; }

  .status { display: flex; gap: 12px; align-items: flex-start; padding: 12px 14px; border-radius: calc(var(--bp-radius) - 4px);
    background: var(--bp-primary-soft); }
  .status .mark { width: 12px; height: 12px; margin-top: 6px; border-radius: 50%; flex: none; background: var(--bp-primary);
    box-shadow: 0 0 0 4px color-mix(in srgb, var(--bp-primary) 22%, transparent); }
  .status.ready { background: color-mix(in srgb, var(--bp-open) 10%, transparent); }
  .status.ready .mark, .status.done .mark { background: var(--bp-open); box-shadow: 0 0 0 4px color-mix(in srgb, var(--bp-open) 22%, transparent); }
  .status.done { background: var(--bp-surface-alt); }
  .status.problem { background: color-mix(in srgb, var(--bp-off) 8%, transparent); }
  .status.problem .mark { background: var(--bp-off); box-shadow: 0 0 0 4px color-mix(in srgb, var(--bp-off) 20%, transparent); }
  .status-text { margin: 0; font-size: 17px; font-weight: 700; line-height: 1.3; }
  .status .facts { margin: 4px 0 0; font-size: 13px; }
  .status .facts div { display: flex; flex-wrap: wrap; gap: 0 6px; }
  .status .facts dt { color: var(--bp-text-muted); }
  .status .facts dd { margin: 0; font-weight: 600; }

  .banner { padding: 10px 12px; border-radius: 8px; display: flex; gap: 10px; align-items: center; justify-content: space-between;
    background: color-mix(in srgb, var(--bp-closed) 9%, transparent); color: var(--bp-closed); }
  .banner.err { background: color-mix(in srgb, var(--bp-off) 9%, transparent); color: var(--bp-off); }

  .section-title { margin: 0 0 8px; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--bp-text-muted); font-weight: 600; }
  .timeline { list-style: none; margin: 0; padding: 0; }
  .timeline li { position: relative; padding: 0 0 14px 22px; }
  .timeline li::before { content: ''; position: absolute; left: 4px; top: 6px; width: 8px; height: 8px; border-radius: 50%;
    background: var(--bp-border); }
  .timeline li::after { content: ''; position: absolute; left: 7.5px; top: 16px; bottom: 0; width: 1px; background: var(--bp-border); }
  .timeline li:last-child { padding-bottom: 0; }
  .timeline li:last-child::after { display: none; }
  .timeline li:first-child::before { background: var(--bp-primary); }
  .ev-status { font-weight: 600; }
  .ev-desc, .ev-time { color: var(--bp-text-muted); font-size: 13px; overflow-wrap: anywhere; }
  .ev-time { display: block; font-variant-numeric: tabular-nums; }
  .empty { margin: 0; color: var(--bp-text-muted); }

  .point { padding: 12px 14px; border: 1px solid var(--bp-border); border-radius: calc(var(--bp-radius) - 4px); }
  .point-name { margin: 0; font-weight: 700; overflow-wrap: anywhere; }
  .point p { margin: 2px 0 0; overflow-wrap: anywhere; }
  .point .open { color: var(--bp-open); }
  .point .open.break, .point .open.closed { color: var(--bp-closed); }
  .point a { color: var(--bp-primary); }

  .foot { display: flex; align-items: center; justify-content: space-between; gap: 8px; color: var(--bp-text-muted); font-size: 12px; }
  .btn { display: inline-flex; align-items: center; justify-content: center; gap: 6px; min-height: 36px; padding: 6px 14px;
    border: 1px solid var(--bp-border); border-radius: 8px; background: var(--bp-surface); cursor: pointer; }
  .btn:hover { background: var(--bp-surface-alt); }
  .btn.primary { background: var(--bp-primary); color: var(--bp-on-primary); border-color: var(--bp-primary); min-height: 44px; font-weight: 600; }
  .btn.primary:hover { background: var(--bp-primary-hover); }
  .btn.link { border: 0; background: none; color: var(--bp-primary); padding: 6px 0; min-height: 0; }

  form { display: flex; flex-direction: column; gap: 12px; }
  .hint { margin: 0; color: var(--bp-text-muted); }
  .field { display: flex; flex-direction: column; gap: 4px; }
  .field label { font-weight: 600; }
  .field input { height: 44px; padding: 0 12px; border: 1px solid var(--bp-border); border-radius: 8px; background: var(--bp-surface); }
  .field input[aria-invalid='true'] { border-color: var(--bp-off); }
  .field .err { color: var(--bp-off); font-size: 13px; }

  .skeleton { height: 14px; border-radius: 6px; background: var(--bp-surface-alt); }
  .skeleton.big { height: 56px; }
`;

export const trackingStyles = [themeTokens, trackingCss];
