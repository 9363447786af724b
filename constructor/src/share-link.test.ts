import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../widget/src/element/settings.js';
import type { WidgetConfig } from '../../widget/src/model/config.js';
import { keepValidFields, readShareHash, shareHash, SHARE_PREFIX } from './share-link.js';

const encode = (value: unknown): string =>
  SHARE_PREFIX + Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('share link', () => {
  it('round-trips a config, Cyrillic and all, without the saved id', () => {
    const config: WidgetConfig = { id: 'cfg_1', layout: 'list', lang: 'uk', name: 'пункт_видачі', theme: { primary: '#0a7c4a' }, zoom: 12 };
    const hash = shareHash(config);
    expect(hash).toMatch(/^#config=[A-Za-z0-9_-]+$/);
    const r = readShareHash(hash);
    expect(r).toEqual({ ok: true, shared: { config: { layout: 'list', lang: 'uk', name: 'пункт_видачі', theme: { primary: '#0a7c4a' }, zoom: 12 }, dropped: [] } });
  });

  it('keeps the good fields and names the bad ones', () => {
    const r = readShareHash(encode({ layout: 'list', zoom: 40, theme: { primary: 'red' }, lang: 'en', carriers: ['russian-post'] }));
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    expect(r.shared.config).toEqual({ layout: 'list', lang: 'en', carriers: ['russian-post'] });
    expect(r.shared.dropped.map((d) => d.field).sort()).toEqual(['theme.primary', 'zoom']);
  });

  it('is not a share link without the prefix, and says why an unreadable one fails', () => {
    expect(readShareHash('#orders')).toBeUndefined();
    expect(readShareHash('#config=@@@')).toEqual({ ok: false, reason: 'not an encoded configuration' });
    expect(readShareHash(encode([1, 2]))).toEqual({ ok: false, reason: 'not a configuration object' });
    expect(readShareHash(`#config=${'A'.repeat(9000)}`)).toMatchObject({ ok: false });
  });

  it('drops a field whose nested value is wrong, but keeps its valid siblings', () => {
    const r = keepValidFields({ parcel: { weightG: -1 }, mode: 'modal', layout: 'sideways' });
    expect(r.config).toEqual({ mode: 'modal' });
    expect(r.dropped.some((d) => d.field === 'layout')).toBe(true);
    expect(r.dropped.some((d) => d.field.startsWith('parcel'))).toBe(true);
  });

  it('keeps and drops exactly what the element keeps and drops from the same config', () => {
    const input = { zoom: 40, theme: { primary: 'red', radius: 99 }, layout: 'list', parcel: { weightG: 1, dimensionsCm: { length: 2000, width: 1, height: 1 } }, lang: 'en' };
    const shared = keepValidFields(input);
    const element = parseConfig(input);
    expect(shared.config).toEqual(element.config);
    expect(shared.dropped.map((d) => `config.${d.field}`)).toEqual(element.issues.map((i) => i.field));
    expect(shared.dropped.map((d) => d.field)).toEqual(['zoom', 'theme.primary', 'parcel.dimensionsCm.length']);
  });
});
