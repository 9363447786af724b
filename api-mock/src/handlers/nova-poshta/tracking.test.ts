import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSandbox, TEST_ORIGIN } from '../../node.js';
import { FIXTURE_DATASET, FIXTURE_NOW } from '../../test-support/fixture.js';
import type { NpEnvelope } from './envelope.js';
import { KYIV, POSTOMAT, SAMPLE } from './documents-samples.js';
import { npDocumentNumber } from './documents-store.js';
import { NP_TRACKING_ERRORS } from './tracking.js';
import { outcomeOf } from './tracking-plan.js';

const HOUR = 3_600_000;
const { server, context } = createTestSandbox({ dataset: FIXTURE_DATASET, now: () => FIXTURE_NOW });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function np(modelName: string, calledMethod: string, methodProperties: Record<string, unknown>): Promise<NpEnvelope> {
  const res = await fetch(`${TEST_ORIGIN}/carriers/nova-poshta/v2.0/json/`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiKey: 'sandbox', modelName, calledMethod, methodProperties }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as NpEnvelope;
}

type Item = Record<string, string> & { sandboxHistory?: Array<{ StatusCode: string; Status: string; DateTime: string }> };

async function track(numbers: string[], phone = ''): Promise<Item[]> {
  const r = await np('TrackingDocument', 'getStatusDocuments', { Documents: numbers.map((n) => ({ DocumentNumber: n, Phone: phone })) });
  expect(r.success).toBe(true);
  return r.data as Item[];
}
const codes = (it: Item) => it.sandboxHistory?.map((h) => h.StatusCode);

// Documents 1..10 in this file's store: what each one is (outcomes follow from the numbers; checked below).
const N = (seq: number) => npDocumentNumber(seq);
const COD = { BackwardDeliveryData: [{ PayerType: 'Recipient', CargoType: 'Money', RedeliveryString: '1500' }] };
const PLAN: Array<Record<string, unknown>> = [
  SAMPLE, // 1 Lviv -> Kyiv branch, received
  POSTOMAT, // 2 postomat, received
  { ...SAMPLE, ...COD }, // 3 cash on delivery, received
  { ...SAMPLE, CitySender: KYIV }, // 4 same city, received
  SAMPLE, SAMPLE, SAMPLE, // 5-7
  SAMPLE, // 8 unclaimed
  SAMPLE, // 9
  SAMPLE, // 10 refused
];

