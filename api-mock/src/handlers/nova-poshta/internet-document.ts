// Nova Poshta API 2.0 sandbox: InternetDocument.getDocumentPrice and getDocumentDeliveryDate
// (public integrations call the latter under InternetDocument, one under Common: both are served).
// Numbers come back as strings, as the real API sends them (NpPriceSchema, NpDeliveryDateSchema in
// widget/src/carriers/nova-poshta.ts; recorded answers in widget/src/carriers/fixtures/np-price*.json).
import {
  NP_LOCKER, NP_SERVICE_TYPES, isLockerService, npDeliveryDate, npPrice,
  type NpSeat, type NpServiceType,
} from '../../pricing/nova-poshta.js';
import type { TariffDirectory } from '../../pricing/directory.js';
import { localIsoDate } from '../../shared-logic.js';
import type { NpMethod, NpResult } from './envelope.js';
import { sandboxTariffDirectory } from '../../pricing/sandbox-directory.js';

/** Sandbox error table: message as NP words it, code as an 11-digit string. */
export const NP_ERRORS = {
  citySenderEmpty: ['CitySender is empty', '20000200062'],
  citySenderInvalid: ['CitySender is invalid', '20000200063'],
  cityRecipientEmpty: ['CityRecipient is empty', '20000200064'],
  cityRecipientInvalid: ['CityRecipient is invalid', '20000200065'],
  weightInvalid: ['Weight must be greater than 0', '20000900746'],
  serviceTypeInvalid: ['ServiceType is invalid', '20000200170'],
  costInvalid: ['Cost is invalid', '20000200071'],
  seatsInvalid: ['SeatsAmount is invalid', '20000200088'],
  redeliveryInvalid: ['RedeliveryCalculate Amount is invalid', '20000400090'],
  dateInvalid: ['DateTime is invalid, expected dd.mm.yyyy', '20000200111'],
  lockerWeight: ['Weight exceeds the Postomat limit of 20 kg', '20000901054'],
  lockerSize: ['Dimensions exceed the Postomat cell limit of 40x60x30 cm', '20000901055'],
  lockerCost: ['Cost exceeds the Postomat limit of 10000 UAH', '20000901056'],
  lockerSeats: ['Postomat accepts one seat per shipment', '20000901057'],
  warehouseInvalid: ['RecipientWarehouse is invalid', '20000200090'],
} as const satisfies Record<string, readonly [string, string]>;

type NpErrorKey = keyof typeof NP_ERRORS;

function success(data: unknown[]): NpResult {
  return { ok: true, data, info: { totalCount: data.length } };
}

function failure(keys: readonly NpErrorKey[]): NpResult {
  return { ok: false, errors: keys.map((k) => NP_ERRORS[k][0]), errorCodes: keys.map((k) => NP_ERRORS[k][1]) };
}

/** NP accepts numbers and numeric strings alike ("0.5", 0.5). */
function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(v)) return Number(v.replace(',', '.'));
  return undefined;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** UAH amount as NP prints it: integers without a fraction, otherwise two decimals. */
