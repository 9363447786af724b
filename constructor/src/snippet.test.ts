// @vitest-environment jsdom
// (a real HTML parser checks that escaped values stay inside their attribute)
import { describe, expect, it } from 'vitest';
import type { WidgetConfig } from '../../widget/src/model/config.js';
import { WIDGET_DEFAULTS } from './defaults.js';
import { buildElement, buildJs, buildScriptTag, buildSnippets, elementAttributes, escapeAttr, safeJson } from './snippet.js';

const SRC = { scriptUrl: 'https://cdn.example/widget/dist/branch-picker.js', integrity: 'sha384-abc+/=' };
const EVIL = `"><script>alert('x')</script>&amp;`;

function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Parse the HTML snippet the way a browser would and return the element's attributes. */
function parsedAttrs(html: string): Record<string, string> {
  const doc = parseHtml(html);
  const el = doc.querySelector('branch-picker');
  if (!el) throw new Error('no element');
  return Object.fromEntries([...el.attributes].map((a) => [a.name, a.value]));
}

describe('escapeAttr', () => {
  it('neutralises quotes, angle brackets and ampersands', () => {
    expect(escapeAttr(`a"b'c<d>e&f`)).toBe('a&quot;b&#39;c&lt;d&gt;e&amp;f');
  });
});

