// TrackingDocument.getStatusDocuments over the sandbox's waybills: the item carries the real API's fields (current
// status only, as the carrier gives it) plus `sandboxHistory`, a SANDBOX-ONLY list of every status the parcel went
// through, oldest first ({StatusCode, Status, DateTime}). The real API has no such list: a connector must also work
// without it (ours then builds a one-event timeline from StatusCode + TrackingUpdateDate).
//
// Dates: "dd.mm.yyyy HH:MM:SS" and "dd.mm.yyyy" (DateFirstDayStorage), Kyiv local time; "" when not yet known.
// Numbers are strings, as the carrier sends them. An unknown number answers StatusCode "3".
import type { SandboxContext } from '../../context.js';
import { npInvalid, npOk, type NpEnv, type NpMethod } from './envelope.js';
import {
  documentStore, kyivIsoDate, npDate, npDateTime, npReturnNumber,
  type NpDocumentRecord, type NpDocumentStore,
} from './documents-store.js';
import { getWarehouses } from './warehouses.js';
import { sandboxTariffDirectory } from '../../pricing/sandbox-directory.js';
import { npPlan, npReturnSteps, reached, type NpPlan, type NpPlanInput, type NpStep } from './tracking-plan.js';

export const NP_TRACKING_MAX_DOCUMENTS = 100;

/** Status wording as the carrier prints it (Ukrainian); {from} / {to} are city names. */
export const NP_STATUS_TEXT: Readonly<Record<number, string>> = {
  1: 'Відправник самостійно створив цю накладну, але ще не надав до відправки',
  2: 'Видалено',
  3: 'Номер не знайдено',
  4: 'Відправлення у місті {from}. (Міжобласна доставка)',
  41: 'Відправлення у місті {from}. (Локальна доставка)',
  5: 'Відправлення прямує до міста {to}',
  6: 'Відправлення у місті {to}, орієнтовна доставка до відділення',
  7: 'Прибув на відділення',
  8: 'Прибув на відділення (завантажено в Поштомат)',
  9: 'Відправлення отримано',
  10: 'Відправлення отримано. Протягом доби ви одержите SMS про надходження грошового переказу',
  11: 'Відправлення отримано. Грошовий переказ видано одержувачу',
  102: 'Відмова від отримання (Відправником створено замовлення на повернення)',
  103: 'Відмова одержувача (отримувач відмовився від відправлення)',
  105: 'Припинено зберігання',
};

export const NP_TRACKING_ERRORS = {
  documentsEmpty: ['Documents is empty', '20000300001'],
  documentsTooMany: [`Documents: at most ${NP_TRACKING_MAX_DOCUMENTS} per call`, '20000300002'],
} as const;

interface Places { from: string; to: string }

function statusText(code: number, places: Places): string {
  return (NP_STATUS_TEXT[code] ?? String(code)).replace('{from}', places.from).replace('{to}', places.to);
}

function cityName(ctx: SandboxContext, ref: string): string {
  return sandboxTariffDirectory(ctx).npCity(ref)?.name ?? '';
}

/** What the plan needs from a stored document. */
export function planInputOf(doc: NpDocumentRecord): NpPlanInput {
  const created = Date.parse(doc.createdAt);
  const createdDay = kyivIsoDate(created);
  return {
    intDocNumber: doc.intDocNumber,
    createdAt: created,
    dispatchDate: doc.dispatchDate > createdDay ? doc.dispatchDate : createdDay,
    estimatedDeliveryDate: doc.estimatedDeliveryDate,
    postomat: doc.postomat,
    local: doc.citySender === doc.cityRecipient,
    cod: (doc.redelivery ?? 0) > 0,
  };
}

export interface NpDocState {
  plan: NpPlan;
  /** Steps reached at `now`, oldest first (a deleted document: 1 then 2). */
  history: NpStep[];
  current: NpStep;
}

export function documentState(doc: NpDocumentRecord, now: number): NpDocState {
  const plan = npPlan(planInputOf(doc));
  let history = reached(plan.steps, now);
  if (doc.deletedAt) {
    const at = Date.parse(doc.deletedAt);
    history = [...history.filter((s) => s.at <= at), { code: 2, at }];
  }
  if (history.length === 0) history = [plan.steps[0] ?? { code: 1, at: Date.parse(doc.createdAt) }];
  return { plan, history, current: history[history.length - 1]! };
}

function digits(phone: unknown): string {
  return typeof phone === 'string' ? phone.replace(/\D/g, '') : '';
}

/** Phones match on their last 9 digits (380 67 123 45 67 = 067 123 45 67). */
function samePhone(a: string, b: string): boolean {
  return a.length >= 9 && b.length >= 9 && a.slice(-9) === b.slice(-9);
}

