// Tariffs for <branch-picker>: loads the quote layer on demand, keeps one scheduler for the
// effective parcel / origin / API base, and asks for the rows the buyer can see plus the
// selection. It reads the inputs and what is on screen through callbacks, owns the quote state, and
// re-renders the host when a quote or the layer's state changes.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CarrierRegistry } from '../carriers/registry.js';
import type { CarrierError } from '../carriers/types.js';
import { fitCheck } from '../core/fit.js';
import type { QuoteScheduler, QuoteState } from '../quotes/scheduler.js';
import type { Branch, Origin, Parcel } from '../model/index.js';
import type { QuoteLayer } from '../quotes/layer.js';
import type { ErrorDetail } from './events.js';
import { errorMessage } from './error-detail.js';

export interface QuoteInputs {
  parcel: Parcel | undefined;
  origin: Origin | undefined;
  apiBase: string;
  carrierTimeoutMs: number | undefined;
}

/** What is on screen: the rows in display order, whether details hide them, and the selection. */
export interface QuoteTargets {
  rows: readonly Branch[];
  details: boolean;
  current: Branch | undefined;
  committed: Branch | undefined;
}

export interface QuoteWiringOptions {
  /** Fetches the tariff layer (the element imports the loader: the script-tag build swaps it by path). */
  loadLayer(): Promise<QuoteLayer>;
  inputs(): QuoteInputs;
  targets(): QuoteTargets;
  /** The list's scroll box (the IntersectionObserver root), when rendered. */
  listRoot(): HTMLElement | null;
  report(detail: ErrorDetail): void;
}

