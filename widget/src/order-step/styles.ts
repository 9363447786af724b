// The order step's shadow styles. The --bp-* tokens inherit from <branch-picker> when mounted inside it; the
// fallbacks are the picker's defaults, so the step looks the same on its own.
import { css } from 'lit';

export const orderStepStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--bp-text, #161b22);
    background: var(--bp-surface, #fff);
    font-family: var(--bp-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    font-size: var(--bp-font-size, 14px);
    line-height: 1.4;
  }
  :host([hidden]) { display: none; }
  *, *::before, *::after { box-sizing: border-box; }
  button, input { font: inherit; color: inherit; }
  :focus-visible { outline: 2px solid var(--bp-focus-ring, #2459d6); outline-offset: 2px; }
  .step { padding: 16px; display: flex; flex-direction: column; gap: 14px; max-width: 560px; }
  h2 { font-size: 1.25em; margin: 0; }
  /* Headings take focus only so a screen reader starts reading the new view there; they are not controls. */
  h2[tabindex='-1']:focus { outline: none; }
  h3 { font-size: 1em; margin: 0; color: var(--bp-text-muted, #5b6573); font-weight: 600; }
  form { display: flex; flex-direction: column; gap: 12px; }
  .field { display: flex; flex-direction: column; gap: 4px; }
  label { font-weight: 600; }
  .opt { font-weight: 400; color: var(--bp-text-muted, #5b6573); }
  input {
    min-height: 44px; padding: 8px 12px; border: 1px solid var(--bp-border, #8a94a3);
    border-radius: calc(var(--bp-radius, 12px) / 2); background: var(--bp-surface, #fff); width: 100%;
  }
  input[aria-invalid='true'] { border-color: var(--bp-off, #b3261e); border-width: 2px; }
  .hint { margin: 0; color: var(--bp-text-muted, #5b6573); font-size: 0.9em; }
  .error { margin: 0; color: var(--bp-off, #b3261e); font-size: 0.9em; }
  dl { margin: 0; display: grid; grid-template-columns: minmax(7em, max-content) 1fr; gap: 6px 12px; }
  dt { color: var(--bp-text-muted, #5b6573); }
  dd { margin: 0; overflow-wrap: anywhere; }
  .muted { color: var(--bp-text-muted, #5b6573); }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; }
  button {
    min-height: 44px; padding: 8px 16px; border-radius: calc(var(--bp-radius, 12px) / 2); cursor: pointer;
    border: 1px solid var(--bp-border, #8a94a3); background: var(--bp-surface, #fff);
  }
  button.primary {
    background: var(--bp-primary, #2459d6); color: var(--bp-on-primary, #fff); border-color: var(--bp-primary, #2459d6);
    font-weight: 600;
  }
  button.primary:hover:not(:disabled) { background: var(--bp-primary-hover, #1f4cb8); }
  button:disabled { cursor: default; opacity: 0.6; }
  button.link { border: 0; background: none; padding: 8px 0; color: var(--bp-primary, #2459d6); text-decoration: underline; }
  .notice { margin: 0; padding: 10px 12px; border-radius: calc(var(--bp-radius, 12px) / 2); background: var(--bp-surface-alt, #f4f6f9); }
  .notice.bad { background: color-mix(in srgb, var(--bp-off, #b3261e) 10%, var(--bp-surface, #fff)); color: var(--bp-off, #b3261e); }
  .sr-only {
    position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  a { color: var(--bp-primary, #2459d6); }
  @media (max-width: 420px) {
    .step { padding: 12px; }
    dl { grid-template-columns: 1fr; gap: 2px; }
    dd { margin-bottom: 6px; }
    .actions button { flex: 1 1 100%; }
  }
  @media (prefers-reduced-motion: reduce) {
    *, *::before, *::after { transition: none !important; animation: none !important; }
  }
`;
