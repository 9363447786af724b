// The list's points request: one at a time (a new one aborts the last), an empty list-only
// area widened before giving up, and a debounce for the requests that follow map panning.
// The element keeps the results, paging and announcements; this only runs the request.
import type { ReactiveControllerHost } from 'lit';
import { isAbort, type PointsResult } from '../api/client.js';
import { LatestRequest } from './latest-request.js';

export interface PointsLoaderOptions {
  /** Where the list is centred; nothing is asked without one. */
  centre(): { lat: number; lng: number } | undefined;
  fetch(centre: { lat: number; lng: number }, widen: number, signal: AbortSignal): Promise<PointsResult>;
  /** Widen an empty area (list-only layout: there is no map to pan). */
  widens(): boolean;
  started(): void;
  loaded(res: PointsResult): void;
  failed(e: unknown): void;
  settled(): void;
}

export class PointsLoader {
  /** Also debounces the reload after the buyer pans the map. */
  readonly request: LatestRequest;

  constructor(host: ReactiveControllerHost, private readonly o: PointsLoaderOptions) {
    this.request = new LatestRequest(host);
  }

  async load(widen = 1): Promise<void> {
    const centre = this.o.centre();
    if (!centre) return;
    const ctrl = this.request.next();
    this.o.started();
    try {
      const res = await this.o.fetch(centre, widen, ctrl.signal);
      if (ctrl.signal.aborted) return;
      if (res.total === 0 && this.o.widens() && widen < 8) {
        await this.load(widen * 4);
        return;
      }
      this.o.loaded(res);
    } catch (e) {
      if (isAbort(e) || ctrl.signal.aborted) return;
      this.o.failed(e);
    } finally {
      // A newer request (or the widened retry) owns the loading state now.
      if (this.request.isCurrent(ctrl)) this.o.settled();
    }
  }
}