export function uah(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

function resolveCities(p: Record<string, unknown>, dir: TariffDirectory, errors: NpErrorKey[]) {
  const senderRef = str(p.CitySender);
  const recipientRef = str(p.CityRecipient);
  const from = senderRef ? dir.npCity(senderRef) : undefined;
  const to = recipientRef ? dir.npCity(recipientRef) : undefined;
  if (!senderRef) errors.push('citySenderEmpty');
  else if (!from) errors.push('citySenderInvalid');
  if (!recipientRef) errors.push('cityRecipientEmpty');
  else if (!to) errors.push('cityRecipientInvalid');
  return { from, to };
}

function serviceTypeOf(p: Record<string, unknown>, errors: NpErrorKey[]): NpServiceType | undefined {
  const raw = str(p.ServiceType) || 'WarehouseWarehouse';
  const t = NP_SERVICE_TYPES.find((s) => s === raw);
  if (!t) errors.push('serviceTypeInvalid');
  return t;
}

function sortedDims(d: readonly number[]): number[] {
  return [...d].sort((a, b) => a - b);
}

export function getDocumentPrice(props: unknown, dir: TariffDirectory): NpResult {
  const p = record(props);
  const errors: NpErrorKey[] = [];
  const { from, to } = resolveCities(p, dir, errors);
  let serviceType = serviceTypeOf(p, errors);

  // The recipient warehouse, when given, tells whether the point is a locker even under WarehouseWarehouse.
  const warehouseRef = str(p.RecipientWarehouse) || str(p.WarehouseRecipient);
  if (warehouseRef && dir.npWarehouse) {
    const wh = dir.npWarehouse(warehouseRef);
    if (!wh) errors.push('warehouseInvalid');
    else if (wh.type === 'parcel_locker' && serviceType && !isLockerService(serviceType)) {
      serviceType = serviceType.startsWith('Doors') ? 'DoorsPostomat' : 'WarehousePostomat';
    }
  }

  const weight = num(p.Weight);
  if (weight === undefined || weight <= 0) errors.push('weightInvalid');
  const costRaw = p.Cost ?? '0';
  const cost = num(costRaw);
  if (cost === undefined || cost < 0) errors.push('costInvalid');
  const seatsAmount = p.SeatsAmount === undefined ? 1 : num(p.SeatsAmount);
  if (seatsAmount === undefined || !Number.isInteger(seatsAmount) || seatsAmount < 1) errors.push('seatsInvalid');

  const seats: NpSeat[] = [];
  if (Array.isArray(p.OptionsSeat)) {
    for (const s of p.OptionsSeat) {
      const r = record(s);
      const dims = [num(r.volumetricLength), num(r.volumetricWidth), num(r.volumetricHeight)];
      const w = num(r.weight) ?? 0;
      seats.push(dims.every((d) => d !== undefined && d > 0)
        ? { weightKg: w, dimsCm: dims as unknown as readonly [number, number, number] }
        : { weightKg: w });
    }
  }

  let redelivery: number | undefined;
  if (p.RedeliveryCalculate !== undefined) {
    const r = record(p.RedeliveryCalculate);
    const amount = num(r.Amount);
    if (amount === undefined || amount < 0 || (r.CargoType !== undefined && r.CargoType !== 'Money')) {
      errors.push('redeliveryInvalid');
    } else redelivery = amount;
  }

  if (serviceType && isLockerService(serviceType)) {
    if (weight !== undefined && weight > NP_LOCKER.maxWeightKg) errors.push('lockerWeight');
    if (cost !== undefined && cost > NP_LOCKER.maxValueUah) errors.push('lockerCost');
    if ((seatsAmount ?? 1) > NP_LOCKER.maxSeats || seats.length > NP_LOCKER.maxSeats) errors.push('lockerSeats');
    const limit = NP_LOCKER.dimsCm;
    const tooBig = seats.some((s) => s.dimsCm && sortedDims(s.dimsCm).some((d, i) => d > (limit[i] ?? 0)));
    if (tooBig) errors.push('lockerSize');
  }

  if (errors.length > 0 || !from || !to || !serviceType || weight === undefined || cost === undefined) {
    return failure(errors);
  }
  const packCount = num(p.PackCount);
  const r = npPrice({
    from, to, serviceType, weightKg: weight, seats, cost,
    ...(redelivery !== undefined ? { redelivery } : {}),
    ...(packCount ? { packCount } : {}),
  });
  const item: Record<string, string> = { AssessedCost: uah(r.AssessedCost), Cost: uah(r.Cost) };
  if (r.CostRedelivery !== undefined) item.CostRedelivery = uah(r.CostRedelivery);
  if (r.CostPack !== undefined) item.CostPack = uah(r.CostPack);
  return success([item]);
}

/** Today in Kyiv as YYYY-MM-DD. */
function kyivToday(now: Date): string {
  return localIsoDate(now, 'Europe/Kyiv');
}

export function getDocumentDeliveryDate(props: unknown, dir: TariffDirectory, now: Date): NpResult {
  const p = record(props);
  const errors: NpErrorKey[] = [];
  const { from, to } = resolveCities(p, dir, errors);
  const serviceType = serviceTypeOf(p, errors);
  let dispatch = kyivToday(now);
  const dt = str(p.DateTime);
  if (dt) {
    const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(dt);
    const iso = m ? `${m[3]}-${m[2]}-${m[1]}` : '';
    const parsed = new Date(`${iso}T00:00:00Z`);
    if (!m || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) errors.push('dateInvalid');
    else dispatch = iso;
  }
  if (errors.length > 0 || !from || !to || !serviceType) return failure(errors);
  const date = npDeliveryDate(from, to, dispatch, serviceType);
  return success([{ DeliveryDate: { date: `${date} 00:00:00.000000`, timezone_type: 3, timezone: 'Europe/Kyiv' } }]);
}

/** The methods this module serves, keyed "modelName.calledMethod", over a fixed directory (tests). */
export function internetDocumentMethods(dir: TariffDirectory, now: () => Date = () => new Date()): Record<string, (props: unknown) => NpResult> {
  const deliveryDate = (props: unknown): NpResult => getDocumentDeliveryDate(props, dir, now());
  return {
    'InternetDocument.getDocumentPrice': (props: unknown): NpResult => getDocumentPrice(props, dir),
    'InternetDocument.getDocumentDeliveryDate': deliveryDate,
    'Common.getDocumentDeliveryDate': deliveryDate,
  };
}

/** The same methods for the sandbox registry: the directory comes from the request's context. */
const deliveryDateMethod: NpMethod = (props, env) => getDocumentDeliveryDate(props, sandboxTariffDirectory(env.ctx), env.ctx.now());
export const INTERNET_DOCUMENT_METHODS: Readonly<Record<string, NpMethod>> = {
  'InternetDocument.getDocumentPrice': (props, env) => getDocumentPrice(props, sandboxTariffDirectory(env.ctx)),
  'InternetDocument.getDocumentDeliveryDate': deliveryDateMethod,
  'Common.getDocumentDeliveryDate': deliveryDateMethod,
};
