// Nova Poshta API 2.0 sandbox, the order side: InternetDocument.save / getDocumentList / delete
// (Nova Poshta's API 2.0 documentation, developers.novaposhta.ua, model InternetDocument). HTTP 200 always;
// `success:false` with errors naming the field and 11-digit codes for logical errors. Every mutation is journalled before the answer (documents-store.ts).
//
// Like the real carrier, save does NOT deduplicate: the same InfoRegClientBarcodes twice makes two documents.
// Sandbox-only: GET /__sandbox/nova-poshta/shipments lists every document ever saved (deleted ones flagged), so
// tests can count what the carrier holds.
import { http, type RequestHandler } from 'msw';
import type { Branch } from '../../../../widget/src/model/index.js';
import type { SandboxContext } from '../../context.js';
import { NP_LOCKER, npDeliveryDate, npPrice, type NpSeat, type NpServiceType } from '../../pricing/nova-poshta.js';
import { sandboxTariffDirectory } from '../../pricing/sandbox-directory.js';
import { json } from '../http.js';
import type { NpMethod, NpResult } from './envelope.js';
import {
  branchCityRef, documentStore, kyivIsoDate, npDate, npDateTime, parseNpDate,
  type NpDocServiceType, type NpDocumentRecord,
} from './documents-store.js';
import { documentState, getStatusDocuments, NP_STATUS_TEXT } from './tracking.js';

