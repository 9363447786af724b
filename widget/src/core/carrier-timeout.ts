import { CONFIG_DEFAULTS } from '../model/config-defaults.js';

/** Milliseconds a carrier may take when the config sets no carrierTimeoutMs (WidgetConfig.carrierTimeoutMs). */
export const DEFAULT_CARRIER_TIMEOUT_MS: number = CONFIG_DEFAULTS.carrierTimeoutMs;
