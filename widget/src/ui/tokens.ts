// The public --bp-* theming tokens and their defaults, declared once for both elements (documented in
// widget/README.md; scripts/widget-manifest.ts lists them in custom-elements.json from here). No Leaflet import:
// <bp-tracking>'s standalone file takes its tokens from here without the picker's stylesheet module, which carries
// Leaflet's CSS. Plain css`` without expressions, so the build minifies them like the other stylesheets.
import { css, type CSSResult } from 'lit';

/** Tokens both <branch-picker> and <bp-tracking> declare: a page themes the two the same way. */
export const themeTokens = css`
  :host {
    --bp-primary: #2459d6;
    --bp-primary-hover: color-mix(in srgb, var(--bp-primary) 86%, #000);
    --bp-primary-soft: color-mix(in srgb, var(--bp-primary) 10%, transparent);
    --bp-on-primary: #fff;
    --bp-radius: 12px;
    --bp-font: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --bp-font-size: 14px;
    --bp-surface: #fff;
    --bp-surface-alt: #f4f6f9;
    --bp-text: #161b22;
    --bp-text-muted: #5b6573;
    --bp-border: #dfe3e8;
    --bp-focus-ring: #2459d6;
    --bp-open: #177245;
    --bp-closed: #9a3b12;
    --bp-off: #b3261e;
  }
`;

/** Tokens only <branch-picker> declares: its map and its layout. A pure call, so bp-tracking.js (which imports this
 * module for the theme tokens) drops it: bundlers do not take a tagged template for pure. */
export const mapTokens = /* @__PURE__ */ (() => css`
  :host {
    --bp-marker-post-office: #2459d6;
    --bp-marker-pickup-point: #14865a;
    --bp-marker-parcel-locker: #d2641a;
    --bp-marker-unavailable: #98a1ab;
    --bp-cluster: #1f2d45;
    --bp-water: #cfe1ec;
    --bp-height: 540px;
    --bp-side-width: 360px;
  }
`)();

/** The tokens the given stylesheets declare, name -> default, in order (for the manifest and the tests). */
export function tokenTable(...sheets: CSSResult[]): Record<string, string> {
  const text = sheets.map((s) => s.cssText).join('\n');
  return Object.fromEntries([...text.matchAll(/(--bp-[a-z0-9-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}