interface WarehouseInfo { description: string; number: string; category: string }

function warehouseInfo(env: NpEnv, ref: string, cityRef: string): WarehouseInfo | undefined {
  const cache = env.ctx.memo('nova-poshta/tracking-warehouses', () => new Map<string, WarehouseInfo | undefined>());
  if (cache.has(ref)) return cache.get(ref);
  const result = getWarehouses({ CityRef: cityRef, Limit: 1000 }, env);
  let info: WarehouseInfo | undefined;
  if (!(result instanceof Promise) && result.ok) {
    const w = (result.data as Array<{ Ref: string; Description: string; Number: string; CategoryOfWarehouse: string }>).find((x) => x.Ref === ref);
    if (w) info = { description: w.Description, number: w.Number, category: w.CategoryOfWarehouse };
  }
  cache.set(ref, info);
  return info;
}

const EMPTY_ITEM_FIELDS = {
  StatusCode: '3', Status: NP_STATUS_TEXT[3], DateCreated: '', ScheduledDeliveryDate: '', ActualDeliveryDate: '', RecipientDateTime: '',
  TrackingUpdateDate: '', WarehouseRecipient: '', WarehouseRecipientNumber: '', WarehouseRecipientRef: '', CategoryOfWarehouse: '',
  DocumentCost: '', AmountToPay: '', AmountPaid: '', RedeliverySum: '', DateFirstDayStorage: '', DatePayedKeeping: '', StoragePrice: '',
  UndeliveryReasons: '',
};

function historyOf(steps: readonly NpStep[], places: Places): Array<{ StatusCode: string; Status: string; DateTime: string }> {
  return steps.map((s) => ({ StatusCode: String(s.code), Status: statusText(s.code, places), DateTime: npDateTime(s.at) }));
}

function originalItem(env: NpEnv, store: NpDocumentStore, doc: NpDocumentRecord, phone: string, now: number): Record<string, unknown> {
  const { ctx } = env;
  const { plan, history, current } = documentState(doc, now);
  const places = { from: cityName(ctx, doc.citySender), to: cityName(ctx, doc.cityRecipient) };
  const codes = new Set(history.map((s) => s.code));
  const arrived = codes.has(7) || codes.has(8);
  const received = plan.receivedAt !== undefined && plan.receivedAt <= now && !doc.deletedAt;
  const returned = plan.returnAt !== undefined && plan.returnAt <= now && !doc.deletedAt;
  const wh = warehouseInfo(env, doc.recipientAddress, doc.cityRecipient);
  const cod = doc.redelivery ?? 0;
  const toPay = cod + (doc.payerType === 'Recipient' ? doc.costOnSite : 0);
  const unlocked = samePhone(digits(phone), doc.recipient.phone) || samePhone(digits(phone), doc.sendersPhone);
  return {
    Number: doc.intDocNumber,
    StatusCode: String(current.code),
    Status: statusText(current.code, places),
    RefEW: doc.ref,
    ClientBarcode: doc.clientBarcode,
    DateCreated: npDateTime(Date.parse(doc.createdAt)),
    ScheduledDeliveryDate: npDateTime(plan.arrivalAt),
    ActualDeliveryDate: arrived ? npDateTime(plan.arrivalAt) : '',
    RecipientDateTime: received ? npDateTime(plan.receivedAt!) : '',
    TrackingUpdateDate: npDateTime(current.at),
    CitySender: places.from,
    CityRecipient: places.to,
    WarehouseRecipient: wh?.description ?? '',
    WarehouseRecipientNumber: wh?.number ?? '',
    WarehouseRecipientRef: doc.recipientAddress,
    CategoryOfWarehouse: wh?.category ?? (doc.postomat ? 'Postomat' : 'Branch'),
    ServiceType: doc.serviceType,
    PayerType: doc.payerType,
    PaymentMethod: doc.paymentMethod,
    CargoType: doc.cargoType,
    DocumentWeight: String(doc.weightKg),
    SeatsAmount: String(doc.seatsAmount),
    DocumentCost: String(doc.costOnSite),
    AnnouncedPrice: String(doc.cost),
    AmountToPay: String(toPay),
    AmountPaid: received ? String(toPay) : '0',
    Redelivery: cod > 0 ? '1' : '0',
    RedeliverySum: String(cod),
    DateFirstDayStorage: arrived ? npDate(plan.firstStorageDay) : '',
    DatePayedKeeping: arrived ? `${npDate(plan.paidStorageFrom)} 00:00:00` : '',
    StoragePrice: '0',
    UndeliveryReasons: codes.has(103) ? 'Відмова одержувача' : codes.has(105) ? 'Закінчився термін безкоштовного зберігання' : '',
    LastCreatedOnTheBasisNumber: returned ? npReturnNumber(doc.intDocNumber) : '',
    LastCreatedOnTheBasisDocumentType: returned ? 'Return' : '',
    LastCreatedOnTheBasisDateTime: returned ? npDateTime(plan.returnAt!) : '',
    // The phone unlocks the recipient's personal data, as on the carrier's site.
    PhoneRecipient: unlocked ? doc.recipient.phone : '',
    RecipientFullName: unlocked ? doc.recipient.name ?? '' : '',
    /** SANDBOX-ONLY: every status reached so far, oldest first. The real API answers the current status only. */
    sandboxHistory: historyOf(history, places),
  };
}

