import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Branch } from '../../../../widget/src/model/index.js';
import { createTestSandbox, TEST_ORIGIN } from '../../node.js';
import { FIXTURE_BRANCHES, FIXTURE_DATASET, FIXTURE_NOW } from '../../test-support/fixture.js';
import { KYIV, LVIV, WH_25, WH_PM } from '../../handlers/nova-poshta/documents-samples.js';
import { addDays, npDocumentNumber } from '../../handlers/nova-poshta/documents-store.js';
import { outcomeOf } from '../../handlers/nova-poshta/tracking-plan.js';
import { documentState } from '../../handlers/nova-poshta/tracking.js';
import { documentStore } from '../../handlers/nova-poshta/documents-store.js';
import { createNovaPoshtaConnector, kyivIso, NP_SANDBOX_SENDER, npStatus, parseNpDateTime } from './nova-poshta.js';
import type { CarrierOrder, CarrierTracking } from './types.js';

const HOUR = 3_600_000;
const { server, context } = createTestSandbox({ dataset: FIXTURE_DATASET, now: () => FIXTURE_NOW });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const point = (id: string): Branch => FIXTURE_BRANCHES.find((b) => b.id === id)!;

interface Sent { method: string; props: Record<string, unknown> }

/** Real fetch through msw, recording every call; `fault(method)` adds an x-sandbox-fault header to that method. */
function recorder(fault: (method: string) => string | undefined = () => undefined) {
  const calls: Sent[] = [];
  const doFetch: typeof fetch = async (input, init) => {
    const body = JSON.parse(String(init?.body)) as { modelName: string; calledMethod: string; methodProperties: Record<string, unknown> };
    const method = `${body.modelName}.${body.calledMethod}`;
    calls.push({ method, props: body.methodProperties });
    const f = fault(method);
    return fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...(f ? { 'x-sandbox-fault': f } : {}) } });
  };
  return { calls, doFetch };
}

function connector(doFetch: typeof fetch = fetch, extra: { timeoutMs?: number } = {}) {
  return createNovaPoshtaConnector({ baseUrl: TEST_ORIGIN, fetch: doFetch, now: () => FIXTURE_NOW, ...extra });
}

function order(id: string, patch: Partial<CarrierOrder> = {}): CarrierOrder {
  return {
    orderId: id,
    orderNumber: `SHOP-${id}`,
    point: point('np-kyiv-25'),
    parcel: { weightG: 1500, dimensionsCm: { length: 30, width: 20, height: 10 }, declaredValue: { amount: 150_000, currency: 'UAH' } },
    recipient: { givenName: 'Тарас', surname: 'Шевченко', phone: '+380 67 123 45 67' },
    origin: { country: 'UA', cityRef: LVIV },
    createdAt: FIXTURE_NOW.toISOString(),
    ...patch,
  };
}

async function shipments(barcode?: string): Promise<Array<{ ref: string; intDocNumber: string; clientBarcode: string; deleted: boolean }>> {
  const items = ((await (await fetch(`${TEST_ORIGIN}/__sandbox/nova-poshta/shipments`)).json()) as { items: [] }).items as Array<{ ref: string; intDocNumber: string; clientBarcode: string; deleted: boolean }>;
  return barcode ? items.filter((s) => s.clientBarcode === barcode) : items;
}

