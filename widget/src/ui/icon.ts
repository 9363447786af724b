// Lit templates for the constant glyphs (no data ever reaches an SVG path).
import { svg, type SVGTemplateResult } from 'lit';

export function icon(paths: readonly string[], label?: string): SVGTemplateResult {
  return label
    ? svg`<svg class="i" viewBox="0 0 24 24" role="img" aria-label=${label}>${paths.map((d) => svg`<path d=${d}></path>`)}</svg>`
    : svg`<svg class="i" viewBox="0 0 24 24" aria-hidden="true">${paths.map((d) => svg`<path d=${d}></path>`)}</svg>`;
}