/** Field-level errors: `[message, code]`. Every message starts with the property it is about. */
export const NP_DOCUMENT_ERRORS = {
  PayerTypeEmpty: ['PayerType is empty', '20000200001'],
  PayerTypeInvalid: ['PayerType is invalid: expected Sender, Recipient or ThirdPerson', '20000200002'],
  PaymentMethodEmpty: ['PaymentMethod is empty', '20000200003'],
  PaymentMethodInvalid: ['PaymentMethod is invalid: expected Cash or NonCash', '20000200004'],
  DateTimeEmpty: ['DateTime is empty', '20000200110'],
  DateTimeInvalid: ['DateTime is invalid, expected dd.mm.yyyy', '20000200111'],
  CargoTypeEmpty: ['CargoType is empty', '20000200005'],
  CargoTypeInvalid: ['CargoType is invalid: expected Parcel, Cargo, Documents, TiresWheels or Pallet', '20000200006'],
  WeightEmpty: ['Weight is empty', '20000200007'],
  WeightInvalid: ['Weight is invalid: expected kg, at least 0.1', '20000900746'],
  ServiceTypeEmpty: ['ServiceType is empty', '20000200169'],
  ServiceTypeInvalid: ['ServiceType is invalid: expected WarehouseWarehouse, WarehousePostomat, DoorsWarehouse or DoorsPostomat', '20000200170'],
  ServiceTypeNotPostomat: ['ServiceType WarehousePostomat needs a Postomat as RecipientAddress', '20000200171'],
  SeatsAmountEmpty: ['SeatsAmount is empty', '20000200087'],
  SeatsAmountInvalid: ['SeatsAmount is invalid: expected a whole number, at least 1', '20000200088'],
  DescriptionEmpty: ['Description is empty', '20000200009'],
  DescriptionInvalid: ['Description is invalid: at most 100 characters', '20000200010'],
  CostInvalid: ['Cost is invalid: expected UAH, at least 0', '20000200071'],
  CitySenderEmpty: ['CitySender is empty', '20000200062'],
  CitySenderInvalid: ['CitySender is invalid', '20000200063'],
  SenderEmpty: ['Sender is empty', '20000200013'],
  SenderInvalid: ['Sender is invalid: expected a Ref', '20000200014'],
  SenderAddressEmpty: ['SenderAddress is empty', '20000200015'],
  SenderAddressInvalid: ['SenderAddress is invalid: expected a Ref', '20000200016'],
  ContactSenderEmpty: ['ContactSender is empty', '20000200017'],
  ContactSenderInvalid: ['ContactSender is invalid: expected a Ref', '20000200018'],
  SendersPhoneEmpty: ['SendersPhone is empty', '20000200019'],
  SendersPhoneInvalid: ['SendersPhone is invalid: expected 380XXXXXXXXX', '20000200020'],
  CityRecipientEmpty: ['CityRecipient is empty', '20000200064'],
  CityRecipientInvalid: ['CityRecipient is invalid', '20000200065'],
  RecipientAddressEmpty: ['RecipientAddress is empty', '20000200089'],
  RecipientAddressInvalid: ['RecipientAddress is invalid: not a Nova Poshta warehouse', '20000200090'],
  RecipientAddressClosed: ['RecipientAddress: the warehouse does not accept parcels now', '20000200091'],
  RecipientAddressCity: ['RecipientAddress does not belong to CityRecipient', '20000200092'],
  RecipientEmpty: ['Recipient is empty', '20000200021'],
  RecipientInvalid: ['Recipient is invalid: expected a Ref', '20000200022'],
  ContactRecipientEmpty: ['ContactRecipient is empty', '20000200023'],
  ContactRecipientInvalid: ['ContactRecipient is invalid: expected a Ref', '20000200024'],
  RecipientNameEmpty: ['RecipientName is empty', '20000200025'],
  RecipientNameInvalid: ['RecipientName is invalid: at most 100 characters', '20000200026'],
  RecipientTypeInvalid: ['RecipientType is invalid: expected PrivatePerson or Organization', '20000200027'],
  RecipientsPhoneEmpty: ['RecipientsPhone is empty', '20000200028'],
  RecipientsPhoneInvalid: ['RecipientsPhone is invalid: expected 380XXXXXXXXX', '20000200029'],
  VolumeGeneralEmpty: ['VolumeGeneral is empty (send it or OptionsSeat)', '20000200030'],
  VolumeGeneralInvalid: ['VolumeGeneral is invalid: expected m3, at least 0.0004', '20000200031'],
  OptionsSeatInvalid: ['OptionsSeat is invalid: expected [{volumetricWidth, volumetricLength, volumetricHeight, weight}] in cm and kg', '20000200032'],
  OptionsSeatRequired: ['OptionsSeat is required for a Postomat', '20000901059'],
  PostomatWeight: ['Weight exceeds the Postomat limit of 20 kg', '20000901054'],
  PostomatSize: ['OptionsSeat: dimensions exceed the Postomat cell limit of 40x60x30 cm', '20000901055'],
  PostomatCost: ['Cost exceeds the Postomat limit of 10000 UAH', '20000901056'],
  PostomatSeats: ['SeatsAmount: a Postomat accepts one seat per shipment', '20000901057'],
  PostomatCargo: ['CargoType: a Postomat accepts Parcel or Documents only', '20000901058'],
  BackwardDeliveryInvalid: ['BackwardDeliveryData is invalid: expected [{PayerType, CargoType:"Money", RedeliveryString}]', '20000400090'],
  BackwardDeliveryNoCod: ['BackwardDeliveryData: cash on delivery is not available at this warehouse', '20000400091'],
  AfterpaymentInvalid: ['AfterpaymentOnGoodsCost is invalid: expected UAH, more than 0', '20000400093'],
  AfterpaymentExclusive: ['AfterpaymentOnGoodsCost cannot be combined with BackwardDeliveryData Money', '20000400092'],
  InfoRegClientBarcodesInvalid: ['InfoRegClientBarcodes is invalid: at most 64 characters', '20000200033'],
  DocumentRefsEmpty: ['DocumentRefs is empty', '20000201170'],
  DateTimeFromInvalid: ['DateTimeFrom is invalid, expected dd.mm.yyyy', '20000200112'],
  DateTimeToInvalid: ['DateTimeTo is invalid, expected dd.mm.yyyy', '20000200113'],
  PageInvalid: ['Page is invalid: expected a whole number, at least 1', '20000200114'],
  NotDeleted: ['No document changed DeletionMark', '20000201173'],
} as const satisfies Record<string, readonly [string, string]>;

type ErrorKey = keyof typeof NP_DOCUMENT_ERRORS;

function fail(keys: readonly ErrorKey[]): NpResult {
  return { ok: false, errors: keys.map((k) => NP_DOCUMENT_ERRORS[k][0]), errorCodes: keys.map((k) => NP_DOCUMENT_ERRORS[k][1]) };
}

/** getDocumentList page sizes: GetFullList "1" pages by 500, otherwise by 100. */
export const NP_LIST_FULL_PAGE = 500;
export const NP_LIST_PAGE = 100;
export const NP_DEFAULT_COST_UAH = 300;

