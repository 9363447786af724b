import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../widget/src/element/settings.js';
import { BRANCH_TYPES, CARRIER_IDS, CONFIG_DEFAULTS, WidgetConfig } from '../../widget/src/model/index.js';
import { emptyValues } from './config-form.js';
import { WIDGET_DEFAULTS, localOptions } from './defaults.js';
import { UI_STRINGS } from './i18n/index.js';

describe('the constructor takes the widget\'s defaults, it does not restate them', () => {
  it('config-only defaults are the model\'s CONFIG_DEFAULTS, and a config may hold them', () => {
    expect(WIDGET_DEFAULTS).toMatchObject(CONFIG_DEFAULTS);
    expect(WidgetConfig.safeParse(CONFIG_DEFAULTS).success).toBe(true);
    const form = emptyValues();
    expect([form.sort, form.hideUnfit]).toEqual([CONFIG_DEFAULTS.sort, CONFIG_DEFAULTS.hideUnfit]);
  });

  it('attribute defaults are the element\'s DEFAULTS', () => {
    const { carriers: _c, types: _t, ...own } = WIDGET_DEFAULTS;
    for (const [key, value] of Object.entries(own)) {
      if (key in DEFAULTS) expect(value, key).toEqual(DEFAULTS[key as keyof typeof DEFAULTS]);
    }
  });

  it('"all" is every carrier and point type of the model, and the form offers exactly those', () => {
    expect(WIDGET_DEFAULTS.carriers).toEqual(CARRIER_IDS);
    expect(WIDGET_DEFAULTS.types).toEqual(BRANCH_TYPES);
    for (const [lang, t] of Object.entries(UI_STRINGS)) {
      const o = localOptions(t);
      expect(o.carriers.map((x) => x.value), `${lang} carriers`).toEqual([...CARRIER_IDS]);
      expect(o.types.map((x) => x.value), `${lang} types`).toEqual([...BRANCH_TYPES]);
    }
  });
});
