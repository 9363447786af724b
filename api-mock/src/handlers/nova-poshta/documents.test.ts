import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryJournal } from '../../carriers-sim/journal.js';
import { createSandboxContext } from '../../context.js';
import { createTestSandbox, TEST_ORIGIN } from '../../node.js';
import { FIXTURE_DATASET, FIXTURE_NOW } from '../../test-support/fixture.js';
import { isNovaPoshtaTtn } from '../../../../widget/src/core/track-number.js';
import { NP_DOCUMENT_ERRORS, NP_DOCUMENT_METHODS, NP_LIST_PAGE } from './documents.js';
import { NP_DOCUMENTS_JOURNAL, npDocumentNumber, npDocumentRef } from './documents-store.js';
import type { NpEnvelope, NpEnv } from './envelope.js';
import { warehouseRef } from './refs.js';
import { KYIV, LVIV, POSTOMAT, SAMPLE, UUID, WH_1, WH_25, WH_PM } from './documents-samples.js';

const WH_LVIV_CLOSED = warehouseRef('np-lviv-1');

const { server, context } = createTestSandbox({ dataset: FIXTURE_DATASET, now: () => FIXTURE_NOW });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

const URL_NP = `${TEST_ORIGIN}/carriers/nova-poshta/v2.0/json/`;

async function np(calledMethod: string, methodProperties: Record<string, unknown>, modelName = 'InternetDocument', headers: Record<string, string> = {}): Promise<NpEnvelope> {
  const res = await fetch(URL_NP, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ apiKey: 'sandbox', modelName, calledMethod, methodProperties }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as NpEnvelope;
}

async function shipments(): Promise<Array<{ ref: string; intDocNumber: string; clientBarcode: string; deleted: boolean; createdAt: string }>> {
  const res = await fetch(`${TEST_ORIGIN}/__sandbox/nova-poshta/shipments`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: [] }).items;
}

const without = (field: string) => {
  const p = { ...SAMPLE };
  delete p[field];
  return p;
};
const errOf = (key: keyof typeof NP_DOCUMENT_ERRORS) => ({ success: false, data: [], errors: [NP_DOCUMENT_ERRORS[key][0]], errorCodes: [NP_DOCUMENT_ERRORS[key][1]] });