const PAYER_TYPES = ['Sender', 'Recipient', 'ThirdPerson'];
const PAYMENT_METHODS = ['Cash', 'NonCash'];
const CARGO_TYPES = ['Parcel', 'Cargo', 'Documents', 'TiresWheels', 'Pallet'];
const SERVICE_TYPES: readonly NpDocServiceType[] = ['WarehouseWarehouse', 'WarehousePostomat', 'DoorsWarehouse', 'DoorsPostomat'];
const REF = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}

/** NP accepts numbers and numeric strings alike ("0.5", 0.5, "0,5"). */
function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(v)) return Number(v.replace(',', '.'));
  return undefined;
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** "+380 67 123-45-67", "0671234567" -> "380671234567"; anything else undefined. */
export function npPhone(v: unknown): string | undefined {
  const d = str(v).replace(/[\s()+-]/g, '');
  if (/^380\d{9}$/.test(d)) return d;
  if (/^0\d{9}$/.test(d)) return `38${d}`;
  return undefined;
}

function ref(p: Record<string, unknown>, field: 'Sender' | 'SenderAddress' | 'ContactSender' | 'Recipient' | 'ContactRecipient', errors: ErrorKey[]): string {
  const v = str(p[field]);
  if (!v) errors.push(`${field}Empty`);
  else if (!REF.test(v)) errors.push(`${field}Invalid`);
  return v.toLowerCase();
}

function phone(p: Record<string, unknown>, field: 'SendersPhone' | 'RecipientsPhone', errors: ErrorKey[]): string {
  if (!str(p[field])) {
    errors.push(`${field}Empty`);
    return '';
  }
  const v = npPhone(p[field]);
  if (!v) errors.push(`${field}Invalid`);
  return v ?? '';
}

function oneOf(p: Record<string, unknown>, field: 'PayerType' | 'PaymentMethod' | 'CargoType', allowed: readonly string[], errors: ErrorKey[]): string {
  const v = str(p[field]);
  if (!v) errors.push(`${field}Empty`);
  else if (!allowed.includes(v)) errors.push(`${field}Invalid`);
  return v;
}

function seatsOf(raw: unknown, errors: ErrorKey[]): NpSeat[] | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (!Array.isArray(raw) || raw.length === 0) {
    errors.push('OptionsSeatInvalid');
    return undefined;
  }
  const seats: NpSeat[] = [];
  for (const s of raw) {
    const r = record(s);
    const dims = [num(r.volumetricLength), num(r.volumetricWidth), num(r.volumetricHeight)];
    const w = num(r.weight);
    if (dims.some((d) => d === undefined || d <= 0) || w === undefined || w <= 0) {
      errors.push('OptionsSeatInvalid');
      return undefined;
    }
    seats.push({ weightKg: w, dimsCm: dims as [number, number, number] });
  }
  return seats;
}

/** The cash-on-delivery amount (UAH) from BackwardDeliveryData Money or AfterpaymentOnGoodsCost. */
function redeliveryOf(p: Record<string, unknown>, errors: ErrorKey[]): number | undefined {
  let money: number | undefined;
  if (p.BackwardDeliveryData !== undefined) {
    const list = p.BackwardDeliveryData;
    if (!Array.isArray(list) || list.length === 0) errors.push('BackwardDeliveryInvalid');
    else {
      for (const item of list) {
        const r = record(item);
        const amount = num(r.RedeliveryString);
        if (!PAYER_TYPES.includes(str(r.PayerType)) || !str(r.CargoType) || amount === undefined || amount <= 0) {
          errors.push('BackwardDeliveryInvalid');
          return undefined;
        }
        if (str(r.CargoType) === 'Money') money = (money ?? 0) + amount;
      }
    }
  }
  if (p.AfterpaymentOnGoodsCost !== undefined && str(p.AfterpaymentOnGoodsCost) !== '') {
    const amount = num(p.AfterpaymentOnGoodsCost);
    if (amount === undefined || amount <= 0) errors.push('AfterpaymentInvalid');
    else if (money !== undefined) errors.push('AfterpaymentExclusive');
    else money = amount;
  }
  return money;
}

function sortedDims(d: readonly number[]): number[] {
  return [...d].sort((a, b) => a - b);
}

interface Recipient { point?: Branch; cityRef: string; warehouseRef: string }

