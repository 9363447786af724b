// The price of our open feed's quote endpoint: {pointId, parcel, origin} -> Quote, or the field at fault
// with its HTTP status. The route itself (POST {apiBase}/api/v1/quote) is handlers/quote.ts.
import { z } from '../../../widget/src/model/zod.js';
import { Origin, Parcel, type Branch, type Quote, type QuoteLine } from '../../../widget/src/model/index.js';
import type { SandboxContext } from '../context.js';
import { localIsoDate, QUOTE_TTL_MS } from '../shared-logic.js';
import { validate } from '../handlers/http.js';
import { greatCircleKm, type Coord } from './geo.js';
import { genericTariff } from './generic.js';
import { sandboxTariffDirectory } from './sandbox-directory.js';

const QuoteRequest = z.object({
  pointId: z.string().check(z.minLength(1), z.maxLength(64)),
  parcel: Parcel,
  origin: Origin,
});

/** Where the shop ships from: its postcode, else its city, else the largest city of its country. */
function originCoord(ctx: SandboxContext, origin: Origin): Coord | undefined {
  if (origin.postcode) {
    const p = sandboxTariffDirectory(ctx).byPostcode(origin.postcode);
    if (p) return p;
  }
  const settlements = ctx.dataset.settlements.filter((s) => s.country === origin.country);
  const city = origin.city?.trim().toLowerCase();
  const named = city ? settlements.find((s) => s.name.toLowerCase() === city) : undefined;
  if (named) return named;
  return settlements.reduce<(typeof settlements)[number] | undefined>((best, s) => (!best || s.population > best.population ? s : best), undefined);
}

export type OpenFeedQuoteResult = { ok: true; quote: Quote } | { ok: false; status: number; field: string; message: string };

export function openFeedQuote(ctx: SandboxContext, input: unknown): OpenFeedQuoteResult {
  const parsed = validate(QuoteRequest, input);
  if (!parsed.ok) return { ok: false, status: 400, field: parsed.field, message: parsed.message };
  const { pointId, parcel, origin } = parsed.data;
  const point: Branch | undefined = ctx.byId.get(pointId);
  if (!point) return { ok: false, status: 404, field: 'pointId', message: `no point with id "${pointId}"` };
  if (point.status !== 'open') return { ok: false, status: 422, field: 'pointId', message: 'the point is not accepting parcels' };
  if (point.limits.maxWeightG !== undefined && parcel.weightG > point.limits.maxWeightG) {
    return { ok: false, status: 422, field: 'parcel.weightG', message: `must be at most ${point.limits.maxWeightG}` };
  }
  const from = originCoord(ctx, origin);
  if (!from) return { ok: false, status: 422, field: 'origin', message: 'unknown origin: give a postcode or a city' };
  const country = point.address.country;
  const t0 = genericTariff({ km: 0, weightG: 1, country, toLocker: false });
  const same = (m: { currency: string; amount: number } | undefined) => (m && m.currency === t0.currency ? m.amount : undefined);
  const declaredValue = same(parcel.declaredValue);
  const cashOnDelivery = same(parcel.cashOnDelivery);
  const t = genericTariff({
    km: greatCircleKm(from, point), weightG: parcel.weightG, country, toLocker: point.type === 'parcel_locker',
    ...(declaredValue !== undefined ? { declaredValue } : {}),
    ...(cashOnDelivery !== undefined ? { cashOnDelivery } : {}),
  });
  const now = ctx.now();
  const breakdown: QuoteLine[] = [{ kind: 'delivery', amount: t.delivery }];
  if (t.insurance) breakdown.push({ kind: 'insurance', amount: t.insurance });
  if (t.codFee) breakdown.push({ kind: 'cod_fee', amount: t.codFee });
  const arrival = new Date(`${localIsoDate(now, point.timeZone)}T00:00:00Z`);
  arrival.setUTCDate(arrival.getUTCDate() + t.days.max);
  return {
    ok: true,
    quote: {
      carrier: point.carrier,
      service: 'standard',
      pointId,
      currency: t.currency,
      total: t.total,
      breakdown,
      vat: { rate: t.vatRate, amount: t.vat },
      deliveryDays: t.days,
      estimatedDate: arrival.toISOString().slice(0, 10),
      expiresAt: new Date(now.getTime() + QUOTE_TTL_MS).toISOString(),
    },
  };
}
