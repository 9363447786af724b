// Baseline: the usual client-side clustering integration. Load every point as JSON, make one
// L.marker each and hand them to L.markerClusterGroup in one addLayers call (its fast bulk path).
// No basemap tiles (no internet), like tile-url="none" on our side.
import * as L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';

interface ListPoint {
  id: string;
  lat: number;
  lng: number;
  name: string;
}

interface BenchProbe {
  readyAt: number | null;
  fatal: string | null;
}

// leaflet.markercluster extends the global `L` that Leaflet's UMD build sets; the bundler's
// namespace object for `import * as L` is a snapshot taken before that, so read the global.
const Lg = (window as unknown as { L: typeof L }).L;
const probe = (window as unknown as { __bench: BenchProbe }).__bench;

async function main(): Promise<void> {
  Lg.Icon.Default.imagePath = '/leaflet-images/';
  const params = new URLSearchParams(location.search);
  const [lat, lng] = (params.get('center') ?? '55.751,37.618').split(',').map(Number);
  const map = Lg.map('map', { center: [lat ?? 55.751, lng ?? 37.618], zoom: Number(params.get('zoom') ?? 10), maxZoom: 19 });
  const res = await fetch(`/bench/points.json?n=${params.get('n') ?? '50000'}`);
  const points = (await res.json()) as ListPoint[];
  const group = Lg.markerClusterGroup();
  group.addLayers(points.map((p) => Lg.marker([p.lat, p.lng], { title: p.name })));
  map.addLayer(group);
  requestAnimationFrame(() => {
    probe.readyAt = performance.now();
  });
}

main().catch((e: unknown) => {
  probe.fatal = String(e);
});