function recipientPoint(ctx: SandboxContext, p: Record<string, unknown>, errors: ErrorKey[]): Recipient {
  const cityRef = str(p.CityRecipient).toLowerCase();
  const warehouseRef = str(p.RecipientAddress).toLowerCase();
  if (!cityRef) errors.push('CityRecipientEmpty');
  else if (!sandboxTariffDirectory(ctx).npCity(cityRef)) errors.push('CityRecipientInvalid');
  if (!warehouseRef) {
    errors.push('RecipientAddressEmpty');
    return { cityRef, warehouseRef };
  }
  const point = documentStore(ctx).branchByWarehouseRef(warehouseRef);
  if (!point) errors.push('RecipientAddressInvalid');
  else if (point.status !== 'open') errors.push('RecipientAddressClosed');
  else if (cityRef && branchCityRef(point) !== cityRef) errors.push('RecipientAddressCity');
  return point ? { point, cityRef, warehouseRef } : { cityRef, warehouseRef };
}

export const saveDocument: NpMethod = (props, { ctx }) => {
  const p = props;
  const errors: ErrorKey[] = [];
  const payerType = oneOf(p, 'PayerType', PAYER_TYPES, errors);
  const paymentMethod = oneOf(p, 'PaymentMethod', PAYMENT_METHODS, errors);
  let dispatchDate: string | undefined;
  if (!str(p.DateTime)) errors.push('DateTimeEmpty');
  else if (!(dispatchDate = parseNpDate(p.DateTime))) errors.push('DateTimeInvalid');
  const cargoType = oneOf(p, 'CargoType', CARGO_TYPES, errors);

  const weight = num(p.Weight);
  if (!str(p.Weight)) errors.push('WeightEmpty');
  else if (weight === undefined || weight < 0.1) errors.push('WeightInvalid');

  const serviceRaw = str(p.ServiceType);
  const serviceType = SERVICE_TYPES.find((s) => s === serviceRaw);
  if (!serviceRaw) errors.push('ServiceTypeEmpty');
  else if (!serviceType) errors.push('ServiceTypeInvalid');

  const seatsAmount = num(p.SeatsAmount);
  if (!str(p.SeatsAmount)) errors.push('SeatsAmountEmpty');
  else if (seatsAmount === undefined || !Number.isInteger(seatsAmount) || seatsAmount < 1) errors.push('SeatsAmountInvalid');

  const description = str(p.Description);
  if (!description) errors.push('DescriptionEmpty');
  else if (description.length > 100) errors.push('DescriptionInvalid');

  // The API sets 300 when Cost is absent.
  const cost = str(p.Cost) === '' ? NP_DEFAULT_COST_UAH : num(p.Cost);
  if (cost === undefined || cost < 0) errors.push('CostInvalid');

  const dir = sandboxTariffDirectory(ctx);
  const citySender = str(p.CitySender).toLowerCase();
  if (!citySender) errors.push('CitySenderEmpty');
  else if (!dir.npCity(citySender)) errors.push('CitySenderInvalid');
  const sender = ref(p, 'Sender', errors);
  const senderAddress = ref(p, 'SenderAddress', errors);
  const contactSender = ref(p, 'ContactSender', errors);
  const sendersPhone = phone(p, 'SendersPhone', errors);

  const to = recipientPoint(ctx, p, errors);
  const textForm = str(p.NewAddress) === '1';
  const recipient: NpDocumentRecord['recipient'] = { phone: '' };
  if (textForm) {
    const name = str(p.RecipientName);
    if (!name) errors.push('RecipientNameEmpty');
    else if (name.length > 100) errors.push('RecipientNameInvalid');
    else recipient.name = name;
    if (str(p.RecipientType) && !['PrivatePerson', 'Organization'].includes(str(p.RecipientType))) errors.push('RecipientTypeInvalid');
  } else {
    recipient.ref = ref(p, 'Recipient', errors);
    recipient.contactRef = ref(p, 'ContactRecipient', errors);
  }
  recipient.phone = phone(p, 'RecipientsPhone', errors);

  // Postomat rules: WarehousePostomat must go to a postomat; WarehouseWarehouse to a postomat is accepted and treated
  // as a postomat delivery (integrations send both).
  const postomat = to.point?.type === 'parcel_locker';
  const lockerRules = postomat || serviceType?.endsWith('Postomat') === true;
  const seats = seatsOf(p.OptionsSeat, errors);
  if (!seats && !errors.includes('OptionsSeatInvalid')) {
    const volume = num(p.VolumeGeneral);
    if (lockerRules) errors.push('OptionsSeatRequired');
    else if (!str(p.VolumeGeneral)) errors.push('VolumeGeneralEmpty');
    else if (volume === undefined || volume < 0.0004) errors.push('VolumeGeneralInvalid');
  }

  const redelivery = redeliveryOf(p, errors);
  const clientBarcode = str(p.InfoRegClientBarcodes);
  if (clientBarcode.length > 64) errors.push('InfoRegClientBarcodesInvalid');

  if (serviceType?.endsWith('Postomat') && to.point && !postomat) errors.push('ServiceTypeNotPostomat');
  if (lockerRules) {
    if (cargoType && CARGO_TYPES.includes(cargoType) && cargoType !== 'Parcel' && cargoType !== 'Documents') errors.push('PostomatCargo');
    if ((weight !== undefined && weight > NP_LOCKER.maxWeightKg) || seats?.some((s) => s.weightKg > NP_LOCKER.maxWeightKg)) errors.push('PostomatWeight');
    if ((seatsAmount ?? 1) > NP_LOCKER.maxSeats || (seats?.length ?? 1) > NP_LOCKER.maxSeats) errors.push('PostomatSeats');
    if (seats?.some((s) => s.dimsCm && sortedDims(s.dimsCm).some((d, i) => d > (NP_LOCKER.dimsCm[i] ?? 0)))) errors.push('PostomatSize');
    if (cost !== undefined && cost > NP_LOCKER.maxValueUah) errors.push('PostomatCost');
  }
  if (redelivery !== undefined && to.point && !to.point.payment.includes('cod')) errors.push('BackwardDeliveryNoCod');

  const from = citySender ? dir.npCity(citySender) : undefined;
  const toCity = to.cityRef ? dir.npCity(to.cityRef) : undefined;
  if (errors.length > 0 || !dispatchDate || weight === undefined || !serviceType || seatsAmount === undefined
    || cost === undefined || !from || !toCity || !to.point) {
    return fail([...new Set(errors)]);
  }

  const now = ctx.carrierClock.now();
  const priceType: NpServiceType = postomat && !serviceType.endsWith('Postomat')
    ? (serviceType.startsWith('Doors') ? 'DoorsPostomat' : 'WarehousePostomat')
    : serviceType;
  const price = npPrice({ from, to: toCity, serviceType: priceType, weightKg: weight, seats: seats ?? [], cost, ...(redelivery ? { redelivery } : {}) });
  const today = kyivIsoDate(now);
  const effectiveDispatch = dispatchDate > today ? dispatchDate : today;
  const estimated = npDeliveryDate(from, toCity, effectiveDispatch, priceType);
  const doc = documentStore(ctx).create({
    dispatchDate,
    serviceType,
    postomat,
    payerType,
    paymentMethod,
    cargoType,
    weightKg: weight,
    seatsAmount,
    description,
    cost,
    costOnSite: price.Cost,
    citySender,
    sender,
    senderAddress,
    contactSender,
    sendersPhone,
    cityRecipient: to.cityRef,
    recipientAddress: to.warehouseRef,
    branchId: to.point.id,
    recipient,
    ...(redelivery ? { redelivery } : {}),
    clientBarcode,
    estimatedDeliveryDate: estimated,
  }, now);
  return {
    ok: true,
    data: [{
      Ref: doc.ref,
      CostOnSite: doc.costOnSite,
      EstimatedDeliveryDate: npDate(doc.estimatedDeliveryDate),
      IntDocNumber: doc.intDocNumber,
      TypeDocument: 'InternetDocument',
    }],
    info: {},
  };
};

