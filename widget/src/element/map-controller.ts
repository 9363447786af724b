// The map half of the picker: creates the Leaflet view when its container is on screen and drops it
// when not (list layout, closed dialog, element moved), feeds it clustered tiles for the current
// filters, and keeps the view, the tile error and the fallback state. The list never needs it: every
// map action has a list equivalent.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient, Filters } from '../api/client.js';
import type { Branch, FeedPoint } from '../model/index.js';
import { MapView, type MapViewOptions, type ViewChange } from '../map/map-view.js';
import { TileLoader } from '../points/tile-loader.js';
import { errorCode, errorMessage } from './error-detail.js';
import type { ErrorDetail } from './events.js';

type LatLng = { lat: number; lng: number };

/** What the map needs from the element on each update. */
export interface MapWanted {
  container: HTMLElement | null;
  /** False: no map now (list layout, closed dialog). */
  show: boolean;
  /** Not yet: keep things as they are (a config that may change the layout is loading). */
  wait: boolean;
  start: { center: LatLng; zoom: number };
  tileUrl: string;
  selected: Branch | undefined;
  options: Omit<MapViewOptions, 'center' | 'zoom' | 'tileUrl' | 'onViewChange' | 'onFallback'>;
}

export interface MapControllerOptions {
  wanted(): MapWanted;
  filters(): Pick<Filters, 'types' | 'carriers'>;
  /** The buyer moved the map (or it started): the element may reload the list. */
  viewChanged(v: ViewChange): void;
  report(detail: ErrorDetail): void;
}

export function toFeedPoint(b: Branch): FeedPoint {
  return { kind: 'point', id: b.id, carrier: b.carrier, type: b.type, status: b.status, lat: b.lat, lng: b.lng };
}

export class MapController implements ReactiveController {
  view: MapView | undefined;
  /** The last view the map reported (kept when the map is dropped, to restart where the buyer was). */
  last: ViewChange | undefined;
  /** Tiles failed (the map shows a retry). */
  error = false;
  /** The built-in basemap stands in for tiles that failed. */
  fallback = false;
  private readonly tiles: TileLoader;
  private tileUrl = '';
  private me: { remove(): void } | undefined;

  constructor(private readonly host: ReactiveControllerHost, api: ApiClient, private readonly o: MapControllerOptions) {
    host.addController(this);
    this.tiles = new TileLoader(api);
  }

  /** Create or drop the map after each render (its container comes and goes with the layout). */
  hostUpdated(): void {
    const w = this.o.wanted();
    if (w.wait) return;
    if (!w.show || !w.container) {
      this.destroy();
      return;
    }
    if (this.view && this.view.container === w.container) {
      if (w.tileUrl !== this.tileUrl) this.view.setTiles((this.tileUrl = w.tileUrl));
      return;
    }
    this.destroy();
    const start = this.last ? { center: this.last.center, zoom: this.last.zoom } : w.start;
    this.tileUrl = w.tileUrl;
    this.view = new MapView(w.container, {
      ...w.options,
      ...start,
      tileUrl: w.tileUrl,
      onViewChange: (v) => {
        this.last = v;
        this.loadFeed();
        this.o.viewChanged(v);
      },
      onFallback: (on, failed) => {
        this.fallback = on && failed;
        this.host.requestUpdate();
      },
    });
    if (w.selected) this.view.setSelected(toFeedPoint(w.selected));
    this.view.start();
  }

  hostDisconnected(): void {
    this.destroy();
  }

  destroy(): void {
    this.tiles.abort();
    this.me = undefined;
    this.view?.destroy();
    this.view = undefined;
  }

  setApi(api: ApiClient): void {
    this.tiles.setApi(api);
  }

  /** Forget cached tiles and ask again (refresh, retry). */
  reload(): void {
    this.tiles.clear();
    this.error = false;
    this.loadFeed();
  }

  loadFeed(): void {
    const v = this.last;
    const mv = this.view;
    if (!v || !mv) return;
    void this.tiles.load(v.bbox, v.zoom, this.o.filters(), (items) => mv.setItems(items)).then((err) => {
      if (this.error !== !!err) {
        this.error = !!err;
        this.host.requestUpdate();
      }
      if (err) this.o.report({ code: errorCode(err), message: errorMessage(err) });
    });
  }

  /** Mark (and optionally reveal) a point; undefined clears the mark. */
  select(b: Branch | undefined, reveal?: { zoom?: number }): void {
    this.view?.setSelected(b && toFeedPoint(b));
    if (b && reveal) this.view?.reveal(b.lat, b.lng, reveal.zoom);
  }

  /** Centre the view there; false when there is no map to move. */
  goTo(p: { lat: number; lng: number }, zoom: number): boolean {
    this.view?.goTo(p.lat, p.lng, zoom);
    return !!this.view;
  }

  /** Light up a point's marker while its row is hovered. */
  hover(id: string | undefined): void {
    this.view?.hover(id);
  }

  /** Show the buyer's position (one marker). */
  showMe(lat: number, lng: number): void {
    this.me?.remove();
    this.me = this.view?.showMe(lat, lng);
  }
}
