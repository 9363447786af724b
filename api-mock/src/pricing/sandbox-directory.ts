// The sandbox dataset seen as a tariff directory: postcodes -> places (any point with that postcode),
// Nova Poshta CityRef / warehouse Ref -> places, using the same Ref derivation as Address.getWarehouses.
import type { Branch } from '../../../widget/src/model/index.js';
import type { SandboxContext } from '../context.js';
import { cityRef, warehouseRef } from '../handlers/nova-poshta/refs.js';
import type { TariffDirectory, TariffPlace } from './directory.js';

function placeOf(b: Branch): TariffPlace {
  return {
    lat: b.lat,
    lng: b.lng,
    name: b.name,
    type: b.type,
    status: b.status,
    timeZone: b.timeZone,
    ...(b.limits.maxWeightG !== undefined ? { maxWeightG: b.limits.maxWeightG } : {}),
  };
}

export function buildTariffDirectory(branches: readonly Branch[], settlements: SandboxContext['dataset']['settlements']): TariffDirectory {
  const byPostcode = new Map<string, TariffPlace>();
  // Shorter prefixes locate a shop's postcode that no point has: Russian postcodes share
  // their first three digits within a city or district, so the nearest known prefix is a fair stand-in.
  const byPrefix = new Map<string, TariffPlace>();
  const npCities = new Map<string, TariffPlace & { ref: string }>();
  const npWarehouses = new Map<string, TariffPlace & { cityRef: string }>();
  for (const s of settlements) {
    const ref = cityRef({ country: s.country, region: s.region, city: s.name });
    npCities.set(ref, { ref, lat: s.lat, lng: s.lng, name: s.name, timeZone: s.timeZone });
  }
  for (const b of branches) {
    const pc = b.address.postcode;
    if (/^\d{6}$/.test(pc)) {
      // A post office wins over a locker sharing its postcode: tariffs are quoted "to the office".
      const prev = byPostcode.get(pc);
      if (!prev || (prev.type !== 'post_office' && b.type === 'post_office')) byPostcode.set(pc, placeOf(b));
      for (const n of [5, 4, 3]) {
        const prefix = pc.slice(0, n);
        if (!byPrefix.has(prefix)) byPrefix.set(prefix, { ...placeOf(b), type: 'post_office', status: 'open' });
      }
    }
    if (b.carrier === 'nova-poshta') {
      const ref = b.carrierRefs?.cityRef ?? cityRef(b.address);
      if (!npCities.has(ref)) npCities.set(ref, { ref, lat: b.lat, lng: b.lng, name: b.address.city, timeZone: b.timeZone });
      const wref = b.carrierRefs?.warehouseRef ?? warehouseRef(b.id);
      npWarehouses.set(wref, { ...placeOf(b), cityRef: ref });
    }
  }
  return {
    byPostcode(index) {
      const exact = byPostcode.get(index);
      if (exact) return exact;
      if (!/^\d{6}$/.test(index)) return undefined;
      for (const n of [5, 4, 3]) {
        const p = byPrefix.get(index.slice(0, n));
        if (p) return p;
      }
      return undefined;
    },
    npCity: (ref) => npCities.get(ref),
    npWarehouse: (ref) => npWarehouses.get(ref),
  };
}

/** Built once per context (on the first tariff request). */
export function sandboxTariffDirectory(ctx: SandboxContext): TariffDirectory {
  return ctx.memo('pricing:tariff-directory', () => buildTariffDirectory(ctx.dataset.branches, ctx.dataset.settlements));
}