function listItem(doc: NpDocumentRecord, now: number): Record<string, unknown> {
  const code = documentState(doc, now).current.code;
  return {
    Ref: doc.ref,
    IntDocNumber: doc.intDocNumber,
    DateTime: `${npDate(doc.dispatchDate)} 00:00:00`,
    CreateTime: npDateTime(Date.parse(doc.createdAt)),
    EstimatedDeliveryDate: npDate(doc.estimatedDeliveryDate),
    Cost: String(doc.cost),
    CostOnSite: String(doc.costOnSite),
    Weight: String(doc.weightKg),
    SeatsAmount: String(doc.seatsAmount),
    ServiceType: doc.serviceType,
    Description: doc.description,
    CitySender: doc.citySender,
    SenderAddress: doc.senderAddress,
    CityRecipient: doc.cityRecipient,
    RecipientAddress: doc.recipientAddress,
    RecipientsPhone: doc.recipient.phone,
    RedeliverySum: String(doc.redelivery ?? 0),
    StateId: String(code),
    StateName: NP_STATUS_TEXT[code] ?? String(code),
    InfoRegClientBarcodes: doc.clientBarcode,
  };
}

export const getDocumentList: NpMethod = (p, { ctx }) => {
  const errors: ErrorKey[] = [];
  const now = ctx.carrierClock.now();
  const today = kyivIsoDate(now);
  // DateTime picks one day; otherwise DateTimeFrom..DateTimeTo (either defaults to the other, then to today).
  const single = str(p.DateTime) ? parseNpDate(p.DateTime) : undefined;
  if (str(p.DateTime) && !single) errors.push('DateTimeInvalid');
  const fromRaw = str(p.DateTimeFrom);
  const toRaw = str(p.DateTimeTo);
  const fromDate = fromRaw ? parseNpDate(fromRaw) : undefined;
  const toDate = toRaw ? parseNpDate(toRaw) : undefined;
  if (fromRaw && !fromDate) errors.push('DateTimeFromInvalid');
  if (toRaw && !toDate) errors.push('DateTimeToInvalid');
  const page = str(p.Page) ? num(p.Page) : 1;
  if (page === undefined || !Number.isInteger(page) || page < 1) errors.push('PageInvalid');
  if (errors.length > 0 || page === undefined) return fail(errors);
  const lo = single ?? fromDate ?? toDate ?? today;
  const hi = single ?? toDate ?? fromDate ?? today;
  const size = str(p.GetFullList) === '1' ? NP_LIST_FULL_PAGE : NP_LIST_PAGE;
  const matched = documentStore(ctx).all().filter((d) => !d.deletedAt && d.dispatchDate >= lo && d.dispatchDate <= hi);
  const at = now.getTime();
  const data = matched.slice((page - 1) * size, page * size).map((d) => listItem(d, at));
  return { ok: true, data, info: { totalCount: matched.length } };
};

