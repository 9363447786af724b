// The Leaflet side of the widget: one map per container, created on connect and removed on
// disconnect (so re-adding the element never hits "Map container is already initialized"),
// raster tiles with an automatic fallback to the built-in vector basemap, and keyed markers.
import * as L from 'leaflet';
import type { FeedCluster, FeedItem, FeedPoint } from '../model/index.js';
import { createBasemapLayer } from './basemap.js';
import { clusterIcon, pointIcon } from './marker-icons.js';
import { MARKER_CAP, markerKey, planMarkers } from './marker-plan.js';

export type BBox = [number, number, number, number];

export interface ViewChange {
  bbox: BBox;
  center: { lat: number; lng: number };
  zoom: number;
  /** False when the move was made by the widget itself (selection follow, search). */
  byUser: boolean;
}

export interface MapViewOptions {
  center: { lat: number; lng: number };
  zoom: number;
  tileUrl: string;
  reducedMotion: boolean;
  label: string;
  /** Titles of the zoom buttons, in the widget's language (Leaflet's own are English). */
  zoomTitles: [zoomIn: string, zoomOut: string];
  pointLabel: (p: FeedPoint) => string;
  clusterLabel: (c: FeedCluster) => string;
  onViewChange: (v: ViewChange) => void;
  onPointClick: (id: string) => void;
  /** The pointer is over a point's marker (undefined: it left). */
  onPointHover?: (id: string | undefined) => void;
  /** The built-in basemap is on (`failed`: because raster tiles failed, not by choice). */
  onFallback: (active: boolean, failed: boolean) => void;
}

/** Tiles that fail (or none that load within this time) switch to the built-in basemap. */
const TILE_ERRORS_BEFORE_FALLBACK = 3;
const TILE_LOAD_DEADLINE_MS = 6000;

export class MapView {
  readonly map: L.Map;
  private markers = new Map<string, L.Marker>();
  private tileLayer: L.TileLayer | undefined;
  private basemap: L.GridLayer | undefined;
  private selection: L.Marker | undefined;
  private selectedId: string | undefined;
  private programmatic = 0;
  private tileDeadline: ReturnType<typeof setTimeout> | undefined;
  private resize: ResizeObserver | undefined;
  private hovered: HTMLElement | undefined;
  fallbackActive = false;

  constructor(
    readonly container: HTMLElement,
    private opts: MapViewOptions,
  ) {
    this.map = L.map(container, {
      center: [opts.center.lat, opts.center.lng],
      zoom: opts.zoom,
      minZoom: 3,
      maxZoom: 19,
      zoomControl: false,
      attributionControl: true,
      fadeAnimation: !opts.reducedMotion,
      zoomAnimation: !opts.reducedMotion,
      markerZoomAnimation: !opts.reducedMotion,
      worldCopyJump: false,
    });
    this.map.attributionControl.setPrefix(false);
    // Top right: the list, the details overlay and the notes live on the left.
    L.control.zoom({ position: 'topright', zoomInTitle: opts.zoomTitles[0], zoomOutTitle: opts.zoomTitles[1] }).addTo(this.map);
    container.setAttribute('aria-label', opts.label);
    this.map.on('moveend', () => {
      const byUser = this.programmatic === 0;
      if (this.programmatic > 0) this.programmatic--;
      this.emitView(byUser);
    });
    this.setTiles(opts.tileUrl);
    this.resize = new ResizeObserver(() => this.map.invalidateSize({ pan: false }));
    this.resize.observe(container);
  }

  private emitView(byUser: boolean): void {
    const b = this.map.getBounds();
    const c = this.map.getCenter();
    this.opts.onViewChange({
      bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
      center: { lat: c.lat, lng: c.lng },
      zoom: this.map.getZoom(),
      byUser,
    });
  }

  /** Announce the initial view (Leaflet fires no moveend for the constructor's setView). */
  start(): void {
    this.map.invalidateSize({ pan: false });
    this.emitView(true);
  }

  setTiles(url: string): void {
    this.tileLayer?.remove();
    this.tileLayer = undefined;
    clearTimeout(this.tileDeadline);
    if (url === 'none') {
      this.useFallback(true, false);
      return;
    }
    this.useFallback(false, false);
    let errors = 0;
    let loaded = 0;
    const layer = L.tileLayer(url, {
      maxZoom: 19,
      attribution: url.includes('openstreetmap.org') ? '© OpenStreetMap contributors' : '',
      crossOrigin: false,
    });
    layer.on('tileload', () => {
      loaded++;
      clearTimeout(this.tileDeadline);
    });
    layer.on('tileerror', () => {
      errors++;
      if (loaded === 0 && errors >= TILE_ERRORS_BEFORE_FALLBACK) this.useFallback(true, true);
    });
    layer.addTo(this.map);
    this.tileLayer = layer;
    this.tileDeadline = setTimeout(() => {
      if (loaded === 0) this.useFallback(true, true);
    }, TILE_LOAD_DEADLINE_MS);
  }

