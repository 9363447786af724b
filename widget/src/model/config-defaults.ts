// Defaults of the config-only settings, in a module of their own: the tariff layer and core/ read
// them without pulling the WidgetConfig schema (zod) into their bundles.
import type { WidgetConfig } from './config.js';

/**
 * What the widget does when a config leaves out a config-only setting (one without an attribute; the
 * attributes' defaults are in element/settings-table.ts). The single source for the widget and the
 * constructor, whose snippet leaves these values out.
 */
export const CONFIG_DEFAULTS = {
  sort: 'nearest',
  hideUnfit: false,
  carrierTimeoutMs: 3000,
  sortWeights: { distance: 1, price: 1, speed: 1 },
} as const satisfies Required<Pick<WidgetConfig, 'sort' | 'hideUnfit' | 'carrierTimeoutMs' | 'sortWeights'>>;
