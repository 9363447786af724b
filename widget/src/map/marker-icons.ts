// Marker and cluster icons, built as DOM elements in code (never HTML strings from data):
// a pin in the type's colour (--bp-marker-*) with the type's glyph, and a count badge.
import * as L from 'leaflet';
import type { FeedCluster, FeedPoint } from '../model/index.js';
import { TYPE_GLYPHS } from '../glyphs.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

export function pointIconElement(p: FeedPoint, label: string): HTMLElement {
  const root = document.createElement('div');
  root.className = `bp-pin bp-pin--${p.type}${p.status === 'open' ? '' : ' bp-pin--off'}`;
  root.title = label;
  const svg = svgEl('svg', { viewBox: '0 0 32 40', width: '32', height: '40', 'aria-hidden': 'true' });
  svg.append(svgEl('path', { class: 'bp-pin__body', d: 'M16 39s-13-12.6-13-22.5a13 13 0 0 1 26 0C29 26.4 16 39 16 39z' }));
  const g = svgEl('g', { class: 'bp-pin__glyph', transform: 'translate(7 7.5) scale(.75)' });
  for (const d of TYPE_GLYPHS[p.type]) g.append(svgEl('path', { d }));
  svg.append(g);
  root.append(svg);
  return root;
}

export function clusterIconElement(c: FeedCluster, label: string): HTMLElement {
  const root = document.createElement('div');
  const size = c.count < 10 ? 's' : c.count < 100 ? 'm' : c.count < 1000 ? 'l' : 'xl';
  root.className = `bp-cluster bp-cluster--${size}`;
  root.title = label;
  const span = document.createElement('span');
  span.textContent = c.count >= 10_000 ? `${Math.floor(c.count / 1000)}k` : String(c.count);
  root.append(span);
  return root;
}

const CLUSTER_PX = { s: 30, m: 36, l: 44, xl: 52 } as const;

export function pointIcon(p: FeedPoint, label: string): L.DivIcon {
  return L.divIcon({ html: pointIconElement(p, label), className: 'bp-icon', iconSize: [32, 40], iconAnchor: [16, 39] });
}

export function clusterIcon(c: FeedCluster, label: string): L.DivIcon {
  const el = clusterIconElement(c, label);
  const px = CLUSTER_PX[(el.className.split('--')[1] ?? 's') as keyof typeof CLUSTER_PX];
  return L.divIcon({ html: el, className: 'bp-icon', iconSize: [px, px], iconAnchor: [px / 2, px / 2] });
}