  private useFallback(on: boolean, failed: boolean): void {
    if (on === this.fallbackActive) return;
    this.fallbackActive = on;
    if (on) {
      this.tileLayer?.remove();
      this.basemap ??= createBasemapLayer(this.map);
      this.basemap.addTo(this.map);
      this.map.attributionControl.addAttribution('Natural Earth');
    } else {
      this.basemap?.remove();
      this.map.attributionControl.removeAttribution('Natural Earth');
    }
    this.container.classList.toggle('bp-map--fallback', on);
    this.opts.onFallback(on, failed);
  }

  /** Diff the markers against the feed: keyed, reused, capped at MARKER_CAP. */
  setItems(items: readonly FeedItem[]): void {
    const c = this.map.getCenter();
    const selKey = this.selectedId ? `p:${this.selectedId}` : undefined;
    const plan = planMarkers(this.markers.keys(), items, { lat: c.lat, lng: c.lng }, MARKER_CAP, selKey);
    for (const key of plan.remove) {
      this.markers.get(key)?.remove();
      this.markers.delete(key);
    }
    for (const item of plan.add) {
      const key = markerKey(item);
      const marker = item.kind === 'point' ? this.pointMarker(item) : this.clusterMarker(item);
      marker.addTo(this.map);
      this.markers.set(key, marker);
      if (key === selKey) marker.getElement()?.classList.add('bp-hidden');
    }
  }

  /** Emphasise a point's marker while its list row is hovered (no-op when it is clustered). */
  hover(id: string | undefined): void {
    this.hovered?.classList.remove('bp-hover');
    this.hovered = id ? this.markers.get(`p:${id}`)?.getElement() : undefined;
    this.hovered?.classList.add('bp-hover');
  }

  get markerCount(): number {
    return this.markers.size;
  }

  private pointMarker(p: FeedPoint): L.Marker {
    const m = L.marker([p.lat, p.lng], { icon: pointIcon(p, this.opts.pointLabel(p)), keyboard: false, riseOnHover: true });
    m.on('click', () => this.opts.onPointClick(p.id));
    m.on('mouseover', () => this.opts.onPointHover?.(p.id));
    m.on('mouseout', () => this.opts.onPointHover?.(undefined));
    return m;
  }

  private clusterMarker(c: FeedCluster): L.Marker {
    const m = L.marker([c.lat, c.lng], { icon: clusterIcon(c, this.opts.clusterLabel(c)), keyboard: false });
    m.on('click', () => {
      const z = Math.max(this.map.getZoom() + 1, Math.min(c.expansionZoom, 19));
      this.map.setView([c.lat, c.lng], z, { animate: !this.opts.reducedMotion });
    });
    return m;
  }

  /** Highlight the selected point with its own marker (visible even inside a cluster). */
  setSelected(p: FeedPoint | undefined): void {
    if (this.selectedId) this.markers.get(`p:${this.selectedId}`)?.getElement()?.classList.remove('bp-hidden');
    this.selection?.remove();
    this.selection = undefined;
    this.selectedId = p?.id;
    if (!p) return;
    this.markers.get(`p:${p.id}`)?.getElement()?.classList.add('bp-hidden');
    this.selection = L.marker([p.lat, p.lng], {
      icon: pointIcon(p, this.opts.pointLabel(p)),
      keyboard: false,
      zIndexOffset: 10_000,
    });
    this.selection.on('add', () => this.selection?.getElement()?.classList.add('bp-selected'));
    this.selection.addTo(this.map);
  }

  /** Bring a point into view without moving the map when it is already comfortably visible. */
  reveal(lat: number, lng: number, minZoom?: number): void {
    const animate = !this.opts.reducedMotion;
    if (minZoom !== undefined && this.map.getZoom() < minZoom) {
      this.programmatic++;
      this.map.setView([lat, lng], minZoom, { animate });
      return;
    }
    const inner = this.map.getBounds().pad(-0.15);
    if (inner.contains([lat, lng])) return;
    this.programmatic++;
    this.map.panTo([lat, lng], { animate });
  }

  /** Move to a searched place: this is a new area, so the list follows (byUser = true). */
  goTo(lat: number, lng: number, zoom: number): void {
    if (this.opts.reducedMotion) this.map.setView([lat, lng], zoom, { animate: false });
    else this.map.flyTo([lat, lng], zoom, { duration: 0.6 });
  }

  /** "You are here" dot after geolocation. */
  showMe(lat: number, lng: number): L.Marker {
    // A styled div (.bp-me), not a vector circle: the script-tag build leaves Leaflet's CircleMarker out.
    return L.marker([lat, lng], {
      icon: L.divIcon({ className: 'bp-me', iconSize: [22, 22], html: '' }), interactive: false, keyboard: false,
    }).addTo(this.map);
  }

  center(): { lat: number; lng: number } {
    const c = this.map.getCenter();
    return { lat: c.lat, lng: c.lng };
  }

  destroy(): void {
    clearTimeout(this.tileDeadline);
    this.resize?.disconnect();
    this.markers.clear();
    this.map.off();
    this.map.remove();
  }
}