describe('send', () => {
  it('maps the order to InternetDocument.save field by field and answers with the waybill', async () => {
    const { calls, doFetch } = recorder();
    const out = await connector(doFetch).send(order('ord_map'), { mayExist: false });
    expect(calls).toEqual([{
      method: 'InternetDocument.save',
      props: {
        PayerType: 'Sender', PaymentMethod: 'NonCash', DateTime: '25.11.2026', CargoType: 'Parcel', Weight: '1.5',
        ServiceType: 'WarehouseWarehouse', SeatsAmount: '1', Description: 'SHOP-ord_map', Cost: '1500',
        CitySender: LVIV, Sender: NP_SANDBOX_SENDER.ref, SenderAddress: NP_SANDBOX_SENDER.addressRef, ContactSender: NP_SANDBOX_SENDER.contactRef,
        SendersPhone: '380441234567', CityRecipient: KYIV, RecipientAddress: WH_25, NewAddress: '1', RecipientCityName: 'Київ',
        RecipientType: 'PrivatePerson', RecipientName: 'Шевченко Тарас', RecipientsPhone: '380671234567', InfoRegClientBarcodes: 'ord_map',
        VolumeGeneral: '0.006',
      },
    }]);
    const [held] = await shipments('ord_map');
    expect(out).toEqual({ kind: 'accepted', shipment: { carrierRef: held!.ref, trackNumber: held!.intDocNumber } });
    expect(held!.intDocNumber).toMatch(/^20\d{12}$/);
  });

  it('postomat: WarehousePostomat with OptionsSeat; COD as BackwardDeliveryData in UAH; 300 without a declared value', async () => {
    const { calls, doFetch } = recorder();
    const np = connector(doFetch);
    const pm = await np.send(order('ord_pm', { point: point('np-kyiv-pm'), parcel: { weightG: 2000, dimensionsCm: { length: 40, width: 30, height: 20 } } }), { mayExist: false });
    expect(pm.kind).toBe('accepted');
    expect(calls[0]!.props).toMatchObject({
      ServiceType: 'WarehousePostomat', RecipientAddress: WH_PM, Cost: '300', Weight: '2',
      OptionsSeat: [{ volumetricWidth: '30', volumetricLength: '40', volumetricHeight: '20', weight: '2' }],
    });
    expect(calls[0]!.props.VolumeGeneral).toBeUndefined();
    const cod = await np.send(order('ord_cod', { parcel: { weightG: 500, dimensionsCm: { length: 10, width: 10, height: 10 }, cashOnDelivery: { amount: 125_050, currency: 'UAH' } } }), { mayExist: false });
    expect(cod.kind).toBe('accepted');
    expect(calls[1]!.props.BackwardDeliveryData).toEqual([{ PayerType: 'Recipient', CargoType: 'Money', RedeliveryString: '1250.5' }]);
  });

  it.each([
    ['a postomat over 20 kg', { point: point('np-kyiv-pm'), parcel: { weightG: 21_000, dimensionsCm: { length: 40, width: 30, height: 20 } } }, 'Weight exceeds the Postomat limit of 20 kg', ['20000901054']],
    ['COD at a branch without cod', { point: point('np-kyiv-1'), parcel: { weightG: 500, dimensionsCm: { length: 10, width: 10, height: 10 }, cashOnDelivery: { amount: 10_000, currency: 'UAH' } } }, 'BackwardDeliveryData: cash on delivery is not available at this warehouse', ['20000400091']],
    ['a closed point', { point: point('np-lviv-1') }, 'RecipientAddress: the warehouse does not accept parcels now', ['20000200091']],
  ] as const)('%s is rejected with the carrier errors and codes', async (_name, patch, message, codes) => {
    const before = (await shipments()).length;
    expect(await connector().send(order('ord_bad', patch as Partial<CarrierOrder>), { mayExist: false })).toEqual({ kind: 'rejected', message, codes });
    expect((await shipments()).length).toBe(before);
  });

  it('several carrier errors are joined', async () => {
    const out = await connector().send(order('ord_bad2', { point: point('np-kyiv-pm'), parcel: { weightG: 21_000, dimensionsCm: { length: 50, width: 50, height: 50 }, declaredValue: { amount: 2_000_000, currency: 'UAH' } } }), { mayExist: false });
    expect(out).toEqual({
      kind: 'rejected',
      message: 'Weight exceeds the Postomat limit of 20 kg; OptionsSeat: dimensions exceed the Postomat cell limit of 40x60x30 cm; Cost exceeds the Postomat limit of 10000 UAH',
      codes: ['20000901054', '20000901055', '20000901056'],
    });
  });

  it.each([
    ['status=503', /HTTP 503/],
    ['malformed', /not JSON|malformed/],
    ['drop', /InternetDocument\.save/],
  ])('fault %s -> unknown', async (fault, message) => {
    const { doFetch } = recorder(() => fault);
    const out = await connector(doFetch).send(order('ord_fault'), { mayExist: false });
    expect(out.kind).toBe('unknown');
    expect(out.kind === 'unknown' && out.message).toMatch(message);
  });

  it('a timeout -> unknown', async () => {
    const { doFetch } = recorder(() => 'latency=2000');
    expect(await connector(doFetch, { timeoutMs: 50 }).send(order('ord_slow'), { mayExist: false })).toEqual({
      kind: 'unknown', message: 'Nova Poshta InternetDocument.save: timed out after 50 ms',
    });
  });

  it('an invalid IntDocNumber or a malformed data[0] -> unknown', async () => {
    const fake = (data: unknown[]): typeof fetch => async () => Response.json({ success: true, data, errors: [], errorCodes: [] });
    expect(await connector(fake([{ Ref: 'r', IntDocNumber: '12345678901234' }])).send(order('ord_x'), { mayExist: false })).toEqual({
      kind: 'unknown', message: 'Nova Poshta returned an invalid waybill number "12345678901234" (expected 14 digits starting with 20 or 59)',
    });
    expect((await connector(fake([{ IntDocNumber: '20450708132789' }])).send(order('ord_x'), { mayExist: false })).kind).toBe('unknown');
  });
});