// One store for the whole file: every test counts from what it created itself.
describe('InternetDocument.save', () => {
  it('answers data[0] like the carrier: Ref, CostOnSite, EstimatedDeliveryDate, IntDocNumber, TypeDocument', async () => {
    const r = await np('save', SAMPLE);
    expect(r).toMatchObject({ success: true, errors: [], errorCodes: [], warnings: [] });
    expect(r.data).toEqual([{
      Ref: npDocumentRef('20451095553278'),
      // Lviv -> Kyiv ~470 km: base 80 + 10 (1.5 kg) + 0.5 % of 1500 = 97.5 -> 98
      CostOnSite: 98,
      EstimatedDeliveryDate: '27.11.2026', // 2 days for ~470 km
      IntDocNumber: '20451095553278',
      TypeDocument: 'InternetDocument',
    }]);
    expect(isNovaPoshtaTtn('20451095553278')).toBe(true);
    expect(await shipments()).toEqual([{
      ref: npDocumentRef('20451095553278'), intDocNumber: '20451095553278', clientBarcode: 'ord_1', deleted: false, createdAt: FIXTURE_NOW.toISOString(),
    }]);
  });

  it.each([
    'PayerType', 'PaymentMethod', 'DateTime', 'CargoType', 'Weight', 'ServiceType', 'SeatsAmount', 'Description',
    'CitySender', 'Sender', 'SenderAddress', 'ContactSender', 'SendersPhone', 'CityRecipient', 'RecipientAddress',
    'RecipientName', 'RecipientsPhone', 'VolumeGeneral',
  ])('a missing %s answers success:false naming it (HTTP 200, 11-digit code)', async (field) => {
    const before = (await shipments()).length;
    const r = await np('save', without(field));
    expect(r).toEqual({ ...errOf(`${field}Empty` as keyof typeof NP_DOCUMENT_ERRORS), warnings: [], info: {}, messageCodes: [], warningCodes: [], infoCodes: [] });
    expect(r.errors[0]).toMatch(new RegExp(`^${field} is empty`));
    expect(r.errorCodes[0]).toMatch(/^\d{11}$/);
    expect((await shipments()).length).toBe(before);
  });

  it('the refs form needs Recipient and ContactRecipient instead of RecipientName', async () => {
    const refsForm = { ...SAMPLE, NewAddress: undefined, RecipientName: undefined };
    const r = await np('save', refsForm);
    expect(r.errors).toEqual([NP_DOCUMENT_ERRORS.RecipientEmpty[0], NP_DOCUMENT_ERRORS.ContactRecipientEmpty[0]]);
    const ok = await np('save', { ...refsForm, Recipient: UUID(7), ContactRecipient: 'not-a-ref' });
    expect(ok.errors).toEqual(['ContactRecipient is invalid: expected a Ref']);
    expect((await np('save', { ...refsForm, Recipient: UUID(7), ContactRecipient: UUID(8) })).success).toBe(true);
  });

  it.each([
    [{ DateTime: '2026-11-25' }, 'DateTimeInvalid'],
    [{ DateTime: '31.02.2026' }, 'DateTimeInvalid'],
    [{ Weight: '0.05' }, 'WeightInvalid'],
    [{ ServiceType: 'WarehouseDoors' }, 'ServiceTypeInvalid'],
    [{ PayerType: 'Nobody' }, 'PayerTypeInvalid'],
    [{ SeatsAmount: '1.5' }, 'SeatsAmountInvalid'],
    [{ Cost: '-1' }, 'CostInvalid'],
    [{ SendersPhone: '12345' }, 'SendersPhoneInvalid'],
    [{ CitySender: UUID(99) }, 'CitySenderInvalid'],
    [{ RecipientAddress: UUID(99) }, 'RecipientAddressInvalid'],
    [{ CityRecipient: LVIV, RecipientAddress: WH_LVIV_CLOSED }, 'RecipientAddressClosed'],
    [{ CityRecipient: LVIV }, 'RecipientAddressCity'],
    [{ VolumeGeneral: '0.0001' }, 'VolumeGeneralInvalid'],
    [{ OptionsSeat: [{ volumetricWidth: '10', volumetricLength: '0', volumetricHeight: '10', weight: '1' }] }, 'OptionsSeatInvalid'],
    [{ InfoRegClientBarcodes: 'x'.repeat(65) }, 'InfoRegClientBarcodesInvalid'],
  ] as const)('%j -> %s', async (patch, key) => {
    const r = await np('save', { ...SAMPLE, ...patch });
    expect({ success: r.success, errors: r.errors, errorCodes: r.errorCodes }).toEqual({ success: false, errors: [NP_DOCUMENT_ERRORS[key][0]], errorCodes: [NP_DOCUMENT_ERRORS[key][1]] });
  });

  it('Cost defaults to 300 when absent', async () => {
    const r = await np('save', { ...SAMPLE, Cost: undefined, InfoRegClientBarcodes: 'ord_cost' });
    expect(r.success).toBe(true);
    const list = await np('getDocumentList', { DateTimeFrom: '25.11.2026', DateTimeTo: '25.11.2026', GetFullList: '1' });
    expect(list.data.find((d) => (d as { InfoRegClientBarcodes: string }).InfoRegClientBarcodes === 'ord_cost')).toMatchObject({ Cost: '300' });
  });
});

describe('postomats', () => {
  it('accepts a parcel within the limits', async () => {
    const r = await np('save', POSTOMAT);
    expect(r.success).toBe(true);
    expect(r.data[0]).toMatchObject({ TypeDocument: 'InternetDocument' });
  });

  it.each([
    [{ OptionsSeat: undefined }, ['OptionsSeatRequired']],
    [{ ServiceType: 'WarehouseWarehouse', OptionsSeat: undefined, VolumeGeneral: '0.004' }, ['OptionsSeatRequired']],
    [{ Weight: '21', OptionsSeat: [{ volumetricWidth: '30', volumetricLength: '40', volumetricHeight: '20', weight: '21' }] }, ['PostomatWeight']],
    [{ OptionsSeat: [{ volumetricWidth: '45', volumetricLength: '45', volumetricHeight: '30', weight: '1' }] }, ['PostomatSize']],
    [{ Cost: '10001' }, ['PostomatCost']],
    [{ CargoType: 'Cargo' }, ['PostomatCargo']],
    [{ SeatsAmount: '2' }, ['PostomatSeats']],
    [{ RecipientAddress: WH_25 }, ['ServiceTypeNotPostomat']],
  ] as const)('%j -> %j', async (patch, keys) => {
    const r = await np('save', { ...POSTOMAT, ...patch });
    expect(r.success).toBe(false);
    expect(r.errors).toEqual(keys.map((k) => NP_DOCUMENT_ERRORS[k][0]));
    expect(r.errorCodes).toEqual(keys.map((k) => NP_DOCUMENT_ERRORS[k][1]));
  });

  it('10,000 UAH and 20 kg are still allowed', async () => {
    const r = await np('save', { ...POSTOMAT, Cost: '10000', Weight: '20', OptionsSeat: [{ volumetricWidth: '60', volumetricLength: '30', volumetricHeight: '40', weight: '20' }] });
    expect(r.success).toBe(true);
  });
});

