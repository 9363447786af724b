// Russian Post tariff and delivery-time API v2 (tariff.pochta.ru / delivery.pochta.ru), sandbox.
// GET .../v2/calculate/tariff/delivery (price + time), .../v2/calculate/tariff (price), .../v2/calculate/delivery (time).
// Shapes are what the widget's adapter parses (RpTariffSchema, RpErrorSchema in widget/src/carriers/russian-post.ts;
// recorded answers in widget/src/carriers/fixtures/rp-tariff*.json); errors are {"errors":[{type,code,msg}]}.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { PACK_SURCHARGE, MAX_DECLARED_VALUE, RP_SERVICES, CUTOFF_HHMM, rpTariff, type RpService } from '../../pricing/russian-post.js';
import { deliveryDays } from '../../pricing/delivery-days.js';
import { greatCircleKm } from '../../pricing/geo.js';
import type { TariffDirectory, TariffPlace } from '../../pricing/directory.js';
import { sandboxTariffDirectory } from '../../pricing/sandbox-directory.js';
import type { SandboxContext } from '../../context.js';
import { CORS_HEADERS } from '../http.js';
import { addDays, zonedDateTimeStrict } from '../../shared-logic.js';

export type RpCalculation = 'tariff/delivery' | 'tariff' | 'delivery';

/** Error codes of the sandbox; type 1 = bad request parameter, type 2 = the shipment cannot be accepted. */
export const RP_ERRORS = {
  unknownObject: { type: 1, code: 1101, msg: 'Неизвестный вид отправления (object)' },
  missingWeight: { type: 1, code: 1102, msg: 'Не указан вес отправления (weight)' },
  badWeight: { type: 1, code: 1103, msg: 'Неверный вес отправления (weight)' },
  overweight: { type: 2, code: 1104, msg: 'Превышен предельный вес отправления' },
  missingPack: { type: 1, code: 1201, msg: 'Для отправления EMS необходимо указать типоразмер (pack)' },
  badPack: { type: 1, code: 1202, msg: 'Неверный типоразмер (pack)' },
  badSize: { type: 1, code: 1203, msg: 'Неверные размеры (size), ожидается ДxШxВ в сантиметрах' },
  badFrom: { type: 1, code: 1301, msg: 'Неверный индекс отправителя (from)' },
  badTo: { type: 1, code: 1302, msg: 'Неверный индекс получателя (to)' },
  unknownFrom: { type: 2, code: 1303, msg: 'Индекс отправителя не найден' },
  unknownTo: { type: 2, code: 1304, msg: 'Индекс получателя не найден' },
  closedTo: { type: 2, code: 1305, msg: 'Отделение получателя закрыто' },
  country: { type: 2, code: 1401, msg: 'Направление не обслуживается (country)' },
  badSumoc: { type: 1, code: 1501, msg: 'Неверная объявленная ценность (sumoc)' },
  sumocTooHigh: { type: 2, code: 1502, msg: 'Объявленная ценность превышает допустимую' },
  badSumnp: { type: 1, code: 1503, msg: 'Неверная сумма наложенного платежа (sumnp)' },
  badDate: { type: 1, code: 1601, msg: 'Неверная дата (date YYYYMMDD, time HHMM)' },
  lockerWeight: { type: 2, code: 1701, msg: 'Вес превышает допустимый для почтомата' },
} as const;

export interface RpError {
  type: number;
  code: number;
  msg: string;
}

export interface RpTariffAnswer {
  status: number;
  body: Record<string, unknown> | { errors: RpError[] };
}

const INDEX = /^\d{6}$/;
const DOMESTIC = '643';

function intParam(p: URLSearchParams, name: string): number | undefined | null {
  const raw = p.get(name);
  if (raw === null || raw === '') return undefined;
  return /^\d+$/.test(raw) ? Number(raw) : null;
}

function yyyymmdd(d: string): number {
  return Number(d.replaceAll('-', ''));
}

function parseSize(raw: string | null): readonly [number, number, number] | null | undefined {
  if (raw === null || raw === '') return undefined;
  const m = /^(\d{1,3})[xх*](\d{1,3})[xх*](\d{1,3})$/i.exec(raw);
  if (!m) return null;
  const dims = [Number(m[1]), Number(m[2]), Number(m[3])] as const;
  return dims.every((d) => d > 0) ? dims : null;
}