describe('exactly once over a carrier that does not deduplicate', () => {
  it('commit-then-drop, then send(mayExist) finds the first document and creates no second', async () => {
    const drop = recorder((m) => (m === 'InternetDocument.save' ? 'commit-then-drop' : undefined));
    const first = await connector(drop.doFetch).send(order('ord_once'), { mayExist: false });
    expect(first.kind).toBe('unknown');
    const held = await shipments('ord_once');
    expect(held).toHaveLength(1);

    const { calls, doFetch } = recorder();
    const again = await connector(doFetch).send(order('ord_once'), { mayExist: true });
    expect(again).toEqual({ kind: 'accepted', shipment: { carrierRef: held[0]!.ref, trackNumber: held[0]!.intDocNumber } });
    expect(calls.map((c) => c.method)).toEqual(['InternetDocument.getDocumentList']);
    expect(calls[0]!.props).toEqual({ DateTimeFrom: '24.11.2026', DateTimeTo: '26.11.2026', GetFullList: '1', Page: '1' });
    expect(await shipments('ord_once')).toHaveLength(1);

    // Without mayExist the carrier happily makes a second one: that is why the flag exists.
    await connector().send(order('ord_once'), { mayExist: false });
    expect(await shipments('ord_once')).toHaveLength(2);
  });

  it('mayExist with nothing held saves once; a failing list call is unknown and saves nothing', async () => {
    const { calls, doFetch } = recorder();
    expect((await connector(doFetch).send(order('ord_new'), { mayExist: true })).kind).toBe('accepted');
    expect(calls.map((c) => c.method)).toEqual(['InternetDocument.getDocumentList', 'InternetDocument.save']);
    expect(await shipments('ord_new')).toHaveLength(1);

    const failing = recorder((m) => (m === 'InternetDocument.getDocumentList' ? 'status=500' : undefined));
    const out = await connector(failing.doFetch).send(order('ord_listfail'), { mayExist: true });
    expect(out).toEqual({ kind: 'unknown', message: 'Nova Poshta InternetDocument.getDocumentList: HTTP 500' });
    expect(failing.calls.map((c) => c.method)).toEqual(['InternetDocument.getDocumentList']);
    expect(await shipments('ord_listfail')).toHaveLength(0);
  });

  it('a deleted document is not "found": mayExist then saves a new one', async () => {
    const np = connector();
    const first = await np.send(order('ord_gone'), { mayExist: false });
    if (first.kind !== 'accepted') throw new Error('expected accepted');
    expect(await np.cancel(first.shipment, {})).toEqual({ kind: 'cancelled' });
    const again = await np.send(order('ord_gone'), { mayExist: true });
    expect(again.kind === 'accepted' && again.shipment.carrierRef).not.toBe(first.shipment.carrierRef);
    expect((await shipments('ord_gone')).map((s) => s.deleted)).toEqual([true, false]);
  });
});

describe('status mapping', () => {
  it.each([
    ['1', 'registered'], ['2', 'cancelled'], ['3', undefined],
    ['4', 'in_transit'], ['41', 'in_transit'], ['5', 'in_transit'], ['6', 'in_transit'], ['101', 'in_transit'], ['104', 'in_transit'], ['112', 'in_transit'], ['12', 'in_transit'],
    ['7', 'arrived_at_point'], ['8', 'arrived_at_point'],
    ['9', 'delivered'], ['10', 'delivered'], ['11', 'delivered'],
    ['102', 'returning'], ['103', 'returning'], ['105', 'returning'], ['106', 'returning'], ['111', 'returning'],
  ])('%s -> %s', (code, status) => {
    expect(npStatus(code)).toBe(status);
  });
});