export const deleteDocuments: NpMethod = (p, { ctx }) => {
  const list = Array.isArray(p.DocumentRefs) ? p.DocumentRefs : str(p.DocumentRefs) ? [p.DocumentRefs] : [];
  if (list.length === 0) return fail(['DocumentRefsEmpty']);
  const store = documentStore(ctx);
  const now = ctx.carrierClock.now();
  const deleted: Array<{ Ref: string }> = [];
  for (const raw of list) {
    const doc = store.byRef(str(raw));
    // Only while the parcel has not been handed over: status 1.
    if (!doc || doc.deletedAt || documentState(doc, now.getTime()).current.code !== 1) continue;
    store.markDeleted(doc.ref, now);
    deleted.push({ Ref: doc.ref });
  }
  if (deleted.length === 0) return fail(['NotDeleted']);
  const refused = list.length - deleted.length;
  return { ok: true, data: deleted, info: {}, warnings: refused > 0 ? [`${refused} document(s) not changed`] : [] };
};

/** The methods this module serves, for the registry (methods.ts). */
export const NP_DOCUMENT_METHODS: Readonly<Record<string, NpMethod>> = {
  'InternetDocument.save': saveDocument,
  'InternetDocument.getDocumentList': getDocumentList,
  'InternetDocument.delete': deleteDocuments,
  'TrackingDocument.getStatusDocuments': getStatusDocuments,
};

/** What the admin route lists per document. */
export interface NpShipmentRow {
  ref: string;
  intDocNumber: string;
  clientBarcode: string;
  deleted: boolean;
  createdAt: string;
}

/** SANDBOX-ONLY: GET /__sandbox/nova-poshta/shipments, every document the carrier ever saved. */
export function novaPoshtaDocumentAdminHandlers(ctx: SandboxContext): RequestHandler[] {
  return [
    http.get('*/__sandbox/nova-poshta/shipments', () => {
      const items: NpShipmentRow[] = documentStore(ctx).all().map((d) => ({
        ref: d.ref, intDocNumber: d.intDocNumber, clientBarcode: d.clientBarcode, deleted: d.deletedAt !== undefined, createdAt: d.createdAt,
      }));
      return json({ items }, { headers: { 'Cache-Control': 'no-store' } });
    }),
  ];
}