describe('TrackingDocument.getStatusDocuments', () => {
  beforeAll(async () => {
    for (const p of PLAN) expect((await np('InternetDocument', 'save', p)).success).toBe(true);
  });

  it('the outcomes are a deterministic function of the number', () => {
    expect(PLAN.map((_, i) => outcomeOf(N(i + 1)))).toEqual([
      'received', 'received', 'received', 'received', 'received', 'received', 'received', 'unclaimed', 'received', 'refused',
    ]);
  });

  it('a new document is at 1, with the doc fields as strings and dates in Kyiv time', async () => {
    const [item] = await track([N(1)], '+380 67 123 45 67');
    expect(item).toMatchObject({
      Number: N(1), StatusCode: '1', Status: 'Відправник самостійно створив цю накладну, але ще не надав до відправки',
      DateCreated: '25.11.2026 11:00:00', ScheduledDeliveryDate: '27.11.2026 09:40:30', ActualDeliveryDate: '', RecipientDateTime: '',
      TrackingUpdateDate: '25.11.2026 11:00:00', WarehouseRecipient: 'Відділення №25 (до 30 кг): вул. М. Тимошенка, 9',
      WarehouseRecipientNumber: '25', CategoryOfWarehouse: 'Branch', DocumentCost: '98', AmountToPay: '0', AmountPaid: '0',
      RedeliverySum: '0', DateFirstDayStorage: '', DatePayedKeeping: '', StoragePrice: '0', UndeliveryReasons: '',
      ClientBarcode: 'ord_1', PhoneRecipient: '380671234567', RecipientFullName: 'Шевченко Тарас',
    });
    expect(codes(item!)).toEqual(['1']);
  });

  it('without the right phone the recipient data stays hidden', async () => {
    const [item] = await track([N(1)], '380501111111');
    expect([item!.PhoneRecipient, item!.RecipientFullName, item!.StatusCode]).toEqual(['', '', '1']);
  });

  it('unknown numbers answer StatusCode 3; more than 100 documents is an error', async () => {
    const [item] = await track(['20000000000000']);
    expect(item).toMatchObject({ Number: '20000000000000', StatusCode: '3', Status: 'Номер не знайдено' });
    expect(item!.sandboxHistory).toBeUndefined();
    const r = await np('TrackingDocument', 'getStatusDocuments', { Documents: Array.from({ length: 101 }, () => ({ DocumentNumber: N(1) })) });
    expect(r).toMatchObject({ success: false, errors: [NP_TRACKING_ERRORS.documentsTooMany[0]], errorCodes: ['20000300002'] });
  });

  it('moves with the carrier clock: handed over, on the way, then arrived', async () => {
    context.carrierClock.advance(9 * HOUR); // 25.11 20:00 Kyiv
    expect(codes((await track([N(1)]))[0]!)).toEqual(['1', '4', '5']);
    expect(codes((await track([N(4)]))[0]!)).toEqual(['1', '41']); // same city: no 5
    context.carrierClock.advance(37 * HOUR); // 27.11 09:00 Kyiv
    const [one, pm] = await track([N(1), N(2)]);
    expect(codes(one!)).toEqual(['1', '4', '5', '6']);
    expect(codes(pm!)).toEqual(['1', '4', '5', '6', '8']);
    expect(pm).toMatchObject({ StatusCode: '8', CategoryOfWarehouse: 'Postomat', DateFirstDayStorage: '27.11.2026', DatePayedKeeping: '02.12.2026 00:00:00' });
  });

  it('twelve days on: every parcel has ended as planned, with exact codes in order', async () => {
    context.carrierClock.advance(12 * 24 * HOUR);
    const items = await track(PLAN.map((_, i) => N(i + 1)));
    expect(items.map(codes)).toEqual([
      ['1', '4', '5', '6', '7', '9'],
      ['1', '4', '5', '6', '8', '9'],
      ['1', '4', '5', '6', '7', '10', '11'],
      ['1', '41', '6', '7', '9'],
      ['1', '4', '5', '6', '7', '9'],
      ['1', '4', '5', '6', '7', '9'],
      ['1', '4', '5', '6', '7', '9'],
      ['1', '4', '5', '6', '7', '105'],
      ['1', '4', '5', '6', '7', '9'],
      ['1', '4', '5', '6', '7', '103', '102'],
    ]);
    for (const item of items) {
      const times = item.sandboxHistory!.map((h) => h.DateTime);
      for (const t of times) expect(t).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$/);
      const sortable = times.map((t) => `${t.slice(6, 10)}${t.slice(3, 5)}${t.slice(0, 2)}${t.slice(11)}`);
      expect([...sortable].sort()).toEqual(sortable);
      expect(item.StatusCode).toBe(item.sandboxHistory!.at(-1)!.StatusCode);
      expect(item.TrackingUpdateDate).toBe(times.at(-1));
    }
    expect(items[0]!.sandboxHistory).toEqual([
      { StatusCode: '1', Status: 'Відправник самостійно створив цю накладну, але ще не надав до відправки', DateTime: '25.11.2026 11:00:00' },
      { StatusCode: '4', Status: 'Відправлення у місті Львів. (Міжобласна доставка)', DateTime: '25.11.2026 14:53:56' },
      { StatusCode: '5', Status: 'Відправлення прямує до міста Київ', DateTime: '25.11.2026 19:08:52' },
      { StatusCode: '6', Status: 'Відправлення у місті Київ, орієнтовна доставка до відділення', DateTime: '27.11.2026 07:13:30' },
      { StatusCode: '7', Status: 'Прибув на відділення', DateTime: '27.11.2026 09:40:30' },
      { StatusCode: '9', Status: 'Відправлення отримано', DateTime: '28.11.2026 09:53:29' },
    ]);
    expect(items[0]).toMatchObject({ ActualDeliveryDate: '27.11.2026 09:40:30', RecipientDateTime: '28.11.2026 09:53:29' });
    // Cash on delivery: paid by the recipient, transferred to the sender a day later.
    expect(items[2]).toMatchObject({ StatusCode: '11', RedeliverySum: '1500', AmountToPay: '1500', AmountPaid: '1500' });
  });

  it('an unclaimed parcel is stopped at 09:00 of the first paid day (7 free days at a branch) and returned', async () => {
    const [item] = await track([N(8)]);
    expect(item).toMatchObject({
      StatusCode: '105', DateFirstDayStorage: '27.11.2026', DatePayedKeeping: '04.12.2026 00:00:00', TrackingUpdateDate: '04.12.2026 09:00:00',
      UndeliveryReasons: 'Закінчився термін безкоштовного зберігання', LastCreatedOnTheBasisNumber: `59${N(8).slice(2)}`,
    });
  });

  it('a refused parcel goes back on a 59… return waybill that ends received by the sender', async () => {
    const [item] = await track([N(10)]);
    const back = item!.LastCreatedOnTheBasisNumber!;
    expect(back).toBe(`59${N(10).slice(2)}`);
    expect(item).toMatchObject({ StatusCode: '102', UndeliveryReasons: 'Відмова одержувача' });
    const [ret] = await track([back]);
    expect(ret).toMatchObject({ Number: back, StatusCode: '9', OwnerDocumentNumber: N(10), CitySender: 'Київ', CityRecipient: 'Львів' });
    expect(codes(ret!)).toEqual(['1', '4', '5', '6', '7', '9']);
    expect(ret!.sandboxHistory![0]!.DateTime).toBe(item!.LastCreatedOnTheBasisDateTime);
  });

  it('a deleted document answers 2 after its 1', async () => {
    const saved = (await np('InternetDocument', 'save', SAMPLE)).data[0] as { Ref: string; IntDocNumber: string };
    expect((await np('InternetDocument', 'delete', { DocumentRefs: [saved.Ref] })).success).toBe(true);
    const [item] = await track([saved.IntDocNumber]);
    expect([item!.StatusCode, item!.Status, codes(item!)]).toEqual(['2', 'Видалено', ['1', '2']]);
  });
});
