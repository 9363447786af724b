// Chaos run for exactly-once: order intents go through the shop client while a share of the responses is dropped,
// failed or lost after the commit at BOTH hops (client -> order API, order API -> carrier), and duplicate requests
// race the client. The oracle counts shipments on the carriers' side (their sandbox admin routes).
import { createOrderClient, type OrderIntent } from '../../../../widget/src/orders/index.js';
import type { Branch } from '../../../../widget/src/model/index.js';
import type { CreatedOrder } from '../../../../widget/src/model/order.js';
import { isNovaPoshtaTtn, isRussianPostTrack } from '../../../../widget/src/core/track-number.js';
import { generateDataset } from '../../dataset/index.js';
import { createRng } from '../../dataset/prng.js';
import { defaultConnectors } from '../connectors/index.js';
import { startHarness, type Harness } from './harness.js';

export interface ChaosOptions {
  intents: number;
  /** Share of responses affected at each hop (default 0.3): a third each dropped, 503, committed-then-dropped. */
  failureRate?: number;
  /** Share of intents that also get a racing duplicate request with the same key (default 0.2). */
  duplicateRate?: number;
  /** Intents submitted at once (default 25). */
  concurrency?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface ChaosReport {
  intents: number;
  fulfilled: number;
  lost: number;
  ordersInDb: number;
  /** Live shipments at the carriers for our orders; duplicates = shipments beyond one per order. */
  carrierShipments: number;
  duplicateShipments: number;
  ordersWithoutShipment: number;
  ordersWithTrackNumber: number;
  trackNumbersMatching: number;
  faultsApplied: { clientHop: number; carrierHop: number };
  duplicateRequests: number;
  dispatcher: { sent: number; unknown: number; reconciled: number; rejected: number };
  ms: number;
}

/** Three fault kinds sharing `rate`: P(drop) = r/3, then 503, then commit-then-drop, each conditional on the earlier ones missing. */
function scenarios(match: string, rate: number) {
  const third = rate / 3;
  return [
    { match, drop: true, probability: third },
    { match, status: 503, probability: third / (1 - third) },
    { match, commitThenDrop: true, probability: third / (1 - 2 * third) },
  ];
}

function pickPoints(branches: readonly Branch[], carrier: string, n: number): Branch[] {
  return branches.filter((b) => b.carrier === carrier && b.status === 'open' && b.type === 'post_office'
    && (b.limits.maxWeightG ?? Infinity) >= 2000).slice(0, n);
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export async function runChaos(o: ChaosOptions): Promise<ChaosReport> {
  const started = performance.now();
  const rate = o.failureRate ?? 0.3;
  const rng = createRng(o.seed ?? 7, 'chaos');
  const random = () => rng.next();
  const dataset = generateDataset({ size: 'small' });
  const h: Harness = await startHarness({
    dataset,
    connectors: (base) => defaultConnectors({ baseUrl: base, timeoutMs: 3_000 }),
    oms: { dispatcher: { leaseMs: 15_000, retryBaseMs: 20, retryCapMs: 400, concurrency: 8 } },
    start: true,
  });
  try {
    const points = [...pickPoints(dataset.branches, 'russian-post', 12), ...pickPoints(dataset.branches, 'nova-poshta', 12)];
    if (points.length < 2) throw new Error('chaos: no open points in the dataset');
    for (const s of [...scenarios('/api/v1/orders', rate), ...scenarios('russian-post', rate), ...scenarios('nova-poshta', rate)]) {
      const res = await fetch(`${h.base}/__sandbox/scenario`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(s) });
      if (res.status !== 201) throw new Error(`chaos: scenario refused: ${await res.text()}`);
    }
    const client = createOrderClient({
      apiBase: h.base, configId: 'demo', maxAttempts: 60, attemptTimeoutMs: 4_000, baseDelayMs: 10, maxDelayMs: 200,
    });
    const intents: OrderIntent[] = Array.from({ length: o.intents }, (_, i) => {
      const point = points[Math.floor(random() * points.length)]!;
      const ua = point.address.country === 'UA';
      return {
        orderNumber: `CH-${o.seed ?? 7}-${i}`,
        pointId: point.id,
        carrier: point.carrier,
        parcel: { weightG: 500 + Math.floor(random() * 1500), dimensionsCm: { length: 20, width: 15, height: 10 } },
        recipient: { givenName: ua ? 'Олена' : 'Анна', surname: ua ? 'Коваль' : 'Иванова', phone: ua ? '+380671234567' : '+79123456789' },
      };
    });
    let duplicateRequests = 0;
    const results: Array<CreatedOrder | undefined> = new Array(o.intents);
    let next = 0;
    const worker = async () => {
      while (next < intents.length) {
        const i = next++;
        const intent = intents[i]!;
        const first = client.submit(intent);
        // A double click: the same intent again while the first is in flight joins it.
        const again = random() < 0.1 ? client.submit(intent) : undefined;
        if (random() < (o.duplicateRate ?? 0.2)) {
          // Another tab resuming the same intent: the same key and payload, raw, racing the client.
          duplicateRequests++;
          void (async () => {
            const pending = (await client.pending()).find((p) => p.intentId === intent.orderNumber);
            if (!pending) return;
            await fetch(`${h.base}/api/v1/orders`, {
              method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `"${pending.key}"` }, body: JSON.stringify(pending.input),
            }).then((r) => r.arrayBuffer(), () => undefined);
          })();
        }
        try {
          results[i] = await first;
          if (again) {
            const twin = await again;
            if (twin.id !== results[i]!.id) throw new Error(`double submit of ${intent.orderNumber} gave two orders`);
          }
        } catch (e) {
          o.log?.(`intent ${intent.orderNumber}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: o.concurrency ?? 25 }, worker));

    // Let the dispatcher finish under the carrier-side faults (they stay on).
    const deadline = Date.now() + 120_000;
    for (;;) {
      const counts = await h.oms.store.outboxCounts();
      if (!counts.pending && !counts.in_flight) break;
      if (Date.now() > deadline) throw new Error(`chaos: outbox did not drain: ${JSON.stringify(counts)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const faults = await json<{ scenarios: Array<{ id: string; match: string; applied: number }> }>(await fetch(`${h.base}/__sandbox/scenario`));
    const applied = (pred: (m: string) => boolean) => faults.scenarios.filter((s) => pred(s.match)).reduce((a, s) => a + s.applied, 0);
    await fetch(`${h.base}/__sandbox/scenario`, { method: 'DELETE' });

    const rp = await json<{ items: Array<{ orderNum: string; barcode?: string; deleted: boolean }> }>(await fetch(`${h.base}/__sandbox/russian-post/shipments`));
    const np = await json<{ items: Array<{ clientBarcode: string; intDocNumber: string; deleted: boolean }> }>(await fetch(`${h.base}/__sandbox/nova-poshta/shipments`));
    const atCarrier = new Map<string, string[]>();
    for (const s of rp.items) if (!s.deleted) atCarrier.set(s.orderNum, [...(atCarrier.get(s.orderNum) ?? []), s.barcode ?? '']);
    for (const s of np.items) if (!s.deleted) atCarrier.set(s.clientBarcode, [...(atCarrier.get(s.clientBarcode) ?? []), s.intDocNumber]);

    const fulfilled = results.filter((r): r is CreatedOrder => r !== undefined);
    let withTrack = 0;
    let matching = 0;
    let withoutShipment = 0;
    for (const r of fulfilled) {
      const row = await h.oms.store.getOrder(r.id);
      const shipments = atCarrier.get(r.id) ?? [];
      if (shipments.length === 0) withoutShipment++;
      const track = row?.track_number ?? '';
      if (track && (isRussianPostTrack(track) || isNovaPoshtaTtn(track))) withTrack++;
      if (track && shipments.length === 1 && shipments[0] === track) matching++;
    }
    const ours = [...atCarrier].filter(([id]) => id.startsWith('ord_'));
    const total = ours.reduce((a, [, s]) => a + s.length, 0);
    return {
      intents: o.intents,
      fulfilled: fulfilled.length,
      lost: o.intents - fulfilled.length,
      ordersInDb: await h.oms.store.countOrders(),
      carrierShipments: total,
      duplicateShipments: total - ours.length,
      ordersWithoutShipment: withoutShipment,
      ordersWithTrackNumber: withTrack,
      trackNumbersMatching: matching,
      faultsApplied: { clientHop: applied((m) => m.startsWith('/api/')), carrierHop: applied((m) => !m.startsWith('/api/')) },
      duplicateRequests,
      dispatcher: { ...h.oms.dispatcher.stats },
      ms: Math.round(performance.now() - started),
    };
  } finally {
    await h.close();
  }
}
