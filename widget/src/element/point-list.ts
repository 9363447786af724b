// The list's points: one request at a time (a new one aborts the last), paging, an empty list-only
// area widened before giving up, and a debounce for the reloads that follow map panning. Owns the
// results and their loading / error state; the element decides what a result means to the buyer.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, isAbort, type PointsResult } from '../api/client.js';
import type { Branch } from '../model/index.js';
import { errorMessage } from './error-detail.js';
import { LatestRequest } from './latest-request.js';

export const PAGE = 50;
const PAN_DEBOUNCE_MS = 200;

type LatLng = { lat: number; lng: number };

export interface PointListOptions {
  /** Where to centre when the list has no centre of its own (the map's). */
  fallbackCentre(): LatLng | undefined;
  fetch(centre: LatLng, widen: number, limit: number, signal: AbortSignal): Promise<PointsResult>;
  /** Widen an empty area (list-only layout: there is no map to pan). */
  widens(): boolean;
  loaded(res: PointsResult): void;
  failed(e: unknown): void;
}

export class PointListController implements ReactiveController {
  items: Branch[] = [];
  total = 0;
  facets: PointsResult['facets'];
  loading = false;
  error: ApiError | undefined;
  limit = PAGE;
  /** The list's own centre (a search, a located buyer, a pan); the map's centre until set. */
  centre: LatLng | undefined;
  private readonly request: LatestRequest;
  /** A load was cut short by the element leaving the page: it is asked again when it comes back. */
  private interrupted = false;

  constructor(private readonly host: ReactiveControllerHost, private readonly o: PointListOptions) {
    this.request = new LatestRequest(host);
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.interrupted) return;
    this.interrupted = false;
    void this.load();
  }

  /** The centre distances and the nearest-first order are measured from. */
  get from(): LatLng | undefined {
    return this.centre ?? this.o.fallbackCentre();
  }

  /** Re-centre (and back to the first page), then load. */
  moveTo(centre: LatLng): Promise<void> {
    this.centre = centre;
    this.limit = PAGE;
    return this.load();
  }

  /** Ask again from the first page (filters changed). */
  reload(): Promise<void> {
    this.limit = PAGE;
    return this.load();
  }

  more(): Promise<void> {
    this.limit += PAGE;
    return this.load();
  }

  /** After the buyer panned: re-centre once the map settles (at once for the first view). */
  panned(centre: LatLng): void {
    this.request.debounce(() => void this.moveTo(centre), this.centre ? PAN_DEBOUNCE_MS : 0);
  }

  /** An aborted load still current was not replaced by a newer one: the host left the page. */
  private cut(ctrl: AbortController): void {
    if (this.request.isCurrent(ctrl)) this.interrupted = true;
  }

  async load(widen = 1): Promise<void> {
    const centre = this.from;
    if (!centre) return;
    const ctrl = this.request.next();
    this.loading = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const res = await this.o.fetch(centre, widen, this.limit, ctrl.signal);
      if (ctrl.signal.aborted) return this.cut(ctrl);
      if (res.total === 0 && this.o.widens() && widen < 8) {
        await this.load(widen * 4);
        return;
      }
      this.items = res.items;
      this.total = res.total;
      this.facets = res.facets;
      this.o.loaded(res);
    } catch (e) {
      if (isAbort(e) || ctrl.signal.aborted) return this.cut(ctrl);
      this.error = e instanceof ApiError ? e : new ApiError('network', errorMessage(e));
      this.o.failed(e);
    } finally {
      // A newer request (or the widened retry) owns the loading state now.
      if (this.request.isCurrent(ctrl)) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }
}