export class QuoteWiring implements ReactiveController {
  scheduler: QuoteScheduler | undefined;
  /** The tariff layer, loaded on demand the first time a parcel and an origin are set. */
  layer: QuoteLayer | undefined;
  /** Carriers whose origin lookup failed (retry repeats it). */
  readonly originFailed = new Set<string>();
  private registry: CarrierRegistry | undefined;
  private quotesFor = '';
  private layerLoading = false;
  private layerFailed = false;
  private parcelFor = '';
  /** Carriers whose origin lookup is running. */
  private originPending = new Set<string>();
  private originCtrl: AbortController | undefined;
  private visible = new Set<string>();
  private io: IntersectionObserver | undefined;
  /** Rows the current observer watches (a new observer starts with none). */
  private observed = new WeakSet<Element>();
  private wantTimer: ReturnType<typeof setTimeout> | undefined;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost, private readonly o: QuoteWiringOptions) {
    host.addController(this);
  }

  /** After each render: follow the inputs, and observe the rows that render added. */
  hostUpdated(): void {
    this.ensure();
    this.observeRows();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private changed(): void {
    this.host.requestUpdate();
  }

  /** Create, update or stop the quote scheduler from the effective parcel / origin / API base. */
  ensure(): void {
    const { parcel, origin, apiBase, carrierTimeoutMs } = this.o.inputs();
    if (!parcel || !origin) {
      this.stop();
      return;
    }
    const layer = this.layer;
    if (!layer) {
      this.loadLayer();
      return;
    }
    const base = `${apiBase}|${carrierTimeoutMs ?? ''}`;
    const key = `${base}|${JSON.stringify(origin)}`;
    const parcelKey = JSON.stringify(parcel);
    // Called on every update: only real changes reach the scheduler (a new parcel re-keys everything).
    if (this.scheduler && this.quotesFor.startsWith(`${base}|`)) {
      if (this.quotesFor !== key) {
        this.quotesFor = key;
        if (this.registry) void this.start(origin, this.scheduler, this.registry, layer);
      }
      if (parcelKey !== this.parcelFor) {
        this.parcelFor = parcelKey;
        this.scheduler.setParcel(parcel);
      }
      return;
    }
    this.stop();
    this.quotesFor = key;
    this.parcelFor = parcelKey;
    const registry = layer.createRegistry({ apiBase });
    const q = layer.createScheduler({
      carriers: registry, parcel, origin,
      ...(carrierTimeoutMs ? { carrierTimeoutMs } : {}),
      onUpdate: () => this.changed(),
    });
    this.scheduler = q;
    this.registry = registry;
    void this.start(origin, q, registry, layer);
  }

  /** Fetch the tariff layer once; a failure (404, CSP, offline) shows the points as "unavailable, retry". */
  private loadLayer(): void {
    if (this.layerLoading || this.layerFailed) return;
    this.layerLoading = true;
    this.o.loadLayer().then(
      (layer) => {
        this.layer = layer;
        this.layerLoading = false;
        // Start at once so the rows go from skeleton to price without a blank frame.
        this.ensure();
        this.changed();
      },
      (e: unknown) => {
        this.layerLoading = false;
        this.layerFailed = true;
        this.changed();
        this.o.report({ code: 'network', message: `tariffs unavailable: ${errorMessage(e)}` });
      },
    );
  }

  private retryLayer(): void {
    if (!this.layerFailed) return;
    this.layerFailed = false;
    this.changed();
    this.loadLayer();
  }

  /** Complete the origin (e.g. Nova Poshta city ref from "UA:Київ") before asking for anything. */
  // Carriers waiting for that lookup show "loading" and are not asked yet; the others start at once.
  private async start(origin: Origin, q: QuoteScheduler, registry: CarrierRegistry, layer: QuoteLayer): Promise<void> {
    this.originCtrl?.abort();
    const ctrl = new AbortController();
    this.originCtrl = ctrl;
    this.originPending = new Set(registry.list().filter((a) => a.originRequest?.(origin)).map((a) => a.id));
    this.originFailed.clear();
    this.scheduleWant(0);
    if (!this.originPending.size) return;
    try {
      const done = await layer.completeOrigin(registry, origin, (u, i) => fetch(u, i), ctrl.signal);
      if (ctrl.signal.aborted || this.scheduler !== q) return;
      for (const e of done.errors) {
        console.warn(`[branch-picker] origin for ${e.carrier}: ${e.message}`);
        this.originFailed.add(e.carrier);
      }
      q.setOrigin(done.origin);
    } catch {
      if (ctrl.signal.aborted || this.scheduler !== q) return;
    }
    this.originPending.clear();
    this.changed();
    this.scheduleWant(0);
  }

  stop(): void {
    this.originCtrl?.abort();
    this.scheduler?.dispose();
    this.scheduler = undefined;
    this.registry = undefined;
    this.quotesFor = '';
    clearTimeout(this.wantTimer);
    clearTimeout(this.expiryTimer);
    // Leaving the page drops the observer too; the next render after a reconnect makes a new one.
    this.unobserve();
  }

  private unobserve(): void {
    this.io?.disconnect();
    this.io = undefined;
    this.visible.clear();
  }

  /** Rows entering or leaving the list's viewport decide what is priced (plus the selection). */
  observeRows(): void {
    const root = this.o.listRoot();
    if (!this.scheduler || !root) {
      this.unobserve();
      if (this.scheduler) this.scheduleWant();
      return;
    }
    if (!this.io || this.io.root !== root) {
      this.unobserve();
      this.observed = new WeakSet();
      this.io = new IntersectionObserver((entries) => {
        for (const e of entries) {
          const id = (e.target as HTMLElement).dataset.id;
          if (!id) continue;
          if (e.isIntersecting) this.visible.add(id);
          else this.visible.delete(id);
        }
        this.scheduleWant();
      }, { root, rootMargin: '40px 0px' });
    }
    const io = this.io;
    for (const li of root.querySelectorAll<HTMLElement>('li.item')) {
      if (this.observed.has(li)) continue;
      this.observed.add(li);
      io.observe(li);
    }
  }

  scheduleWant(delay = 80): void {
    clearTimeout(this.wantTimer);
    this.wantTimer = setTimeout(() => this.wantNow(), delay);
  }

  /** Visible rows (in display order) and the selection; points the parcel cannot fit are never priced. */
  private wantNow(): void {
    const q = this.scheduler;
    const parcel = this.o.inputs().parcel;
    if (!q || !parcel) return;
    const { rows, details, current, committed } = this.o.targets();
    const shown = details ? [] : rows.filter((b) => this.visible.has(b.id));
    const list = [...shown, ...[current, committed].filter((b): b is Branch => !!b)];
    q.want(list.filter((b) => !this.originPending.has(b.carrier) && fitCheck(parcel, b).fits));
    this.armExpiry(current);
  }

  /** Re-ask when the shown quote of the selection expires, so the details never show a stale price. */
  private armExpiry(current: Branch | undefined): void {
    clearTimeout(this.expiryTimer);
    const st = current ? this.scheduler?.stateOf(current.id) : undefined;
    if (st?.state !== 'ready') return;
    const ms = Date.parse(st.quote.expiresAt) - Date.now();
    this.expiryTimer = setTimeout(() => this.scheduler?.refresh(), Math.max(1000, Math.min(ms + 50, 2 ** 31 - 1)));
  }

  stateOf(b: Branch): QuoteState | undefined {
    if (!this.scheduler) {
      const { parcel, origin } = this.o.inputs();
      if (!parcel || !origin) return undefined;
      if (this.layerFailed) {
        const error = { kind: 'network', carrier: b.carrier, codes: [], message: 'tariffs unavailable', retryable: true } satisfies CarrierError;
        return { state: 'unavailable', error, retry: () => this.retryLayer() };
      }
      return this.layerLoading ? { state: 'loading' } : undefined;
    }
    return this.originPending.has(b.carrier) ? { state: 'loading' } : this.scheduler.stateOf(b.id);
  }

  /** Carriers with a point among `rows` that failed in a way a retry may fix (the list offers one retry each). */
  failingCarriers(rows: readonly Branch[]): string[] {
    const out = new Set<string>();
    for (const b of rows) {
      const st = this.stateOf(b);
      if (st?.state === 'unavailable' && (st.error.retryable || this.originFailed.has(b.carrier))) out.add(b.carrier);
    }
    return [...out];
  }

  /** Retry every failed point of a carrier (one request per shared key), or its failed origin lookup. */
  retryCarrier(carrier: string): void {
    const origin = this.o.inputs().origin;
    if (this.originFailed.has(carrier) && this.scheduler && origin && this.registry && this.layer) {
      void this.start(origin, this.scheduler, this.registry, this.layer);
      return;
    }
    for (const b of this.o.targets().rows) {
      if (b.carrier !== carrier) continue;
      const st = this.stateOf(b);
      if (st?.state === 'unavailable') st.retry();
    }
  }
}
