// 2. The points feed at `full` (90k points) over real HTTP on localhost, server in its own process.
// Ours: the tiles of each view (server-side clusters), six in flight like a browser.
// Baseline: the same view answered with every point record in its bbox, one JSON document
// (the "whole list" model that client-side clustering needs).
import { lngLatToTile, tileKey, type TileCoord } from '../../widget/src/core/geo.js';
import { startChildServer } from '../lib/child-server.js';
import { dataset } from '../lib/datasets.js';
import { browserLikeAgent, get, pool, type Fetched } from '../lib/http-client.js';
import type { Section } from '../lib/section.js';
import { median, percentile, sum } from '../lib/stats.js';
import { makeViews, VIEW_H, VIEW_W } from '../lib/viewports.js';

const VIEW_P95_BUDGET_MS = 100;

export const feedSection: Section = {
  id: 'feed',
  title: '2. Feed: tiles with server-side clusters vs the whole list (full, 90k points)',
  async run(report, { quick }) {
    const server = await startChildServer('full');
    const agent = browserLikeAgent();
    try {
      const branches = dataset('full').branches;
      const tileUrl = (t: TileCoord) => `${server.base}/api/v1/tiles/${t.z}/${t.x}/${t.y}`;
      const listUrl = (b: { west: number; south: number; east: number; north: number }) =>
        `${server.base}/bench/whole-list?bbox=${b.west},${b.south},${b.east},${b.north}`;

      // At least 200 tile requests (400 in a full run), views cycling through zoom 3..14.
      const minTiles = quick ? 200 : 400;
      let passes = 1;
      let views = makeViews(branches, passes);
      while (sum(views.map((v) => v.tiles.length)) < minTiles) views = makeViews(branches, ++passes);
      // Warm-up: JIT both handlers and open the sockets; none of this is measured.
      for (const v of makeViews(branches, 1, 7)) {
        await pool(v.tiles.map((t) => () => get(tileUrl(t), agent)), 6);
        if (v.zoom >= 8) await get(listUrl(v.bbox), agent);
      }

      // Ours first, then the baseline: the whole lists leave up to 100 MB of garbage per answer in the
      // server, and the GC pauses that follow would otherwise land on our tile requests.
      const tileMs: number[] = [];
      const ours: Array<{ ms: number; wire: number; raw: number }> = [];
      for (const v of views) {
        const t0 = performance.now();
        const got = await pool(v.tiles.map((t) => () => get(tileUrl(t), agent)), 6);
        const ms = performance.now() - t0;
        for (const g of got) {
          if (g.status !== 200) throw new Error(`tile answered ${g.status}`);
          tileMs.push(g.ms);
        }
        ours.push({ ms, wire: sum(got.map((g) => g.wireBytes)), raw: sum(got.map((g) => g.rawBytes)) });
      }
      const base: Fetched[] = [];
      for (const v of views) {
        const whole = await get(listUrl(v.bbox), agent);
        if (whole.status !== 200) throw new Error(`whole list answered ${whole.status}`);
        base.push(whole);
      }
      const byZoom = views.map((v, i) => `z${v.zoom} ${ours[i]!.ms.toFixed(0)}/${base[i]!.ms.toFixed(0)}`);
      report.note(`${views.length} views (${VIEW_W}x${VIEW_H} px, zoom 3..14, centred on random points), ${tileMs.length} tile requests; server warm-up ${server.warmMs.toFixed(0)} ms`);
      report.note(`per view, ms (tiles/whole list): ${byZoom.join(', ')}`);

      const baseMs = base.map((b) => b.ms);
      report.add({
        metric: 'tile request latency, median', value: median(tileMs), unit: 'ms',
        baseline: { label: 'whole-list request', value: median(baseMs), unit: 'ms' },
        ratio: median(baseMs) / median(tileMs), ratioMeaning: 'faster per request',
      });
      report.add({
        metric: 'tile request latency, p95', value: percentile(tileMs, 95), unit: 'ms',
        baseline: { label: 'whole-list request', value: percentile(baseMs, 95), unit: 'ms' },
        ratio: percentile(baseMs, 95) / percentile(tileMs, 95), ratioMeaning: 'faster per request',
      });
      const viewMs = ours.map((o) => o.ms);
      report.add({
        metric: 'view loaded (all its tiles, 6 in flight), median', value: median(viewMs), unit: 'ms',
        baseline: { label: 'whole list of the view', value: median(baseMs), unit: 'ms' },
        ratio: median(baseMs) / median(viewMs), ratioMeaning: 'faster',
      });
      const p95 = percentile(viewMs, 95);
      report.add({
        metric: 'view loaded (all its tiles), p95', value: p95, unit: 'ms',
        baseline: { label: 'whole list of the view', value: percentile(baseMs, 95), unit: 'ms' },
        ratio: percentile(baseMs, 95) / p95, ratioMeaning: 'faster',
        budget: `<= ${VIEW_P95_BUDGET_MS} ms (zoom step / filter budget, feed share)`, ok: p95 <= VIEW_P95_BUDGET_MS,
      });
      const oursWire = sum(ours.map((o) => o.wire));
      const baseWire = sum(base.map((b) => b.wireBytes));
      report.add({
        metric: `bytes over the wire for the ${views.length} views (gzip)`, value: oursWire, unit: 'B',
        baseline: { label: 'whole lists', value: baseWire, unit: 'B' },
        ratio: baseWire / oursWire, ratioMeaning: 'smaller',
      });
      const oursRaw = sum(ours.map((o) => o.raw));
      const baseRaw = sum(base.map((b) => b.rawBytes));
      report.add({
        metric: `decoded JSON for the ${views.length} views`, value: oursRaw, unit: 'B',
        baseline: { label: 'whole lists', value: baseRaw, unit: 'B' },
        ratio: baseRaw / oursRaw, ratioMeaning: 'smaller',
      });

      // Country-level view: every tile that holds at least one RU/UA point, at z 3 and 4.
      const everything = await get(listUrl({ west: -180, south: -85.06, east: 180, north: 85.06 }), agent);
      for (const z of [3, 4]) {
        const tiles = coveringTiles(branches, z);
        const got = await pool(tiles.map((t) => () => get(tileUrl(t), agent)), 6);
        const gz = sum(got.map((g) => g.wireBytes));
        const raw = sum(got.map((g) => g.rawBytes));
        report.add({
          metric: `country view z=${z} (${tiles.length} tiles covering RU+UA), gzip`, value: gz, unit: 'B',
          baseline: { label: 'whole list of RU+UA, gzip', value: everything.wireBytes, unit: 'B' },
          ratio: everything.wireBytes / gz, ratioMeaning: 'smaller',
        });
        report.add({
          metric: `country view z=${z}, raw JSON`, value: raw, unit: 'B',
          baseline: { label: 'whole list of RU+UA, raw', value: everything.rawBytes, unit: 'B' },
          ratio: everything.rawBytes / raw, ratioMeaning: 'smaller',
        });
      }
    } finally {
      agent.destroy();
      await server.stop();
    }
  },
};

function coveringTiles(points: ReadonlyArray<{ lat: number; lng: number }>, z: number): TileCoord[] {
  const seen = new Map<string, TileCoord>();
  for (const p of points) {
    const t = lngLatToTile(p.lng, p.lat, z);
    seen.set(tileKey(t), t);
  }
  return [...seen.values()];
}
