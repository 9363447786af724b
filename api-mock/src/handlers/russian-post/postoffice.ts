// Russian Post "postoffice" service (Otpravka API): one office, offices nearby, offices by address.
// Only russian-post branches of the dataset are served here.
import { http, HttpResponse, type RequestHandler } from 'msw';
import type { Branch } from '../../../../widget/src/model/index.js';
import { z } from '../../../../widget/src/model/zod.js';
import type { SandboxContext } from '../../context.js';
import { isOpenAt, normalizeText, worksOnWeekends } from '../../shared-logic.js';
import { PointIndex } from '../../spatial/point-index.js';
import { CORS_HEADERS, intParam, numberParam, queryObject, validate } from '../http.js';
import { isRoundTheClock, toRpOffice } from './office.js';

export const RP_BASE = '*/carriers/russian-post/postoffice/1.0';
export const RP_FILTERS = ['ALL', 'ROUND_THE_CLOCK', 'CURRENTLY_WORKING', 'WORK_ON_WEEKENDS'] as const;
/** Offices that publish local time without an offset are read as Moscow time, the carrier's reference zone. */
const DEFAULT_OFFSET = '+03:00';

interface RpView {
  branches: Branch[];
  points: PointIndex<Branch>;
  byPostcode: Map<string, Branch>;
  /** Normalized "city street house" per branch, for by-address matching. */
  addressText: string[];
  cityText: string[];
}

function rpView(ctx: SandboxContext): RpView {
  return ctx.memo('russian-post/postoffice', () => {
    const branches = ctx.dataset.branches.filter((b) => b.carrier === 'russian-post');
    const byPostcode = new Map<string, Branch>();
    for (const b of branches) {
      const existing = byPostcode.get(b.address.postcode);
      // One postal code = one office; when a locker shares it, the office wins.
      if (!existing || (existing.type !== 'post_office' && b.type === 'post_office')) byPostcode.set(b.address.postcode, b);
    }
    return {
      branches,
      points: new PointIndex(branches),
      byPostcode,
      addressText: branches.map((b) => ` ${normalizeText(`${b.address.city} ${b.address.street} ${b.address.house}`)} `),
      cityText: branches.map((b) => normalizeText(b.address.city)),
    };
  });
}

/** Otpravka-style error body; `field` names the bad parameter. */
export function rpError(status: number, field: string, message: string): Response {
  return HttpResponse.json(
    { code: status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', desc: message, 'sub-code': status === 404 ? 'NOT_FOUND' : 'INVALID_PARAMETER', field },
    { status, headers: CORS_HEADERS },
  );
}

function rpJson(body: unknown): Response {
  return HttpResponse.json(body as Record<string, unknown>, { headers: { ...CORS_HEADERS, 'Cache-Control': 'no-store' } });
}

const DateTimeParam = z.pipe(z.string(), z.transform((s: string, ctx) => {
  const m = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/.exec(s);
  const date = m ? new Date(m[3] ? s : `${s}${DEFAULT_OFFSET}`) : null;
  if (!date || Number.isNaN(date.getTime())) {
    ctx.issues.push({ code: 'custom', message: 'expected yyyy-MM-ddTHH:mm:ss', input: s });
    return z.NEVER;
  }
  return date;
}));

const NearbyQuery = z.object({
  latitude: numberParam(-90, 90, 'a latitude'),
  longitude: numberParam(-180, 180, 'a longitude'),
  top: z.optional(intParam(1, 100)),
  filter: z.optional(z.enum(RP_FILTERS, `expected one of ${RP_FILTERS.join(', ')}`)),
  'current-date-time': z.optional(DateTimeParam),
  /** Kilometres. */
  'search-radius': z.optional(numberParam(0, 20_000, 'a radius in km')),
});

const ByAddressQuery = z.object({
  address: z.string().check(z.minLength(3, 'expected an address'), z.maxLength(500, 'at most 500 characters')),
});

/** Words that carry no address information ("ul", "d", "g." ...). */
const ADDRESS_NOISE = new Set(['г', 'гор', 'город', 'ул', 'улица', 'д', 'дом', 'пр', 'просп', 'проспект', 'пер', 'кв', 'корп', 'к', 'стр', 'обл', 'область', 'респ', 'россия', 'рф']);

export function russianPostHandlers(ctx: SandboxContext): RequestHandler[] {
  return [
    http.get(`${RP_BASE}/nearby`, ({ request }) => {
      const parsed = validate(NearbyQuery, queryObject(new URL(request.url)));
      if (!parsed.ok) return rpError(400, parsed.field, parsed.message);
      const q = parsed.data;
      const at = q['current-date-time'] ?? ctx.now();
      const filter = q.filter ?? 'ALL';
      const accept: ((b: Branch) => boolean) | undefined =
        filter === 'ROUND_THE_CLOCK' ? isRoundTheClock
        : filter === 'CURRENTLY_WORKING' ? (b) => isOpenAt(b, at)
        : filter === 'WORK_ON_WEEKENDS' ? worksOnWeekends
        : undefined;
      const radiusKm = q['search-radius'];
      const found = rpView(ctx).points.nearest(q.latitude, q.longitude, q.top ?? 3, {
        ...(radiusKm !== undefined ? { maxDistanceM: radiusKm * 1000 } : {}),
        ...(accept ? { filter: accept } : {}),
      });
      return rpJson(found.map((n) => toRpOffice(n.item)));
    }),

    http.get(`${RP_BASE}/by-address`, ({ request }) => {
      const parsed = validate(ByAddressQuery, queryObject(new URL(request.url)));
      if (!parsed.ok) return rpError(400, parsed.field, parsed.message);
      const postcodes = officesByAddress(rpView(ctx), parsed.data.address);
      return rpJson({ 'is-matched': postcodes.length > 0, postoffices: postcodes });
    }),

    http.get(`${RP_BASE}/:index`, ({ params }) => {
      const index = String(params.index);
      if (!/^\d{6}$/.test(index)) return rpError(400, 'index', 'expected a 6-digit postal code');
      const office = rpView(ctx).byPostcode.get(index);
      if (!office) return rpError(404, 'index', `no post office with postal code ${index}`);
      return rpJson(toRpOffice(office));
    }),
  ];
}

/**
 * Postal codes of the offices serving an address: an explicit 6-digit code wins; otherwise the
 * address words must name the city and as many street/house words as possible.
 */
function officesByAddress(view: RpView, address: string): string[] {
  const explicit = /(?:^|\D)(\d{6})(?:\D|$)/.exec(address)?.[1];
  if (explicit) return view.byPostcode.has(explicit) ? [explicit] : [];
  const tokens = normalizeText(address).split(' ').filter((t) => t && !ADDRESS_NOISE.has(t));
  if (tokens.length === 0) return [];
  let best = 0;
  let hits: number[] = [];
  for (let i = 0; i < view.branches.length; i++) {
    const city = view.cityText[i]!;
    if (!city || !` ${tokens.join(' ')} `.includes(` ${city} `)) continue;
    const text = view.addressText[i]!;
    let score = 0;
    for (const t of tokens) if (text.includes(` ${t} `)) score++;
    if (score > best) { best = score; hits = [i]; }
    else if (score === best) hits.push(i);
  }
  // The city alone is not an address: ask for at least one street or house word too.
  const cityWords = hits.length ? view.cityText[hits[0]!]!.split(' ').length : 0;
  if (best <= cityWords) return [];
  const codes = hits.map((i) => view.branches[i]!.address.postcode);
  return [...new Set(codes)].slice(0, 5);
}
