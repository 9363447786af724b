// Every place the widget relies on Leaflet beyond its public API, checked against the installed
// Leaflet so an upgrade fails here, loudly, instead of in a customer's checkout:
//   1. map/leaflet-slim.js imports Leaflet's ES sources by path (leaflet/src/...) and their named exports.
//   2. map/leaflet-slim.js leaves out every vector layer: the built-in basemap (map/basemap.ts) draws on
//      GridLayer tiles instead.
//   3. scripts/leaflet-swaps.ts + map/leaflet-marker-stubs.js: Marker.js imports ./Icon.Default and
//      ./Marker.Drag, builds `new IconDefault()` for its default options and only makes a MarkerDrag
//      `if (MarkerDrag)`.
// The slim file is bundled here exactly as the script-tag build does (same swaps) and run in jsdom.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { moduleSwaps } from '../../../scripts/module-swaps.js';
import { leafletSwaps } from '../../../scripts/leaflet-swaps.js';

const root = resolve(import.meta.dirname, '../../..');
const src = join(root, 'widget/src');
const leafletSrc = join(root, 'node_modules/leaflet/src');
const version = (JSON.parse(readFileSync(join(root, 'node_modules/leaflet/package.json'), 'utf8')) as { version: string }).version;
const upgrade = `Leaflet ${version} no longer matches what the widget relies on`;

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
// jsdom ships no types here (no @types/jsdom): only its constructor is used.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string, options: object) => { window: unknown } };

/** A jsdom window whose canvases have a do-nothing 2D context (jsdom has none). */
function browser(): Any {
  const { window } = new JSDOM('<!doctype html><div id="map" style="width:400px;height:300px"></div>', { runScripts: 'outside-only', pretendToBeVisual: true });
  const ctx: Any = new Proxy({}, { get: (t: Any, k) => (k in t ? t[k as string] : () => undefined), set: (t: Any, k, v) => ((t[k as string] = v), true) });
  const w = window as Any;
  w.HTMLCanvasElement.prototype.getContext = () => ctx;
  return w;
}

/** Runs a classic script in a fresh window and returns one global of it. */
function run(code: string, global: string): Any {
  const window = browser();
  window.eval(code);
  const value = window[global] as Any | undefined;
  if (!value) throw new Error(`${global} was not defined`);
  return { window, value };
}

/** map/leaflet-slim.js bundled as branch-picker.js bundles it: `leaflet` and the marker stubs swapped. */
async function bundleSlim(): Promise<string> {
  const entryId = '\0bp-leaflet-entry';
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    plugins: [
      {
        name: 'entry', enforce: 'pre',
        resolveId: (id) => (id.endsWith('bp-leaflet-entry') && !id.startsWith('\0') ? entryId : null),
        load: (id) => (id === entryId ? "export * from 'leaflet';\n" : null),
      },
      moduleSwaps('leaflet-internals.test', leafletSwaps(src), root),
    ],
    build: { write: false, minify: false, lib: { entry: 'bp-leaflet-entry', formats: ['iife'], name: 'SlimL', fileName: () => 'slim.js' } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((c) => c.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('no bundle');
  return chunk.code;
}

let slim: Any;
let slimWindow: Any;
let full: Any;
let fullWindow: Any;

beforeAll(async () => {
  ({ value: slim, window: slimWindow } = run(await bundleSlim(), 'SlimL'));
  ({ value: full, window: fullWindow } = run(readFileSync(join(root, 'node_modules/leaflet/dist/leaflet-src.js'), 'utf8'), 'L'));
}, 60_000);

function mapIn(window: Any, L: Any): Any {
  const div = window.document.getElementById('map');
  Object.defineProperty(div, 'clientWidth', { value: 400 });
  Object.defineProperty(div, 'clientHeight', { value: 300 });
  return L.map(div, { zoomControl: false, attributionControl: false }).setView([50, 30], 5);
}

describe(`Leaflet internals the widget relies on (installed Leaflet ${version})`, () => {
  it('1. the ES source modules imported by map/leaflet-slim.js exist', () => {
    const slimText = readFileSync(join(src, 'map/leaflet-slim.js'), 'utf8');
    const paths = [...slimText.matchAll(/from '(leaflet\/src\/[^']+)'/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(10);
    const missing = paths.filter((p) => {
      const rel = p.slice('leaflet/src/'.length);
      const dir = join(leafletSrc, rel, '..');
      try {
        return !readdirSync(dir).includes(`${rel.split('/').pop()}.js`);
      } catch {
        return true;
      }
    });
    expect(missing, `${upgrade}: map/leaflet-slim.js imports modules that are gone`).toEqual([]);
  });

  it('1. map/leaflet-slim.js exports everything the widget calls on `L`', () => {
    const used = new Set<string>();
    for (const f of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
      const text = readFileSync(join(src, f), 'utf8');
      if (!/import \* as L from 'leaflet'/.test(text)) continue;
      for (const m of text.matchAll(/\bL\.([A-Za-z]+)/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(5);
    // Names the full Leaflet has at run time (types such as L.LatLngExpression do not count).
    const runtime = [...used].filter((n) => n in full);
    const missing = runtime.filter((n) => slim[n] === undefined);
    expect(missing, `map/leaflet-slim.js lacks what the widget uses (script-tag build only)`).toEqual([]);
  });

  it('2. the slim bundle has no vector layers or renderers (the basemap draws on GridLayer tiles)', () => {
    for (const name of ['Polyline', 'Polygon', 'Canvas', 'SVG', 'Path', 'Renderer']) expect(slim[name], name).toBeUndefined();
    expect(typeof slim.GridLayer.extend).toBe('function');
  });

  it('3. Marker.js imports ./Icon.Default and ./Marker.Drag and only uses them as the stubs allow', () => {
    const marker = readFileSync(join(leafletSrc, 'layer/marker/Marker.js'), 'utf8');
    expect(marker, `${upgrade}: Marker.js no longer imports {IconDefault} from './Icon.Default' (scripts/leaflet-swaps.ts)`).toMatch(/import \{IconDefault\} from '\.\/Icon\.Default';/);
    expect(marker, `${upgrade}: Marker.js no longer imports {MarkerDrag} from './Marker.Drag' (scripts/leaflet-swaps.ts)`).toMatch(/import \{MarkerDrag\} from '\.\/Marker\.Drag';/);
    expect([...marker.matchAll(/\bIconDefault\b/g)].length, `${upgrade}: Marker.js uses IconDefault beyond \`new IconDefault()\``).toBe(2);
    expect(marker, `${upgrade}: Marker.js no longer guards marker dragging with if (MarkerDrag)`).toMatch(/if \(MarkerDrag\) \{/);
  });

  it('3. with the stubs, a marker with its own icon renders and is not draggable', () => {
    const map = mapIn(slimWindow, slim);
    const m = slim.marker([50, 30], { icon: slim.divIcon({ className: 'bp-icon', html: '<b>1</b>' }) }).addTo(map);
    expect(m.getElement()?.className).toContain('bp-icon');
    expect(m.dragging).toBeUndefined();
    map.remove();
  });
});
