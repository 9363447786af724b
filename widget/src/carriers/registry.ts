// Carrier adapters by id. Adding a carrier = one adapter module + one line in `createDefaultRegistry`.
import type { CarrierId } from '../model/index.js';
import type { AdapterOptions, CarrierAdapter } from './types.js';
import { createRussianPostAdapter } from './russian-post.js';
import { createNovaPoshtaAdapter } from './nova-poshta.js';
import { createOpenFeedAdapter } from './open-feed.js';

export class CarrierRegistry {
  private readonly adapters = new Map<CarrierId, CarrierAdapter>();

  /** `fallback` serves carriers without a dedicated adapter (e.g. through our open feed); its answers are kept. */
  constructor(adapters: readonly CarrierAdapter[] = [], private readonly fallback?: (id: CarrierId) => CarrierAdapter | undefined) {
    for (const a of adapters) this.register(a);
  }

  /** Adds or replaces the adapter for its id. */
  register(adapter: CarrierAdapter): this {
    this.adapters.set(adapter.id, adapter);
    return this;
  }

  get(id: CarrierId): CarrierAdapter | undefined {
    const own = this.adapters.get(id);
    if (own || !this.fallback) return own;
    const made = this.fallback(id);
    if (made) this.adapters.set(id, made);
    return made;
  }

  has(id: CarrierId): boolean {
    return this.get(id) !== undefined;
  }

  ids(): CarrierId[] {
    return [...this.adapters.keys()];
  }

  list(): CarrierAdapter[] {
    return [...this.adapters.values()];
  }
}

export interface DefaultRegistryOptions extends AdapterOptions {
  /** Extra carrier ids served through our open feed format. */
  openFeedCarriers?: readonly CarrierId[];
  /** Quote any other carrier of our feed (Poczta Polska, InPost, Kazpost...) through the open feed; default true. */
  openFeedFallback?: boolean;
}

/** Russian Post, Nova Poshta and the open feed (also for any other carrier id), all pointed at the same API base. */
export function createDefaultRegistry(options: DefaultRegistryOptions = {}): CarrierRegistry {
  const base: AdapterOptions = {
    ...(options.apiBase !== undefined ? { apiBase: options.apiBase } : {}),
    ...(options.quoteTtlMs !== undefined ? { quoteTtlMs: options.quoteTtlMs } : {}),
  };
  const fallback = options.openFeedFallback === false ? undefined : (id: CarrierId) => createOpenFeedAdapter({ ...base, id });
  const registry = new CarrierRegistry([
    createRussianPostAdapter(base),
    createNovaPoshtaAdapter(base),
    createOpenFeedAdapter(base),
  ], fallback);
  for (const id of options.openFeedCarriers ?? []) registry.register(createOpenFeedAdapter({ ...base, id }));
  return registry;
}