describe('cash on delivery', () => {
  const cod = { BackwardDeliveryData: [{ PayerType: 'Recipient', CargoType: 'Money', RedeliveryString: '1500' }] };

  it('is refused at a branch and a postomat without cod', async () => {
    for (const patch of [{ RecipientAddress: WH_1 }, {}]) {
      const base = Object.keys(patch).length ? SAMPLE : POSTOMAT;
      const r = await np('save', { ...base, ...patch, ...cod });
      expect(r.errors).toEqual([NP_DOCUMENT_ERRORS.BackwardDeliveryNoCod[0]]);
      expect(r.errorCodes).toEqual(['20000400091']);
    }
  });

  it('is accepted where the point takes cod, and listed as RedeliverySum', async () => {
    const r = await np('save', { ...SAMPLE, ...cod, InfoRegClientBarcodes: 'ord_cod' });
    expect(r.success).toBe(true);
    const list = await np('getDocumentList', { DateTimeFrom: '25.11.2026', DateTimeTo: '25.11.2026', GetFullList: '1' });
    expect(list.data.find((d) => (d as { InfoRegClientBarcodes: string }).InfoRegClientBarcodes === 'ord_cod')).toMatchObject({ RedeliverySum: '1500' });
  });

  it('AfterpaymentOnGoodsCost excludes BackwardDeliveryData money; a bad amount is named', async () => {
    expect((await np('save', { ...SAMPLE, ...cod, AfterpaymentOnGoodsCost: '1500' })).errors).toEqual([NP_DOCUMENT_ERRORS.AfterpaymentExclusive[0]]);
    expect((await np('save', { ...SAMPLE, BackwardDeliveryData: [{ PayerType: 'Recipient', CargoType: 'Money', RedeliveryString: 'lots' }] })).errors)
      .toEqual([NP_DOCUMENT_ERRORS.BackwardDeliveryInvalid[0]]);
  });
});

describe('no deduplication, like the carrier', () => {
  it('the same InfoRegClientBarcodes twice makes two documents with different numbers', async () => {
    const a = await np('save', { ...SAMPLE, InfoRegClientBarcodes: 'ord_dup' });
    const b = await np('save', { ...SAMPLE, InfoRegClientBarcodes: 'ord_dup' });
    const [da, db] = [a.data[0] as { Ref: string; IntDocNumber: string }, b.data[0] as { Ref: string; IntDocNumber: string }];
    expect(da.Ref).not.toBe(db.Ref);
    expect(da.IntDocNumber).not.toBe(db.IntDocNumber);
    expect((await shipments()).filter((s) => s.clientBarcode === 'ord_dup').map((s) => s.intDocNumber)).toEqual([da.IntDocNumber, db.IntDocNumber]);
  });

  it('commit-then-drop: the client sees a network error, the carrier holds the document', async () => {
    const before = (await shipments()).length;
    await expect(np('save', { ...SAMPLE, InfoRegClientBarcodes: 'ord_ctd' }, 'InternetDocument', { 'x-sandbox-fault': 'commit-then-drop' })).rejects.toThrow();
    const after = await shipments();
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ clientBarcode: 'ord_ctd', deleted: false });
  });
});

