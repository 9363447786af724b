import { describe, expect, it } from 'vitest';
import { DEFAULTS, parseAttribute, parseConfig, resolveSettings } from './settings.js';

describe('resolveSettings', () => {
  it('uses the defaults when no attribute is set', () => {
    const { settings, issues } = resolveSettings({});
    expect(issues).toEqual([]);
    expect(settings).toEqual(DEFAULTS);
  });

  it('parses every valid attribute', () => {
    const { settings, issues } = resolveSettings({
      'api-base': 'https://api.example.com/',
      carriers: 'russian-post, nova-poshta',
      types: 'parcel_locker,post_office',
      lang: 'uk-UA',
      center: '50.45, 30.52',
      zoom: '14',
      layout: 'list',
      mode: 'modal',
      selected: 'np-1',
      name: 'pickup',
      'tile-url': 'https://tiles.example.com/{z}/{x}/{y}.png',
      'config-id': 'demo',
      required: '',
      feed: 'nova-poshta',
      'np-api-key': 'np-key',
      order: '',
      'track-url': '/track#order={orderId}',
    });
    expect(issues).toEqual([]);
    expect(settings).toEqual({
      apiBase: 'https://api.example.com',
      carriers: ['russian-post', 'nova-poshta'],
      types: ['parcel_locker', 'post_office'],
      lang: 'uk',
      center: { lat: 50.45, lng: 30.52 },
      zoom: 14,
      layout: 'list',
      mode: 'modal',
      selected: 'np-1',
      name: 'pickup',
      tileUrl: 'https://tiles.example.com/{z}/{x}/{y}.png',
      configId: 'demo',
      required: true,
      feed: 'nova-poshta',
      npApiKey: 'np-key',
      order: true,
      trackUrl: '/track#order={orderId}',
    });
  });

  it.each([
    ['zoom', 'big'],
    ['zoom', '25'],
    ['center', '55.7'],
    ['center', '95,37'],
    ['layout', 'grid'],
    ['mode', 'popup'],
    ['types', 'post_office,warehouse'],
    ['carriers', 'Russian Post'],
    ['lang', 'de'],
    ['tile-url', 'https://tiles.example.com/tile.png'],
    ['api-base', 'javascript:alert(1)'],
  ] as const)('reports a bad %s="%s", names it and falls back to the default', (attr, value) => {
    const { settings, issues } = resolveSettings({ [attr]: value, zoom: attr === 'zoom' ? value : '9' });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.field).toBe(attr);
    expect(issues[0]!.message).toContain(attr);
    const key = { zoom: 'zoom', center: 'center', layout: 'layout', mode: 'mode', types: 'types', carriers: 'carriers', lang: 'lang', 'tile-url': 'tileUrl', 'api-base': 'apiBase' }[attr];
    expect(settings[key as keyof typeof settings]).toEqual(DEFAULTS[key as keyof typeof DEFAULTS]);
    if (attr !== 'zoom') expect(settings.zoom).toBe(9);
  });

  it('lets attributes win over the config, and the config over the defaults', () => {
    const { settings } = resolveSettings({ layout: 'map' }, { layout: 'list', zoom: 8, lang: 'en', carriers: ['nova-poshta'] });
    expect(settings.layout).toBe('map');
    expect(settings.zoom).toBe(8);
    expect(settings.lang).toBe('en');
    expect(settings.carriers).toEqual(['nova-poshta']);
  });

  it('accepts tile-url="none" for the built-in basemap', () => {
    expect(parseAttribute('tile-url', 'none')).toEqual({ ok: true, value: 'none' });
  });
});

describe('parseConfig', () => {
  it('names each bad field and keeps the good ones', () => {
    const r = parseConfig({ zoom: 40, layout: 'list', tileUrl: 'nope', center: { lat: 50.45, lng: 30.52 } });
    expect(r.config).toEqual({ layout: 'list', center: { lat: 50.45, lng: 30.52 } });
    expect(r.issues.map((i) => i.field).sort()).toEqual(['config.tileUrl', 'config.zoom']);
    expect(r.issues.find((i) => i.field === 'config.zoom')?.message).toMatch(/^config\.zoom: /);
  });
  it('drops a whole nested field when a part of it is bad, and rejects a config that is not an object', () => {
    const r = parseConfig({ theme: { primary: 'url(javascript:x)' }, mode: 'modal' });
    expect(r.config).toEqual({ mode: 'modal' });
    expect(r.issues[0]?.field).toMatch(/^config\.theme/);
    expect(parseConfig('layout=list')).toEqual({ config: undefined, issues: [{ field: 'config', message: 'config: expected an object' }] });
    expect(parseConfig(null)).toEqual({ config: undefined, issues: [] });
  });
  it('reports a bad URL or name inside a config instead of dropping it silently', () => {
    expect(parseConfig({ apiBase: 'javascript:alert(1)' }).issues[0]?.field).toBe('config.apiBase');
    expect(parseConfig({ tileUrl: 'https://t.example/tile.png' }).issues[0]?.field).toBe('config.tileUrl');
    expect(parseConfig({ name: 'x'.repeat(101) }).issues[0]?.field).toBe('config.name');
  });
  it('applies the same limits to an attribute and to a config field', () => {
    const cases: Array<[attr: 'name' | 'api-base' | 'tile-url', key: string, value: string]> = [
      ['name', 'name', 'x'.repeat(100)],
      ['name', 'name', 'x'.repeat(101)],
      ['api-base', 'apiBase', '/api'],
      ['api-base', 'apiBase', '//evil.example'],
      ['api-base', 'apiBase', 'ftp://x.example'],
      ['tile-url', 'tileUrl', '/t/{z}/{x}/{y}.png'],
      ['tile-url', 'tileUrl', '//t.example/{z}/{x}/{y}.png'],
      ['tile-url', 'tileUrl', 'https://t.example/{x}/{y}/{z}.png'],
      ['tile-url', 'tileUrl', 'none'],
    ];
    for (const [attr, key, value] of cases) {
      expect(parseConfig({ [key]: value }).issues.length === 0, `${attr}="${value.slice(0, 20)}"`).toBe(parseAttribute(attr, value).ok);
    }
  });
  it('accepts a valid config', () => {
    expect(parseConfig({ id: 'x', layout: 'list' }).config).toEqual({ id: 'x', layout: 'list' });
  });
});

describe('feed setting', () => {
  it('defaults to the tile feed; the attribute and config choose nova-poshta; bad values are reported', () => {
    expect(resolveSettings({}).settings.feed).toBe('tiles');
    expect(resolveSettings({ feed: 'nova-poshta', 'np-api-key': 'k1' }).settings).toMatchObject({ feed: 'nova-poshta', npApiKey: 'k1' });
    expect(resolveSettings({}, { feed: 'nova-poshta', npApiKey: 'cfg' }).settings).toMatchObject({ feed: 'nova-poshta', npApiKey: 'cfg' });
    const bad = resolveSettings({ feed: 'everything' }, { feed: 'nova-poshta' });
    expect(bad.settings.feed).toBe('nova-poshta');
    expect(bad.issues[0]?.field).toBe('feed');
  });
});
