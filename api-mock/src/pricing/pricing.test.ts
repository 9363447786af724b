import { describe, expect, it } from 'vitest';
import { greatCircleKm, zoneOf } from './geo.js';
import { COD_MIN, RP_SERVICES, rpTariff, withVat } from './russian-post.js';
import { npPrice, npDeliveryDate } from './nova-poshta.js';
import { deliveryDays } from './delivery-days.js';
import { NP_CITIES, PLACES } from './test-directory.js';

const moscow = PLACES['101000']!;
const rostov = PLACES['344038']!;
const novosibirsk = PLACES['630099']!;
const vladivostok = PLACES['690091']!;
const parcel = RP_SERVICES.get(23030)!;

describe('geo', () => {
  it('measures Moscow-Rostov at about 960 km and zones grow with distance', () => {
    expect(greatCircleKm(moscow, rostov)).toBeGreaterThan(900);
    expect(greatCircleKm(moscow, rostov)).toBeLessThan(1000);
    const zones = [0, 40, 500, 1000, 1900, 3500, 6500, 9000].map(zoneOf);
    expect(zones).toEqual([...zones].sort((a, b) => a - b));
    expect(zoneOf(9000)).toBe(7);
  });
});

describe('Russian Post price model', () => {
  const base = { service: parcel, from: moscow, to: rostov, weightG: 1000, toLocker: false } as const;

  it('never gets cheaper with more weight', () => {
    let last = 0;
    for (let w = 100; w <= 20_000; w += 250) {
      const r = rpTariff({ ...base, weightG: w });
      expect(r.paynds).toBeGreaterThanOrEqual(last);
      last = r.paynds;
    }
    expect(rpTariff({ ...base, weightG: 20_000 }).paynds).toBeGreaterThan(rpTariff({ ...base, weightG: 500 }).paynds);
  });

  it('never gets cheaper farther away', () => {
    const prices = [moscow, rostov, novosibirsk, vladivostok].map((to) => rpTariff({ ...base, to }).paynds);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(prices[3]).toBeGreaterThan(prices[0]!);
  });

  it('adds VAT 20% and reports it', () => {
    const r = rpTariff(base);
    expect(r.ground.valnds).toBe(Math.round(r.ground.val * 1.2));
    expect(r.nds).toBe(r.paynds - r.pay);
  });

  it('charges insurance as a share of the declared value', () => {
    const plain = rpTariff(base);
    const insured = rpTariff({ ...base, sumoc: 1_000_000 });
    expect(insured.insurance).toEqual(withVat(30_000));
    expect(insured.paynds - plain.paynds).toBe(insured.insurance!.valnds);
  });

  it('charges cash on delivery as a share with a minimum', () => {
    expect(rpTariff({ ...base, sumnp: 10_000 }).cod!.val).toBe(COD_MIN);
    expect(rpTariff({ ...base, sumnp: 1_000_000 }).cod!.val).toBe(20_000);
  });

  it('prices a locker below an office at the same distance', () => {
    expect(rpTariff({ ...base, toLocker: true }).paynds).toBeLessThan(rpTariff(base).paynds);
  });

  it('uses volumetric weight for light bulky boxes', () => {
    const light = rpTariff({ ...base, weightG: 300 });
    const bulky = rpTariff({ ...base, weightG: 300, size: [50, 40, 30] });
    expect(bulky.chargeableWeightG).toBe(12_000);
    expect(bulky.paynds).toBeGreaterThan(light.paynds);
  });

  it('delivers farther parcels later and EMS faster', () => {
    const near = deliveryDays(30, 'standard');
    const far = deliveryDays(6400, 'standard');
    expect(far.min).toBeGreaterThan(near.min);
    expect(far.max).toBeGreaterThanOrEqual(far.min);
    expect(deliveryDays(6400, 'express').max).toBeLessThan(far.max);
  });
});

describe('Nova Poshta price model', () => {
  const base = {
    from: NP_CITIES.kyiv, to: NP_CITIES.lviv, serviceType: 'WarehouseWarehouse', weightKg: 1, seats: [], cost: 300,
  } as const;

  it('prices by city pair: same city < nearby < across the country', () => {
    const same = npPrice({ ...base, to: NP_CITIES.kyiv }).Cost;
    const near = npPrice({ ...base, to: NP_CITIES.brovary }).Cost;
    const far = npPrice(base).Cost;
    expect(same).toBeLessThan(near);
    expect(near).toBeLessThanOrEqual(far);
  });

  it('never gets cheaper with more weight', () => {
    let last = 0;
    for (let kg = 0.1; kg <= 40; kg += 0.7) {
      const c = npPrice({ ...base, weightKg: kg }).Cost;
      expect(c).toBeGreaterThanOrEqual(last);
      last = c;
    }
  });

  it('insures the declared value (at least 300 UAH assessed) and charges redelivery 20 UAH + 2%', () => {
    const cheap = npPrice({ ...base, cost: 0 });
    expect(cheap.AssessedCost).toBe(300);
    const dear = npPrice({ ...base, cost: 10_000 });
    // 0.5% of (10,000 - 300) UAH = 48.5 UAH more, give or take the rounding to whole hryvnias.
    expect(Math.abs(dear.Cost - cheap.Cost - 48.5)).toBeLessThanOrEqual(1);
    expect(npPrice({ ...base, redelivery: 1000 }).CostRedelivery).toBe(40);
    expect(npPrice(base).CostRedelivery).toBeUndefined();
  });

  it('locker is a bit cheaper than a branch; doors cost more', () => {
    expect(npPrice({ ...base, serviceType: 'WarehousePostomat' }).Cost).toBeLessThan(npPrice(base).Cost);
    expect(npPrice({ ...base, serviceType: 'WarehouseDoors' }).Cost).toBeGreaterThan(npPrice(base).Cost);
  });

  it('delivery date grows with distance', () => {
    const local = npDeliveryDate(NP_CITIES.kyiv, NP_CITIES.brovary, '2026-08-27', 'WarehouseWarehouse');
    const far = npDeliveryDate(NP_CITIES.kyiv, NP_CITIES.lviv, '2026-08-27', 'WarehouseWarehouse');
    expect(local).toBe('2026-08-28');
    expect(far > local).toBe(true);
  });
});