describe('InternetDocument.getDocumentList and delete', () => {
  it('lists the window with the doc fields, hides deleted documents, deletes only at status 1', async () => {
    const saved = (await np('save', { ...SAMPLE, InfoRegClientBarcodes: 'ord_del', DateTime: '27.11.2026' })).data[0] as { Ref: string; IntDocNumber: string };
    const window = { DateTimeFrom: '27.11.2026', DateTimeTo: '27.11.2026', GetFullList: '1', Page: '1' };
    const list = await np('getDocumentList', window);
    expect(list.info).toEqual({ totalCount: 1 });
    expect(list.data).toEqual([{
      Ref: saved.Ref, IntDocNumber: saved.IntDocNumber, DateTime: '27.11.2026 00:00:00', CreateTime: '25.11.2026 11:00:00',
      EstimatedDeliveryDate: '29.11.2026', Cost: '1500', CostOnSite: '98', Weight: '1.5', SeatsAmount: '1', ServiceType: 'WarehouseWarehouse',
      Description: 'Order 1001', CitySender: LVIV, SenderAddress: UUID(2), CityRecipient: KYIV, RecipientAddress: WH_25,
      RecipientsPhone: '380671234567', RedeliverySum: '0', StateId: '1',
      StateName: 'Відправник самостійно створив цю накладну, але ще не надав до відправки', InfoRegClientBarcodes: 'ord_del',
    }]);
    expect((await np('getDocumentList', { ...window, DateTimeFrom: '28.11.2026', DateTimeTo: '30.11.2026' })).data).toEqual([]);

    const del = await np('delete', { DocumentRefs: [saved.Ref] });
    expect(del).toMatchObject({ success: true, data: [{ Ref: saved.Ref }] });
    expect((await np('getDocumentList', window)).data).toEqual([]);
    expect((await shipments()).find((s) => s.ref === saved.Ref)?.deleted).toBe(true);
    const again = await np('delete', { DocumentRefs: [saved.Ref] });
    expect(again).toMatchObject({ success: false, errors: ['No document changed DeletionMark'], errorCodes: ['20000201173'] });
  });

  it('refuses to delete once the parcel is handed over (status 4 after a few sim-hours)', async () => {
    const saved = (await np('save', { ...SAMPLE, InfoRegClientBarcodes: 'ord_late' })).data[0] as { Ref: string };
    context.carrierClock.advance(7 * 3_600_000); // handover is 2-6 h after creation
    const r = await np('delete', { DocumentRefs: [saved.Ref] });
    expect(r).toMatchObject({ success: false, data: [], errors: ['No document changed DeletionMark'], errorCodes: ['20000201173'] });
    expect((await shipments()).find((s) => s.ref === saved.Ref)?.deleted).toBe(false);
  });

  it('rejects bad list parameters naming them', async () => {
    expect((await np('getDocumentList', { DateTimeFrom: '2026-11-25' })).errors).toEqual([NP_DOCUMENT_ERRORS.DateTimeFromInvalid[0]]);
    expect((await np('getDocumentList', { Page: '0' })).errors).toEqual([NP_DOCUMENT_ERRORS.PageInvalid[0]]);
    expect((await np('delete', {})).errors).toEqual([NP_DOCUMENT_ERRORS.DocumentRefsEmpty[0]]);
  });
});

describe('the journal', () => {
  it('journals before answering; a store rebuilt from the journal keeps the documents and never reuses a number', () => {
    const journal = memoryJournal();
    const ctx1 = createSandboxContext({ dataset: FIXTURE_DATASET, now: () => FIXTURE_NOW, journal });
    const env = (ctx: typeof ctx1) => ({ ctx, call: {} as NpEnv['call'], request: new Request(URL_NP) });
    const save = NP_DOCUMENT_METHODS['InternetDocument.save']!;
    const r1 = save({ ...SAMPLE }, env(ctx1)) as { ok: true; data: Array<{ IntDocNumber: string; Ref: string }> };
    expect(journal.load(NP_DOCUMENTS_JOURNAL)).toHaveLength(1);
    NP_DOCUMENT_METHODS['InternetDocument.delete']!({ DocumentRefs: [r1.data[0]!.Ref] }, env(ctx1));
    expect(journal.load(NP_DOCUMENTS_JOURNAL).map((e) => (e as { kind: string }).kind)).toEqual(['created', 'deleted']);

    const ctx2 = createSandboxContext({ dataset: FIXTURE_DATASET, now: () => FIXTURE_NOW, journal });
    const r2 = save({ ...SAMPLE }, env(ctx2)) as { ok: true; data: Array<{ IntDocNumber: string }> };
    expect([r1.data[0]!.IntDocNumber, r2.data[0]!.IntDocNumber]).toEqual([npDocumentNumber(1), npDocumentNumber(2)]);
    const list = NP_DOCUMENT_METHODS['InternetDocument.getDocumentList']!({ DateTimeFrom: '25.11.2026', GetFullList: '1' }, env(ctx2)) as { ok: true; data: Array<{ IntDocNumber: string }> };
    expect(list.data.map((d) => d.IntDocNumber)).toEqual([npDocumentNumber(2)]);
  });

  it('pages by 100 without GetFullList and by 500 with it', () => {
    const ctx = createSandboxContext({ dataset: FIXTURE_DATASET, now: () => FIXTURE_NOW });
    const env = { ctx, call: {} as NpEnv['call'], request: new Request(URL_NP) };
    for (let i = 0; i < NP_LIST_PAGE + 5; i++) NP_DOCUMENT_METHODS['InternetDocument.save']!({ ...SAMPLE, InfoRegClientBarcodes: `ord_p${i}` }, env);
    const list = (props: Record<string, unknown>) => NP_DOCUMENT_METHODS['InternetDocument.getDocumentList']!({ DateTimeFrom: '25.11.2026', ...props }, env) as { ok: true; data: unknown[]; info: { totalCount: number } };
    expect([list({ Page: '1' }).data.length, list({ Page: '2' }).data.length, list({ Page: '2' }).info.totalCount]).toEqual([100, 5, 105]);
    expect(list({ GetFullList: '1' }).data.length).toBe(105);
  });
});