describe('safeJson', () => {
  it('cannot close a script element and still parses back to the same value', () => {
    const value = { font: '</script><!-- & \u2028' };
    const json = safeJson(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('elementAttributes', () => {
  it('leaves out settings equal to the widget defaults', () => {
    const config: WidgetConfig = {
      carriers: ['nova-poshta', 'russian-post'], types: ['parcel_locker', 'post_office', 'pickup_point'],
      layout: 'both', mode: 'inline', sort: 'nearest', hideUnfit: false,
    };
    expect(elementAttributes(config)).toEqual([]);
    expect(elementAttributes({ ...config, carriers: [], types: [], name: WIDGET_DEFAULTS.name, zoom: WIDGET_DEFAULTS.zoom,
      center: { ...WIDGET_DEFAULTS.center }, tileUrl: WIDGET_DEFAULTS.tileUrl })).toEqual([]);
    expect(buildElement(config)).toBe('<branch-picker></branch-picker>');
  });

  it('writes non-default settings as kebab-case attributes', () => {
    const config: WidgetConfig = {
      carriers: ['nova-poshta'], types: ['parcel_locker', 'pickup_point'], lang: 'uk', center: { lat: 50.45, lng: 30.52 },
      zoom: 11, layout: 'list', mode: 'modal', tileUrl: '/tiles/{z}/{x}/{y}.png', name: 'delivery_point', apiBase: 'https://api.example',
    };
    expect(Object.fromEntries(elementAttributes(config))).toEqual({
      name: 'delivery_point', 'api-base': 'https://api.example', carriers: 'nova-poshta', types: 'parcel_locker,pickup_point',
      lang: 'uk', center: '50.45,30.52', zoom: '11', layout: 'list', mode: 'modal', 'tile-url': '/tiles/{z}/{x}/{y}.png',
    });
  });

  it('writes the attributes in one stable order: those a saved config id keeps, then the attribute table\'s', () => {
    const config: WidgetConfig = {
      trackUrl: '/t/{orderId}', order: true, npApiKey: 'k', feed: 'nova-poshta', tileUrl: '/x/{z}/{x}/{y}.png', mode: 'modal', layout: 'map',
      zoom: 5, center: { lat: 1, lng: 2 }, lang: 'en', types: ['post_office'], carriers: ['nova-poshta'], apiBase: '/api', name: 'pick',
    };
    expect(elementAttributes(config, { elementId: 'bp' })).toEqual([
      ['id', 'bp'], ['name', 'pick'], ['api-base', '/api'], ['carriers', 'nova-poshta'], ['types', 'post_office'], ['lang', 'en'],
      ['center', '1,2'], ['zoom', '5'], ['layout', 'map'], ['mode', 'modal'], ['tile-url', '/x/{z}/{x}/{y}.png'], ['feed', 'nova-poshta'],
      ['np-api-key', 'k'], ['order', ''], ['track-url', '/t/{orderId}'],
    ]);
    expect(elementAttributes(config, { configId: 'c1' }).map(([n]) => n)).toEqual(['name', 'api-base', 'config-id']);
  });

  it('uses the default API base only when the config has none', () => {
    expect(elementAttributes({}, { defaultApiBase: 'https://sandbox.example' })).toEqual([['api-base', 'https://sandbox.example']]);
    expect(elementAttributes({ apiBase: '/mine' }, { defaultApiBase: 'https://sandbox.example' })).toEqual([['api-base', '/mine']]);
  });

  it('with a saved config id, refers to it instead of repeating the settings', () => {
    const attrs = elementAttributes({ lang: 'en', layout: 'map', name: 'pick' }, { configId: 'cfg_1' });
    expect(attrs).toEqual([['name', 'pick'], ['config-id', 'cfg_1']]);
  });
});

describe('escaping owner-provided strings', () => {
  it('keeps hostile attribute values inside their attribute', () => {
    const config: WidgetConfig = { name: EVIL, tileUrl: `https://t.example/{z}/{x}/{y}.png?a=1&b="<x>"` };
    const html = buildElement(config, { configId: `id"&<` });
    expect(html).not.toContain('<script>');
    const attrs = parsedAttrs(html);
    expect(attrs.name).toBe(EVIL);
    expect(attrs['config-id']).toBe(`id"&<`);
    expect(Object.keys(attrs)).toEqual(['name', 'config-id']);
  });

  it('keeps hostile strings in the JS snippet as data', () => {
    const config: WidgetConfig = { theme: { font: `</script><script>alert(1)</script>` }, origin: { country: 'RU', city: `O'Brien "&" <city>` } };
    const js = buildJs(config);
    expect(js).not.toContain('</script>');
    const objectLiteral = js.slice(js.indexOf('...{') + 3, js.lastIndexOf(' };'));
    expect(JSON.parse(objectLiteral)).toEqual({ theme: config.theme, origin: config.origin });
  });

  it('escapes the script URL and integrity', () => {
    const tag = buildScriptTag({ scriptUrl: 'https://x.example/a.js?"onload="alert(1)', integrity: 'sha384-"x' });
    const doc = parseHtml(tag);
    const script = doc.querySelector('script');
    expect(script?.getAttribute('src')).toBe('https://x.example/a.js?"onload="alert(1)');
    expect(script?.hasAttribute('onload')).toBe(false);
  });
});

describe('buildScriptTag', () => {
  it('adds integrity with crossorigin=anonymous when the hash is known', () => {
    expect(buildScriptTag(SRC)).toBe(
      '<script src="https://cdn.example/widget/dist/branch-picker.js" integrity="sha384-abc+/=" crossorigin="anonymous" defer></script>',
    );
  });
  it('drops both when the hash is unknown', () => {
    expect(buildScriptTag({ scriptUrl: SRC.scriptUrl })).toBe('<script src="https://cdn.example/widget/dist/branch-picker.js" defer></script>');
  });
});

describe('buildJs', () => {
  it('sets only property-only, non-default settings and listens to bp-change', () => {
    const js = buildJs({ lang: 'en', sort: 'nearest', hideUnfit: true, carrierTimeoutMs: 5000 });
    expect(js).toContain("addEventListener('bp-change'");
    expect(js).toContain('"hideUnfit": true');
    expect(js).toContain('"carrierTimeoutMs": 5000');
    expect(js).not.toContain('"sort"');
    expect(js).not.toContain('"lang"');
  });
  it('omits the config assignment when nothing needs it, or a config id carries it', () => {
    expect(buildJs({ lang: 'en' })).not.toContain('picker.config');
    expect(buildJs({ hideUnfit: true }, { configId: 'c1' })).not.toContain('picker.config');
  });
});

describe('buildSnippets', () => {
  it('assembles script, element and module script; the element is found by the JS', () => {
    const s = buildSnippets({ layout: 'map', hideUnfit: true }, SRC);
    expect(s.missingIntegrity).toBe(false);
    const doc = parseHtml(s.html);
    const scripts = doc.querySelectorAll('script');
    expect(scripts).toHaveLength(2);
    expect(scripts[0]?.getAttribute('integrity')).toBe(SRC.integrity);
    expect(scripts[1]?.getAttribute('type')).toBe('module');
    expect(doc.querySelector('#branch-picker')?.getAttribute('layout')).toBe('map');
    expect(s.js).toContain("document.querySelector('#branch-picker')");
    expect(s.npmInstall).toBe('npm i branch-picker');
    expect(s.npmModule.startsWith("import 'branch-picker/define';")).toBe(true);
  });
  it('reports a missing integrity hash', () => {
    expect(buildSnippets({}, { scriptUrl: SRC.scriptUrl }).missingIntegrity).toBe(true);
  });
});