describe('cancel and track against the moving carrier clock', () => {
  // A fresh store per describe is not possible (one sandbox per file): documents are told apart by their numbers.
  it('cancel: deleted at status 1, refused once handed over', async () => {
    const np = connector();
    const a = await np.send(order('ord_c1'), { mayExist: false });
    const b = await np.send(order('ord_c2'), { mayExist: false });
    if (a.kind !== 'accepted' || b.kind !== 'accepted') throw new Error('expected accepted');
    expect(await np.cancel(a.shipment, {})).toEqual({ kind: 'cancelled' });
    context.carrierClock.advance(7 * HOUR);
    expect(await np.cancel(b.shipment, {})).toEqual({ kind: 'refused', message: 'No document changed DeletionMark' });
    const { doFetch } = recorder(() => 'drop');
    expect((await connector(doFetch).cancel(b.shipment, {})).kind).toBe('unknown');
  });

  it('cancel after a delete that committed but lost its answer: the retry (20000201173) checks the document and is cancelled', async () => {
    const np = connector();
    const sent = await np.send(order('ord_c3'), { mayExist: false });
    if (sent.kind !== 'accepted') throw new Error('expected accepted');
    const lost = recorder((m) => (m === 'InternetDocument.delete' ? 'commit-then-drop' : undefined));
    expect((await connector(lost.doFetch).cancel(sent.shipment, {})).kind).toBe('unknown');
    expect((await shipments('ord_c3')).map((s) => s.deleted)).toEqual([true]);

    const { calls, doFetch } = recorder();
    expect(await connector(doFetch).cancel(sent.shipment, {})).toEqual({ kind: 'cancelled' });
    expect(calls.map((c) => c.method)).toEqual(['InternetDocument.delete', 'TrackingDocument.getStatusDocuments']);

    // The check itself failing says nothing: unknown, never refused.
    const failing = recorder((m) => (m === 'TrackingDocument.getStatusDocuments' ? 'status=503' : undefined));
    const out = await connector(failing.doFetch).cancel(sent.shipment, {});
    expect(out.kind).toBe('unknown');
    expect(out.kind === 'unknown' && out.message).toMatch(/^No document changed DeletionMark; checking the document failed: .*HTTP 503/);
  });

  it('cancel on 20000201173: a document the carrier no longer knows is cancelled, one still registered is unknown', async () => {
    const answer = (statusCode: string): typeof fetch => async (_input, init) => {
      const { calledMethod } = JSON.parse(String(init?.body)) as { calledMethod: string };
      return calledMethod === 'delete'
        ? Response.json({ success: false, data: [], errors: ['No document changed DeletionMark'], errorCodes: ['20000201173'] })
        : Response.json({ success: true, data: [{ Number: '20450708132789', StatusCode: statusCode }], errors: [] });
    };
    const shipment = { carrierRef: 'ref', trackNumber: '20450708132789' };
    expect(await connector(answer('3')).cancel(shipment, {})).toEqual({ kind: 'cancelled' });
    expect(await connector(answer('2')).cancel(shipment, {})).toEqual({ kind: 'cancelled' });
    expect((await connector(answer('1')).cancel(shipment, {})).kind).toBe('unknown');
    expect(await connector(answer('5')).cancel(shipment, {})).toEqual({ kind: 'refused', message: 'No document changed DeletionMark' });
    expect((await connector(answer('2')).cancel({ carrierRef: 'ref' }, {})).kind).toBe('unknown');
  });

  it('track: statuses, events newest first, eta, storage, returns, unknown numbers left out, chunks of 100', async () => {
    const np = connector();
    const sent: Array<{ trackNumber: string; phone: string; point: Branch }> = [];
    for (let i = 0; i < 12; i++) {
      const out = await np.send(order(`ord_t${i}`), { mayExist: false });
      if (out.kind !== 'accepted') throw new Error('expected accepted');
      sent.push({ trackNumber: out.shipment.trackNumber, phone: '+380671234567', point: point('np-kyiv-25') });
    }
    // A fresh document is registered, its eta is the scheduled date.
    const fresh = (await np.track([sent[0]!], {})) as CarrierTracking[];
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatchObject({ status: 'registered', events: [{ status: 'registered', carrierCode: '1', timeZone: 'Europe/Kyiv' }] });
    expect(fresh[0]!.eta).toMatch(/^2026-11-2\d$/);

    context.carrierClock.advance(20 * 24 * HOUR);
    const { calls, doFetch } = recorder();
    const many = [...sent, ...Array.from({ length: 95 }, (_, i) => ({ trackNumber: `20${String(i).padStart(12, '0')}`, phone: '', point: point('np-kyiv-25') }))];
    const tracked = (await connector(doFetch).track(many, {})) as CarrierTracking[];
    expect(calls.filter((c) => c.method === 'TrackingDocument.getStatusDocuments').map((c) => (c.props.Documents as unknown[]).length).slice(0, 2)).toEqual([100, 7]);
    expect(tracked.map((t) => t.trackNumber)).toEqual(sent.map((s) => s.trackNumber)); // unknown numbers left out
    for (const t of tracked) {
      const ats = t.events.map((e) => Date.parse(e.at));
      expect([...ats].sort((x, y) => y - x)).toEqual(ats); // newest first
      expect(t.events[0]!.status).toBe(t.status);
      for (const e of t.events) expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+02:00$/);
    }
    const statuses = new Set(tracked.map((t) => t.status));
    expect([...statuses].every((s) => s === 'delivered' || s === 'returned')).toBe(true);
    const received = tracked.find((t) => t.status === 'delivered')!;
    expect(received.events.map((e) => e.carrierCode)).toEqual(['9', '7', '6', '5', '4', '1']);
    expect(received.events[0]!.place).toBe('Відділення №25 (до 30 кг): вул. М. Тимошенка, 9');
    expect(received.storageUntil).toBeUndefined();
  });

  it('track: a refused parcel is returning, then returned once its 59… waybill is received; storage for a parcel at the point', async () => {
    // Outcomes follow from the numbers (tracking-plan.ts): pick a refused, a received and an unclaimed one.
    const np = connector();
    const base = (await shipments()).length;
    const mk = async (i: number) => {
      const out = await np.send(order(`ord_r${i}`), { mayExist: false });
      if (out.kind !== 'accepted') throw new Error('expected accepted');
      return out.shipment.trackNumber;
    };
    const numbers: string[] = [];
    for (let i = 0; i < 30; i++) numbers.push(await mk(i));
    expect(numbers[0]).toBe(npDocumentNumber(base + 1));
    const refused = numbers.find((n) => outcomeOf(n) === 'refused')!;
    const at = (n: string) => ({ trackNumber: n, phone: '380671234567', point: point('np-kyiv-25') });

    const unclaimed = numbers.find((n) => outcomeOf(n) === 'unclaimed')!;
    // An hour after the return waybill is made (the plan says when): returning, the 59… waybill at its first step.
    const plan = documentState(documentStore(context).byNumber(refused)!, 0).plan;
    context.carrierClock.advance(plan.returnAt! + HOUR - context.carrierClock.now().getTime());
    const returning = (await np.track([at(refused)], {})) as CarrierTracking[];
    expect(returning[0]!.status).toBe('returning');
    expect(returning[0]!.events.slice(0, 3).map((e) => `${e.status}:${e.carrierCode}`)).toEqual(['returning:1', 'returning:102', 'returning:103']);

    // Meanwhile (3-6 days after the save) the unclaimed parcel waits at the point (it is stopped after 7 days).
    const [waiting] = (await np.track([at(unclaimed)], {})) as CarrierTracking[];
    expect(waiting!.status).toBe('arrived_at_point');
    expect(waiting!.events[0]!.carrierCode).toBe('7');
    // 7 free days at a branch, the arrival day counting: the last free day is arrival + 6.
    expect(waiting!.storageUntil).toBe(addDays(waiting!.events[0]!.at.slice(0, 10), 6));

    context.carrierClock.advance(10 * 24 * HOUR);
    const back = (await np.track([at(refused)], {})) as CarrierTracking[];
    expect(back[0]!.status).toBe('returned');
    const codes = back[0]!.events.map((e) => `${e.status}:${e.carrierCode}`);
    expect(codes).toEqual([
      'returned:9', 'returning:7', 'returning:6', 'returning:5', 'returning:4', 'returning:1',
      'returning:102', 'returning:103', 'arrived_at_point:7', 'in_transit:6', 'in_transit:5', 'in_transit:4', 'registered:1',
    ]);
    expect(back[0]!.events[0]!.description).toBe(`59${refused.slice(2)}: Відправлення отримано`);
  });

  it('against the real API shape (no sandboxHistory): one event from the current status; storage from DatePayedKeeping', async () => {
    const fake: typeof fetch = async () => Response.json({
      success: true, errors: [], errorCodes: [],
      data: [{
        Number: '20450708132789', StatusCode: '7', Status: 'Прибув на відділення', TrackingUpdateDate: '2026-11-27 10:15:00',
        ScheduledDeliveryDate: '27-11-2026 09:00:00', WarehouseRecipient: 'Відділення №25', DateFirstDayStorage: '2026-11-27',
        DatePayedKeeping: '2026-12-04 00:00:00',
      }, { Number: '20450708132790', StatusCode: '3', Status: 'Номер не знайдено' }],
    });
    const out = await connector(fake).track([
      { trackNumber: '20450708132789', point: point('np-kyiv-25') }, { trackNumber: '20450708132790', point: point('np-kyiv-25') },
    ], {});
    expect(out).toEqual([{
      trackNumber: '20450708132789', status: 'arrived_at_point', eta: '2026-11-27', storageUntil: '2026-12-03',
      events: [{ status: 'arrived_at_point', carrierCode: '7', description: 'Прибув на відділення', at: '2026-11-27T10:15:00+02:00', timeZone: 'Europe/Kyiv', place: 'Відділення №25' }],
    }]);
    const noPaid: typeof fetch = async () => Response.json({ success: true, data: [{ Number: '20450708132789', StatusCode: 8, DateFirstDayStorage: '27.11.2026', TrackingUpdateDate: '27.11.2026 10:15:00' }] });
    const pm = (await connector(noPaid).track([{ trackNumber: '20450708132789', point: point('np-kyiv-pm') }], {})) as CarrierTracking[];
    expect(pm[0]!.storageUntil).toBe('2026-12-01'); // 5 free days in a postomat
    const bad: typeof fetch = async () => Response.json({ success: true, data: [{ StatusCode: '7' }] });
    expect((await connector(bad).track([{ trackNumber: '20450708132789', point: point('np-kyiv-25') }], {}))).toMatchObject({ kind: 'unknown' });
  });
});

