// Carrier adapters by id. Adding a carrier = one adapter module + one line in `createDefaultRegistry`.
import type { CarrierId } from '../model/index.js';
import type { AdapterOptions, CarrierAdapter } from './types.js';
import { createRussianPostAdapter } from './russian-post.js';
import { createNovaPoshtaAdapter } from './nova-poshta.js';
import { createOpenFeedAdapter } from './open-feed.js';

export class CarrierRegistry {
  private readonly adapters = new Map<CarrierId, CarrierAdapter>();

  constructor(adapters: readonly CarrierAdapter[] = []) {
    for (const a of adapters) this.register(a);
  }

  /** Adds or replaces the adapter for its id. */
  register(adapter: CarrierAdapter): this {
    this.adapters.set(adapter.id, adapter);
    return this;
  }

  get(id: CarrierId): CarrierAdapter | undefined {
    return this.adapters.get(id);
  }

  has(id: CarrierId): boolean {
    return this.adapters.has(id);
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
}

/** Russian Post, Nova Poshta and the open feed, all pointed at the same API base. */
export function createDefaultRegistry(options: DefaultRegistryOptions = {}): CarrierRegistry {
  const base: AdapterOptions = {
    ...(options.apiBase !== undefined ? { apiBase: options.apiBase } : {}),
    ...(options.quoteTtlMs !== undefined ? { quoteTtlMs: options.quoteTtlMs } : {}),
  };
  const registry = new CarrierRegistry([
    createRussianPostAdapter(base),
    createNovaPoshtaAdapter(base),
    createOpenFeedAdapter(base),
  ]);
  for (const id of options.openFeedCarriers ?? []) registry.register(createOpenFeedAdapter({ ...base, id }));
  return registry;
}