function returnItem(env: NpEnv, store: NpDocumentStore, doc: NpDocumentRecord, number: string, now: number): Record<string, unknown> | undefined {
  const { ctx } = env;
  const input = planInputOf(doc);
  const plan = npPlan(input);
  if (plan.returnAt === undefined || plan.returnAt > now || doc.deletedAt) return undefined;
  const steps = npReturnSteps(input, plan.returnAt);
  const history = reached(steps, now);
  const current = history[history.length - 1]!;
  // The return travels the other way: from the recipient's city to the sender's.
  const places = { from: cityName(ctx, doc.cityRecipient), to: cityName(ctx, doc.citySender) };
  const arrival = steps.find((s) => s.code === 7)!;
  const delivered = steps.find((s) => s.code === 9)!;
  const arrived = arrival.at <= now;
  const senderWh = store.branchByWarehouseRef(doc.senderAddress) ? warehouseInfo(env, doc.senderAddress, doc.citySender) : undefined;
  const firstDay = kyivIsoDate(arrival.at);
  return {
    ...EMPTY_ITEM_FIELDS,
    Number: number,
    StatusCode: String(current.code),
    Status: statusText(current.code, places),
    OwnerDocumentNumber: doc.intDocNumber,
    OwnerDocumentType: 'Return',
    DateCreated: npDateTime(plan.returnAt),
    ScheduledDeliveryDate: npDateTime(arrival.at),
    ActualDeliveryDate: arrived ? npDateTime(arrival.at) : '',
    RecipientDateTime: delivered.at <= now ? npDateTime(delivered.at) : '',
    TrackingUpdateDate: npDateTime(current.at),
    CitySender: places.from,
    CityRecipient: places.to,
    WarehouseRecipient: senderWh?.description ?? '',
    WarehouseRecipientNumber: senderWh?.number ?? '',
    WarehouseRecipientRef: doc.senderAddress,
    CategoryOfWarehouse: senderWh?.category ?? 'Branch',
    DocumentCost: '0',
    AmountToPay: '0',
    AmountPaid: '0',
    RedeliverySum: '0',
    DateFirstDayStorage: arrived ? npDate(firstDay) : '',
    DatePayedKeeping: '',
    StoragePrice: '0',
    /** SANDBOX-ONLY, as on the original. */
    sandboxHistory: historyOf(history, places),
  };
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export const getStatusDocuments: NpMethod = (props, env) => {
  const docsIn = props.Documents;
  if (!Array.isArray(docsIn) || docsIn.length === 0) {
    return { ok: false, errors: [NP_TRACKING_ERRORS.documentsEmpty[0]], errorCodes: [NP_TRACKING_ERRORS.documentsEmpty[1]] };
  }
  if (docsIn.length > NP_TRACKING_MAX_DOCUMENTS) {
    return { ok: false, errors: [NP_TRACKING_ERRORS.documentsTooMany[0]], errorCodes: [NP_TRACKING_ERRORS.documentsTooMany[1]] };
  }
  const store = documentStore(env.ctx);
  const now = env.ctx.carrierClock.now().getTime();
  const data: unknown[] = [];
  for (const [i, raw] of docsIn.entries()) {
    const r = record(raw);
    const number = typeof r.DocumentNumber === 'string' ? r.DocumentNumber.trim() : typeof r.DocumentNumber === 'number' ? String(r.DocumentNumber) : '';
    if (!number) return npInvalid(`Documents[${i}].DocumentNumber`, 'is empty');
    const phone = typeof r.Phone === 'string' || typeof r.Phone === 'number' ? String(r.Phone) : '';
    const doc = store.byNumber(number);
    if (doc && Date.parse(doc.createdAt) <= now) {
      data.push(originalItem(env, store, doc, phone, now));
      continue;
    }
    const owner = number.startsWith('59') ? store.byNumber(`20${number.slice(2)}`) : undefined;
    const ret = owner ? returnItem(env, store, owner, number, now) : undefined;
    data.push(ret ?? { ...EMPTY_ITEM_FIELDS, Number: number });
  }
  return npOk(data, { totalCount: data.length });
};