/**
 * Answer a tariff request. `errorcode` set: errors come with HTTP 200 (as the widget-facing mode
 * of the real API does); otherwise with 400. Pure: the MSW wrapper only moves bytes.
 */
export function rpCalculate(kind: RpCalculation, params: URLSearchParams, dir: TariffDirectory, now: Date): RpTariffAnswer {
  const errors: RpError[] = [];
  const fail = (): RpTariffAnswer => ({
    status: params.has('errorcode') && params.get('errorcode') !== '0' ? 200 : 400,
    body: { errors },
  });
  const wantsPrice = kind !== 'delivery';

  const object = intParam(params, 'object');
  const service: RpService | undefined = typeof object === 'number' ? RP_SERVICES.get(object) : undefined;
  if (!service) errors.push(RP_ERRORS.unknownObject);

  const country = params.get('country');
  if (country !== null && country !== '' && country !== DOMESTIC) errors.push(RP_ERRORS.country);

  const fromIdx = params.get('from') ?? '';
  const toIdx = params.get('to') ?? '';
  let from: TariffPlace | undefined;
  let to: TariffPlace | undefined;
  if (!INDEX.test(fromIdx)) errors.push(RP_ERRORS.badFrom);
  else if (!(from = dir.byPostcode(fromIdx))) errors.push(RP_ERRORS.unknownFrom);
  if (!INDEX.test(toIdx)) errors.push(RP_ERRORS.badTo);
  else if (!(to = dir.byPostcode(toIdx))) errors.push(RP_ERRORS.unknownTo);
  if (to && to.status && to.status !== 'open' && params.get('closed') !== '1') errors.push(RP_ERRORS.closedTo);

  const weight = intParam(params, 'weight');
  if (wantsPrice && weight === undefined) errors.push(RP_ERRORS.missingWeight);
  if (weight === null || weight === 0) errors.push(RP_ERRORS.badWeight);
  if (service && typeof weight === 'number' && weight > service.maxWeightG) errors.push(RP_ERRORS.overweight);
  const isLocker = to?.type === 'parcel_locker';
  if (isLocker && to?.maxWeightG !== undefined && typeof weight === 'number' && weight > to.maxWeightG) {
    errors.push(RP_ERRORS.lockerWeight);
  }

  const pack = intParam(params, 'pack');
  if (pack === null || (typeof pack === 'number' && !PACK_SURCHARGE.has(pack))) errors.push(RP_ERRORS.badPack);
  else if (wantsPrice && service?.packRequired && pack === undefined) errors.push(RP_ERRORS.missingPack);

  const size = parseSize(params.get('size'));
  if (size === null) errors.push(RP_ERRORS.badSize);
  const sumoc = intParam(params, 'sumoc');
  if (sumoc === null) errors.push(RP_ERRORS.badSumoc);
  else if (sumoc !== undefined && sumoc > MAX_DECLARED_VALUE) errors.push(RP_ERRORS.sumocTooHigh);
  // Cash on delivery amount: `sumnp` in the real API (extension over the documented parameter list).
  const sumnp = intParam(params, 'sumnp');
  if (sumnp === null) errors.push(RP_ERRORS.badSumnp);

  const tz = from?.timeZone ?? 'Europe/Moscow';
  const nowLocal = zonedDateTimeStrict(now, tz);
  let date = nowLocal.date;
  let time = nowLocal.hour * 100 + nowLocal.minute;
  const dateRaw = params.get('date');
  const timeRaw = params.get('time');
  if (dateRaw) {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(dateRaw);
    if (!m || Number.isNaN(Date.parse(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`))) errors.push(RP_ERRORS.badDate);
    else date = `${m[1]}-${m[2]}-${m[3]}`;
    time = 1200;
  }
  if (timeRaw) {
    if (!/^([01]\d|2[0-3])[0-5]\d$/.test(timeRaw)) errors.push(RP_ERRORS.badDate);
    else time = Number(timeRaw);
  }

  if (errors.length > 0 || !service || !from || !to) return fail();

  const w = typeof weight === 'number' ? weight : 0;
  const departure = time >= CUTOFF_HHMM ? addDays(date, 1) : date;
  const body: Record<string, unknown> = {
    version_api: 2,
    id: service.object,
    name: service.name,
    mailtype: service.mailtype,
    ...(w > 0 ? { weight: w } : {}),
    from: Number(fromIdx),
    to: Number(toIdx),
    date: yyyymmdd(date),
    postoffice: [{
      index: Number(toIdx),
      name: to.name,
      pvz: isLocker || to.type === 'pickup_point' ? 1 : 0,
      'weight-max': to.maxWeightG ?? service.maxWeightG,
      'pack-max': isLocker ? 30 : 99,
    }],
  };
  const items: Array<Record<string, unknown>> = [];
  if (wantsPrice) {
    const t = rpTariff({
      service, from, to, weightG: w, toLocker: isLocker,
      ...(typeof pack === 'number' ? { pack } : {}),
      ...(size ? { size } : {}),
      ...(sumoc ? { sumoc } : {}),
      ...(sumnp ? { sumnp } : {}),
    });
    items.push({ id: RP_ITEM.ground, name: 'Пересылка', tariff: t.ground });
    if (t.insurance) items.push({ id: RP_ITEM.insurance, name: 'Объявленная ценность', tariff: t.insurance });
    if (t.cod) items.push({ id: RP_ITEM.cod, name: 'Наложенный платёж', tariff: t.cod });
    Object.assign(body, { ground: t.ground, pay: t.pay, paynds: t.paynds, ndsrate: 20, nds: t.nds });
  }
  if (kind !== 'tariff') {
    const days = deliveryDays(greatCircleKm(from, to), service.speed);
    const deadline = addDays(departure, days.max).replaceAll('-', '');
    items.push({ id: RP_ITEM.delivery, name: 'Контрольный срок', delivery: { min: days.min, max: days.max } });
    body.delivery = { min: days.min, max: days.max, deadline: `${deadline}T235900` };
  }
  body.items = items;
  return { status: 200, body };
}

/** Item ids of the sandbox answer: the widget adapter maps them to breakdown lines. */
export const RP_ITEM = { ground: '3173', insurance: '3181', cod: '3221', delivery: '5203' } as const;

/** A one-line text answer when `json` is absent, as the real service answers HTML/text then. */
function asText(a: RpTariffAnswer): string {
  if ('errors' in a.body) return (a.body.errors as RpError[]).map((e) => `${e.code}: ${e.msg}`).join('\n');
  const b = a.body as { paynds?: number; delivery?: { min: number; max: number } };
  const price = b.paynds !== undefined ? `${(b.paynds / 100).toFixed(2)} руб.` : '';
  const days = b.delivery ? `${b.delivery.min}-${b.delivery.max} дн.` : '';
  return [price, days].filter(Boolean).join(', ');
}

export function rpTariffResponse(kind: RpCalculation, url: URL, dir: TariffDirectory, now: Date): Response {
  const answer = rpCalculate(kind, url.searchParams, dir, now);
  if (!url.searchParams.has('json')) {
    return new HttpResponse(asText(answer), { status: answer.status, headers: { ...CORS_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
  }
  return HttpResponse.json(answer.body, { status: answer.status, headers: { ...CORS_HEADERS } });
}

/** MSW handlers for the three calculation endpoints. */
export function russianPostTariffHandlers(dir: TariffDirectory, now: () => Date = () => new Date()): HttpHandler[] {
  const base = '*/carriers/russian-post/tariff/v2/calculate';
  return (['tariff/delivery', 'tariff', 'delivery'] as const).map((kind) =>
    http.get(`${base}/${kind}`, ({ request }) => rpTariffResponse(kind, new URL(request.url), dir, now())),
  );
}

/** The tariff handlers over the sandbox context (dataset postcodes, sandbox clock). */
export function russianPostTariffHandlersFor(ctx: SandboxContext): HttpHandler[] {
  // Lazy: the directory is built on the first tariff request, not at start-up.
  const lazy: TariffDirectory = {
    byPostcode: (index) => sandboxTariffDirectory(ctx).byPostcode(index),
    npCity: (ref) => sandboxTariffDirectory(ctx).npCity(ref),
  };
  return russianPostTariffHandlers(lazy, () => ctx.now());
}