describe('carrier dates', () => {
  it.each([
    '25.11.2026 25:61:00', '25.11.2026 24:00:00', '25.11.2026 10:60:00', '25.11.2026 10:00:60', '31.02.2026 10:00:00',
    '2026-02-29 10:00:00', '2026-13-01 10:00:00', '00.11.2026', '2026-11-25 1:05:00', 'вчора', '',
  ])('%j is not a date', (raw) => {
    expect(parseNpDateTime(raw)).toBeUndefined();
  });

  it('valid forms still read, and kyivIso refuses an impossible wall clock', () => {
    expect(parseNpDateTime('29.02.2028 23:59:59')).toEqual({ date: '2028-02-29', h: 23, mi: 59, s: 59 });
    expect(parseNpDateTime('2026-11-27')).toEqual({ date: '2026-11-27', h: 0, mi: 0, s: 0 });
    expect(kyivIso({ date: '2026-11-25', h: 25, mi: 61, s: 0 })).toBeUndefined();
    expect(kyivIso({ date: '2026-02-31', h: 10, mi: 0, s: 0 })).toBeUndefined();
    expect(kyivIso({ date: '2026-07-01', h: 10, mi: 0, s: 0 })).toBe('2026-07-01T10:00:00+03:00');
  });

  it('track drops events whose time is invalid, keeps the others, and never answers a NaN time', async () => {
    const fake: typeof fetch = async () => Response.json({
      success: true, errors: [],
      data: [{
        Number: '20450708132789', StatusCode: '5', Status: 'Прямує', TrackingUpdateDate: '25.11.2026 25:61:00',
        ScheduledDeliveryDate: '31.02.2026 10:00:00',
        sandboxHistory: [
          { StatusCode: '1', Status: 'Створено', DateTime: '25.11.2026 10:00:00' },
          { StatusCode: '4', Status: 'У місті відправника', DateTime: '25.11.2026 25:61:00' },
          { StatusCode: '41', Status: 'Сортування', DateTime: '31.02.2026 10:00:00' },
          { StatusCode: '5', Status: 'Прямує', DateTime: '26.11.2026 08:30:00' },
        ],
      }, { Number: '20450708132790', StatusCode: '5', Status: 'Прямує', TrackingUpdateDate: '25.11.2026 10:00:99' }],
    });
    const out = await connector(fake).track([
      { trackNumber: '20450708132789', point: point('np-kyiv-25') }, { trackNumber: '20450708132790', point: point('np-kyiv-25') },
    ], {});
    if (!Array.isArray(out)) throw new Error(out.message);
    expect(out[0]!.events.map((e) => [e.carrierCode, e.at])).toEqual([['5', '2026-11-26T08:30:00+02:00'], ['1', '2026-11-25T10:00:00+02:00']]);
    expect(out[0]!.eta).toBeUndefined();
    expect(out[1]).toEqual({ trackNumber: '20450708132790', status: 'in_transit', events: [] });
    for (const t of out) for (const e of t.events) expect(Number.isFinite(Date.parse(e.at))).toBe(true);
  });
});
